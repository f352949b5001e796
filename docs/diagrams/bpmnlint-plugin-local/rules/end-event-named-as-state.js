// An end event is named as the state it ends in ("Complaint closed", "Escalated"), not as an action ("Escalate"):
// Camunda best practice "Naming BPMN elements". Tasks are named verb + object, so the first words of the diagram's
// task names are the verbs an end event's name must not start with.
module.exports = function() {
  function check(node, reporter) {
    if (!node.$instanceOf('bpmn:Definitions')) return;
    const verbs = new Set(['escalate']);
    const ends = [];
    const walk = (container) => {
      for (const element of container.flowElements || []) {
        const word = (element.name || '').trim().split(/\s+/)[0] || '';
        // An acronym (QA, CQC, DCS) starts a noun phrase as often as a verb: no evidence either way.
        const first = word === word.toUpperCase() ? '' : word.toLowerCase().replace(/[^a-z-]/g, '');
        if (element.$instanceOf('bpmn:Task') && first) verbs.add(first);
        if (element.$instanceOf('bpmn:EndEvent')) ends.push([element, first]);
        if (element.flowElements) walk(element);
      }
    };
    (node.rootElements || []).forEach(walk);
    for (const [end, first] of ends) {
      if (verbs.has(first)) {
        reporter.report(end.id, `End event named as an action ('${end.name.trim()}'); name the state it ends in`);
      }
    }
  }
  return { check };
};
