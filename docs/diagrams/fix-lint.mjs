// Fixes, the way a process owner would in the Camunda Modeler (with bpmn-js modeling, so layout, DI and
// incoming/outgoing follow), the bpmnlint findings that need no judgement, then saves as the Modeler saves:
//   fake-join              an activity or event with several incoming flows gets an exclusive merging gateway before
//                          it (each incoming flow started it on its own before, as it does through the gateway)
//   no-gateway-join-fork   a gateway that both merges and splits gets a merging gateway of its own kind before it
//   no-implicit-split      an activity or event with several unconditional outgoing flows gets a parallel gateway
//                          after it (they all started at once before, as they do through the gateway)
//   superfluous-gateway    a gateway with one incoming and one outgoing flow is removed, its incoming flow led on
// and two naming conventions bpmnlint does not check: a merging gateway's name is dropped, and an end event named
// "Escalate …" is renamed "Escalated …", the state it ends in.
// New gateways are unnamed (merging gateways carry no name) with ids gw_join_<step> / gw_split_<step>, and their new
// flows flow_join_<step>_to_<step> / flow_<step>_to_split_<step>, so existing ids stay. What needs a judgement
// (a missing name, overlapping shapes) is left to lint.mjs to report.
//
// From the repository root:  node docs/diagrams/fix-lint.mjs FILE...   then run lint and look at the pictures.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORTER, saveBpmn, withModelerPage } from './modeler-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const files = process.argv.slice(2).map((file) => resolve(process.env.INIT_CWD || process.cwd(), file));
if (files.length === 0 || files.some((file) => !file.endsWith('.bpmn'))) {
  console.error('usage: node docs/diagrams/fix-lint.mjs FILE.bpmn...');
  process.exit(2);
}

await withModelerPage(async (evaluate) => {
  for (const file of files) {
    const result = await evaluate(fix, { xml: readFileSync(file, 'utf8'), exporter: EXPORTER });
    if (result.error) throw new Error(`${relative(root, file)}: ${result.error}`);
    // Opened again and saved, as the next Modeler session would: the new shapes' DI settles in the Modeler's order.
    const again = await evaluate(saveBpmn, { xml: result.xml, exporter: EXPORTER });
    if (again.error) throw new Error(`${relative(root, file)}: ${again.error}`);
    writeFileSync(file, again.xml);
    console.log(`${relative(root, file)}: ${result.fixed.length} fixed${result.fixed.map((f) => `\n  ${f}`).join('')}`);
  }
});

/** Runs in the page. */
async function fix({ xml, exporter }) {
  const container = document.getElementById('canvas');
  container.innerHTML = '';
  const modeler = new window.BpmnModeler({
    container,
    exporter,
    additionalModules: [{ __init__: ['addExporter'], addExporter: ['type', window.AddExporter] }],
  });
  try {
    try {
      await modeler.importXML(xml);
    } catch (error) {
      return { error: error.message };
    }
    const registry = modeler.get('elementRegistry');
    const modeling = modeler.get('modeling');
    const bpmnFactory = modeler.get('bpmnFactory');
    const elementFactory = modeler.get('elementFactory');
    const fixed = [];
    const is = (element, type) => element.businessObject && element.businessObject.$instanceOf(type);
    const isFlow = (connection) => is(connection, 'bpmn:SequenceFlow');
    const stepOf = (id) => id.replace(/^[a-z]+_/, '');
    const freeId = (id) => {
      let candidate = id;
      for (let n = 2; registry.get(candidate) || modeler.get('moddle').ids.assigned(candidate); n++) {
        candidate = `${id}_${n}`;
      }
      return candidate;
    };
    const centre = (shape) => ({ x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 });
    const gateway = (type, id, position, parent) => {
      const businessObject = bpmnFactory.create(type, { id: freeId(id) });
      return modeling.createShape(elementFactory.createShape({ type, businessObject }), position, parent);
    };
    const flow = (source, target, id) => modeling.connect(source, target,
      { type: 'bpmn:SequenceFlow', businessObject: bpmnFactory.create('bpmn:SequenceFlow', { id: freeId(id) }) });
    // Room for a new gateway, as the Modeler's space tool makes it: everything right of the line x moves right.
    const canvas = modeler.get('canvas');
    const spaceTool = modeler.get('spaceTool');
    const makeRoom = (x, width = 100) => {
      const all = registry.filter((element) => element !== canvas.getRootElement() && element.type !== 'label');
      const { movingShapes, resizingShapes } = spaceTool.calculateAdjustments(all, 'x', width, x);
      modeling.createSpace(movingShapes, resizingShapes, { x: width, y: 0 }, 'e', x);
    };
    const hasCondition = (connection) => !!connection.businessObject.conditionExpression;
    const isDefault = (source, connection) => source.businessObject.default === connection.businessObject;

    const shapes = () => registry.filter((element) => !element.waypoints && element.businessObject
      && element.type !== 'label' && element.businessObject.$instanceOf('bpmn:FlowNode'));

    // superfluous-gateway
    for (const shape of shapes()) {
      const incoming = shape.incoming.filter(isFlow);
      const outgoing = shape.outgoing.filter(isFlow);
      if (is(shape, 'bpmn:Gateway') && incoming.length === 1 && outgoing.length === 1
          && !outgoing[0].businessObject.conditionExpression) {
        const target = outgoing[0].target;
        modeling.removeElements([outgoing[0]]);
        modeling.reconnectEnd(incoming[0], target, centre(target));
        modeling.removeElements([shape]);
        fixed.push(`superfluous-gateway ${shape.id}: removed, ${incoming[0].id} now leads to ${target.id}`);
      }
    }

    // fake-join and no-gateway-join-fork: a merging gateway before the element
    for (const shape of shapes()) {
      const incoming = shape.incoming.filter(isFlow);
      const joinFork = is(shape, 'bpmn:Gateway') && incoming.length > 1 && shape.outgoing.filter(isFlow).length > 1;
      const fakeJoin = (is(shape, 'bpmn:Activity') || is(shape, 'bpmn:Event')) && incoming.length > 1;
      if (!joinFork && !fakeJoin) continue;
      const type = joinFork ? shape.type : 'bpmn:ExclusiveGateway';
      makeRoom(shape.x - 10);
      const at = { x: shape.x - 60, y: centre(shape).y };
      const merge = gateway(type, `gw_join_${stepOf(shape.id)}`, at, shape.parent);
      for (const connection of incoming) {
        modeling.reconnectEnd(connection, merge, centre(merge));
      }
      const joined = flow(merge, shape, `flow_join_${stepOf(shape.id)}_to_${stepOf(shape.id)}`);
      fixed.push(`${joinFork ? 'no-gateway-join-fork' : 'fake-join'} ${shape.id}: merged by ${merge.id} `
        + `(${incoming.map((c) => c.id).join(', ')}), then ${joined.id}`);
    }

    // no-implicit-split: a parallel gateway after the element
    for (const shape of shapes()) {
      if (!(is(shape, 'bpmn:Activity') || is(shape, 'bpmn:Event'))) continue;
      const plain = shape.outgoing.filter((c) => isFlow(c) && !hasCondition(c) && !isDefault(shape, c));
      if (plain.length < 2) continue;
      makeRoom(shape.x + shape.width + 10);
      const at = { x: shape.x + shape.width + 60, y: centre(shape).y };
      const split = gateway('bpmn:ParallelGateway', `gw_split_${stepOf(shape.id)}`, at, shape.parent);
      for (const connection of plain) {
        modeling.reconnectStart(connection, split, centre(split));
      }
      const into = flow(shape, split, `flow_${stepOf(shape.id)}_to_split_${stepOf(shape.id)}`);
      fixed.push(`no-implicit-split ${shape.id}: ${into.id} into ${split.id}, which starts `
        + plain.map((c) => c.id).join(', '));
    }

    // Style (issue #17, Camunda's "Naming BPMN elements"): merging gateways carry no name; end events are named as
    // the state reached, so the overdue escalations' "Escalate …" becomes "Escalated …".
    for (const shape of shapes()) {
      const name = shape.businessObject.name;
      if (is(shape, 'bpmn:Gateway') && name && shape.incoming.filter(isFlow).length > 1
          && shape.outgoing.filter(isFlow).length <= 1) {
        modeling.updateLabel(shape, null);
        fixed.push(`style ${shape.id}: merging gateway's name '${name}' dropped`);
      } else if (is(shape, 'bpmn:EndEvent') && /^Escalate\b/.test(name || '')) {
        modeling.updateLabel(shape, name.replace(/^Escalate\b/, 'Escalated'));
        fixed.push(`style ${shape.id}: '${name}' named as its state`);
      }
    }

    const saved = await modeler.saveXML({ format: true });
    return { xml: saved.xml, fixed };
  } finally {
    modeler.destroy();
  }
}
