// A gateway that only merges (several incoming flows, at most one outgoing) asks no question, so it carries no name:
// the name of a gateway is the question its outgoing flows answer (Camunda best practice "Naming BPMN elements").
module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:Gateway')) return;
    const name = (node.name || '').trim();
    if (name && (node.incoming || []).length > 1 && (node.outgoing || []).length <= 1) {
      reporter.report(node.id, `Merging gateway carries a name ('${name}'); only a splitting gateway asks a question`);
    }
  }
  return { check };
};
