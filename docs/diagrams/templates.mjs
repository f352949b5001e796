// The element templates of .camunda/element-templates/, applied by the Camunda Modeler's own template code: the
// elementTemplates service of camunda-bpmn-js's CamundaPlatformModeler (bpmn-js-element-templates, as Modeler 5.40.0
// bundles it), in Debian's headless Chromium (modeler-page.mjs). The Modeler applies a template with
// elementTemplates.applyTemplate: on an element that carries the template already (camunda:modelerTemplate), as
// "update", keeping every value the process owner changed, and dropping any camunda:property, camunda:in/out of the
// kinds the template writes that the template does not name; on an element without it, every bound value is reset to
// the template's.
//
// From the repository root:
//   node docs/diagrams/templates.mjs check [--templates=DIR] [--out=DIR] [FILE...]
//       Applies each template (a) to a fresh element drawn with the Modeler's modeling API, as a process owner draws a
//       step, and (b) to every element of processes/*.bpmn (or FILE...) that carries it. Reports, per element, what
//       applying changed: an element replaced by another, a timer or message definition lost, any other line of the
//       saved file, a value the template's own constraints refuse. Exit 1 if anything was reported. With --out, writes
//       DIR/fresh/*.bpmn (steps built from the templates, with what the process owner fills in) and DIR/applied/*.bpmn
//       (each file with every template re-applied) for the Java tests to parse, check and run.
//   node docs/diagrams/templates.mjs mark [FILE...]
//       Puts camunda:modelerTemplate on each element a template describes (see DESCRIBES) where applying it changes
//       nothing but filling in the template's own empty fields; lists the elements it describes but does not fit.
//   node docs/diagrams/templates.mjs notify [FILE...]
//       Replaces the written-out ${inspectorateNotifier} task listeners (create and assignment) of each user task by
//       the Camunda property notify = inspectorate, from which InspectorateNotificationPlugin adds the same two
//       listeners when the diagram is deployed.
// mark and notify save as the Modeler saves; run `npm --prefix docs/diagrams run normalize`, lint and render after.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORTER, firstDifferences, saveBpmn, withModelerPage } from './modeler-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cwd = process.env.INIT_CWD || process.cwd();

const [command, ...rest] = process.argv.slice(2);
const option = (name) => rest.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const named = rest.filter((arg) => !arg.startsWith('--'));
if (!['check', 'mark', 'notify'].includes(command)) {
  console.error('usage: node docs/diagrams/templates.mjs check|mark|notify [--templates=DIR] [--out=DIR] [FILE...]');
  process.exit(2);
}
const templatesDir = option('templates') ? resolve(cwd, option('templates')) : join(root, '.camunda', 'element-templates');
const templates = readdirSync(templatesDir).filter((file) => file.endsWith('.json')).sort()
  .flatMap((file) => [].concat(JSON.parse(readFileSync(join(templatesDir, file), 'utf8'))));
const files = named.length > 0
  ? named.map((file) => resolve(cwd, file))
  : readdirSync(join(root, 'processes')).filter((file) => file.endsWith('.bpmn')).sort()
    .map((file) => join(root, 'processes', file));
const out = option('out') ? resolve(cwd, option('out')) : null;

let reported = 0;
await withModelerPage(async (evaluate) => {
  if (command === 'check') {
    const fresh = await evaluate(inPage, { mode: 'fresh', templates, exporter: EXPORTER });
    if (fresh.error) throw new Error(`fresh elements: ${fresh.error}`);
    for (const result of fresh.results) report('fresh', result);
    if (out) {
      mkdirSync(join(out, 'fresh'), { recursive: true });
      for (const [name, xml] of Object.entries(fresh.diagrams)) writeFileSync(join(out, 'fresh', name), xml);
    }
  }
  for (const file of files) {
    const name = relative(root, file);
    const xml = readFileSync(file, 'utf8');
    const result = await evaluate(inPage, { mode: command, xml, templates, exporter: EXPORTER });
    if (result.error) throw new Error(`${name}: ${result.error}`);
    if (command === 'check') {
      for (const element of result.results) report(name, element);
      if (result.xml) {
        reported++;
        console.log(`${name}: PROBLEM: applying the templates changed the saved file:\n`
          + firstDifferences(result.baseline, result.xml).map((line) => `  ${line}`).join('\n'));
      }
      if (out) {
        mkdirSync(join(out, 'applied'), { recursive: true });
        writeFileSync(join(out, 'applied', basename(file)), result.applied);
      }
      console.log(`${name}: ${result.results.length} element(s) carrying a template`);
      continue;
    }
    for (const line of result.changed) console.log(`${name}: ${line}`);
    for (const line of result.left) console.log(`${name}: left as it is: ${line}`);
    if (result.changed.length > 0) {
      // Opened again and saved, as the next Modeler session would.
      const again = await evaluate(saveBpmn, { xml: result.xml, exporter: EXPORTER });
      if (again.error) throw new Error(`${name}: ${again.error}`);
      writeFileSync(file, again.xml);
    }
    console.log(`${name}: ${result.changed.length} element(s) changed`);
  }
});
if (command === 'check') {
  console.log(`${reported} problem(s) applying ${templates.length} element template(s)`);
  if (reported > 0) process.exitCode = 1;
}

function report(where, { id, template, problems }) {
  const lines = [...problems];
  if (lines.length === 0) {
    console.log(`${where}: '${id}' (${template}): applied, nothing else changed`);
    return;
  }
  reported += problems.length;
  console.log(`${where}: '${id}' (${template}): PROBLEM\n${lines.map((line) => `  ${line}`).join('\n')}`);
}


/** Runs in the page: one mode on one diagram (or, for 'fresh', on diagrams it draws). */
async function inPage({ mode, xml, templates, exporter }) {
  const DEADLINE = '${deadlines.due(execution)}';
  const NOTIFIER = '${inspectorateNotifier}';
  // The elements each template describes, whether or not they carry it yet (mark).
  const DESCRIBES = {
    'uk.jointinspections.deadline-user-task': (bo) => bo.$type === 'bpmn:UserTask' && bo.get('camunda:dueDate') === DEADLINE,
    'uk.jointinspections.notify-inspectorate': (bo) => bo.$type === 'bpmn:UserTask' && !bo.get('camunda:dueDate')
      && camundaProperty(bo, 'notify') === 'inspectorate',
    'uk.jointinspections.escalation-timer': (bo) => bo.$type === 'bpmn:BoundaryEvent'
      && timeDate(bo) === DEADLINE,
    'uk.jointinspections.awaits-submission': (bo) => bo.$type === 'bpmn:BoundaryEvent'
      && bo.attachedToRef?.$type === 'bpmn:SubProcess' && /^msg_[a-z0-9_]+$/.test(messageName(bo) || ''),
    'uk.jointinspections.call-complaint': (bo) => bo.$type === 'bpmn:CallActivity' && bo.calledElement === 'complaint',
    'uk.jointinspections.call-concern-referral': (bo) => bo.$type === 'bpmn:CallActivity'
      && bo.calledElement === 'concern-referral',
  };
  // What the process owner fills in after applying the template, where the template asks for it (mark).
  const FILL = {
    'uk.jointinspections.awaits-submission': (element, set) => set('message', messageName(element.businessObject)),
  };

  const container = document.getElementById('canvas');
  container.innerHTML = '';
  const modeler = new window.BpmnModeler({
    container,
    exporter,
    elementTemplates: templates,
    additionalModules: [{ __init__: ['addExporter'], addExporter: ['type', window.AddExporter] }],
  });
  const get = (name) => modeler.get(name);
  const save = async () => (await modeler.saveXML({ format: true })).xml;

  function extension(bo, type) {
    return (bo.get('extensionElements')?.get('values') || []).filter((value) => value.$type === type);
  }
  function camundaProperty(bo, name) {
    const property = extension(bo, 'camunda:Properties').flatMap((p) => p.get('values'))
      .find((p) => p.name === name);
    return property ? (property.value ?? '') : undefined;
  }
  function timeDate(bo) {
    const timer = (bo.eventDefinitions || []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
    return timer?.timeDate?.body?.trim();
  }
  function messageName(bo) {
    return (bo.eventDefinitions || []).find((d) => d.$type === 'bpmn:MessageEventDefinition')?.messageRef?.name;
  }
  /** The value a template property's binding reads on the element, as the properties panel shows it. */
  function boundValue(bo, binding) {
    const ins = extension(bo, 'camunda:In');
    switch (binding.type) {
      case 'property': return bo.get(binding.name);
      case 'camunda:property': return camundaProperty(bo, binding.name);
      case 'camunda:in:businessKey': return ins.find((i) => i.businessKey !== undefined)?.businessKey;
      case 'camunda:in': {
        const found = ins.find((i) => i.target === binding.target);
        return found && (binding.expression ? found.sourceExpression : found.source);
      }
      case 'camunda:out': return extension(bo, 'camunda:Out').find((o) => o.source === binding.source)?.target;
      default: return undefined;
    }
  }
  /** What the Modeler's properties panel would flag on the element for this template. */
  function constraintProblems(bo, template) {
    const problems = [];
    for (const property of template.properties) {
      const value = boundValue(bo, property.binding);
      const text = value === undefined || value === null ? '' : String(value);
      const label = property.label || property.binding.name || property.binding.target || property.binding.type;
      const { notEmpty, pattern } = property.constraints || {};
      if (notEmpty && text === '') problems.push(`'${label}' is empty; the template requires it`);
      const regex = typeof pattern === 'string' ? pattern : pattern?.value;
      if (regex && text !== '' && !new RegExp(regex).test(text)) {
        problems.push(`'${label}' is '${text}': ${pattern.message || `does not match ${regex}`}`);
      }
      if (property.type === 'Dropdown' && !property.choices.some((choice) => choice.value === text)) {
        problems.push(`'${label}' is '${text}', not one of the template's choices`);
      }
      if (property.type === 'Hidden' && text !== String(property.value)) {
        problems.push(`hidden '${label}' is '${text}', not the template's '${property.value}'`);
      }
    }
    return problems;
  }
  /** What an element is, in the terms applying a template can break. */
  function shape(element) {
    const bo = element.businessObject;
    return JSON.stringify({
      type: bo.$type,
      definitions: (bo.eventDefinitions || []).map((d) => `${d.$type} ${d.id} ${timeDate(bo) || messageName(bo) || ''}`),
      incoming: (element.incoming || []).map((c) => c.id),
      outgoing: (element.outgoing || []).map((c) => c.id),
      attachers: (element.attachers || []).map((a) => a.id),
      host: element.host?.id,
    });
  }
  /** Applies the template as the Modeler's template chooser does, and says what went wrong. */
  function apply(element, template) {
    const problems = [];
    const before = shape(element);
    const beforeDefinitions = (element.businessObject.eventDefinitions || []).map((d) => d.$type);
    if (!get('elementTemplates').getAll(element).some((t) => t.id === template.id && t.version === template.version)) {
      problems.push(`the Modeler does not offer the template for a ${element.businessObject.$type} (appliesTo)`);
    }
    let applied;
    try {
      applied = get('elementTemplates').applyTemplate(element, template);
    } catch (error) {
      problems.push(`applying it throws: ${error.message}`);
      applied = get('elementRegistry').get(element.id) || element;
    }
    if (applied !== element) {
      problems.push(`the Modeler replaced the element by a new ${applied.businessObject.$type}`
        + ` '${applied.id}' (template elementType)`);
    }
    const afterDefinitions = (applied.businessObject.eventDefinitions || []).map((d) => d.$type);
    for (const type of beforeDefinitions) {
      if (!afterDefinitions.includes(type)) problems.push(`its ${type} is gone`);
    }
    if (applied === element && shape(applied) !== before) {
      problems.push(`its connections or type changed: ${before} -> ${shape(applied)}`);
    }
    if (applied.businessObject.get('camunda:modelerTemplate') !== template.id) {
      problems.push('camunda:modelerTemplate is not set');
    }
    return { problems, element: applied };
  }

  try {
    if (mode === 'fresh') return await fresh();
    try {
      await modeler.importXML(xml);
    } catch (error) {
      return { error: error.message };
    }
    const registry = get('elementRegistry');
    const elements = registry.filter((element) => element.type !== 'label' && element.businessObject?.id);
    const templateOf = (element) => {
      const bo = element.businessObject;
      const id = bo.get('camunda:modelerTemplate');
      return id && templates.find((t) => t.id === id && t.version === Number(bo.get('camunda:modelerTemplateVersion')));
    };

    if (mode === 'check') {
      // Every element carrying a template gets it applied, as the Modeler's "update" does; each element's own XML is
      // compared before and after, and then the whole saved file.
      const baseline = await save();
      const results = [];
      for (const element of elements.filter((e) => e.businessObject.get('camunda:modelerTemplate'))) {
        const bo = element.businessObject;
        const template = templateOf(element);
        const result = { id: bo.id, template: `${bo.get('camunda:modelerTemplate')} v${bo.get('camunda:modelerTemplateVersion')}`, problems: [] };
        results.push(result);
        if (!template) {
          result.problems.push('no such template (version) in .camunda/element-templates');
          continue;
        }
        result.problems.push(...constraintProblems(bo, template));
        const before = await fragment(bo);
        const { problems, element: applied } = apply(element, template);
        result.problems.push(...problems);
        const after = await fragment(applied.businessObject);
        if (after !== before) {
          result.problems.push(`its XML changed: ${lostLines(before, after).join(' | ')} -> ${lostLines(after, before).join(' | ')}`);
        }
      }
      const applied = await save();
      return { baseline, results, applied, xml: applied === baseline ? null : applied };
    }

    if (mode === 'mark') {
      const changed = [];
      const left = [];
      for (const element of elements) {
        const bo = element.businessObject;
        const template = templates.find((t) => DESCRIBES[t.id]?.(bo));
        if (!template || bo.get('camunda:modelerTemplate') === template.id) continue;
        if (bo.get('camunda:modelerTemplate')) {
          left.push(`'${bo.id}' carries ${bo.get('camunda:modelerTemplate')}; ${template.id} describes it`);
          continue;
        }
        const stack = get('commandStack');
        const depth = stack._stackIdx;
        // What the Modeler writes when the template is applied and the process owner keeps every value: the template's
        // id and version, then the template's update, which adds the fields the element lacks, empty.
        get('modeling').updateProperties(element, {
          'camunda:modelerTemplate': template.id, 'camunda:modelerTemplateVersion': template.version,
        });
        const before = await fragment(element.businessObject);
        const { problems, element: applied } = apply(element, template);
        FILL[template.id]?.(applied, (name, value) => {
          const property = extension(applied.businessObject, 'camunda:Properties').flatMap((p) => p.get('values'))
            .find((p) => p.name === name);
          get('modeling').updateModdleProperties(applied, property, { value });
        });
        problems.push(...constraintProblems(applied.businessObject, template));
        const lost = lostLines(before, await fragment(applied.businessObject));
        if (lost.length > 0) problems.push(`applying it drops or rewrites: ${lost.join(' | ')}`);
        if (problems.length > 0) {
          while (stack._stackIdx > depth) stack.undo();
          left.push(`'${bo.id}' (${template.id}): ${problems.join('; ')}`);
        } else {
          changed.push(`'${bo.id}' carries ${template.id} v${template.version}`);
        }
      }
      return { changed, left, xml: await save() };
    }

    if (mode === 'notify') {
      const changed = [];
      const left = [];
      const modeling = get('modeling');
      const factory = get('bpmnFactory');
      for (const element of elements.filter((e) => e.businessObject.$type === 'bpmn:UserTask')) {
        const bo = element.businessObject;
        const notifiers = extension(bo, 'camunda:TaskListener').filter((l) => l.delegateExpression === NOTIFIER);
        if (notifiers.length === 0) continue;
        const events = notifiers.map((l) => l.event).sort().join(',');
        if (events !== 'assignment,create' || notifiers.some((l) => (l.fields || []).length > 0 || l.id)) {
          left.push(`'${bo.id}': its ${NOTIFIER} listeners (${events}) are not the two the property stands for`);
          continue;
        }
        if (camundaProperty(bo, 'notify') !== undefined && camundaProperty(bo, 'notify') !== 'inspectorate') {
          left.push(`'${bo.id}': notify is '${camundaProperty(bo, 'notify')}' beside the listeners`);
          continue;
        }
        const extensions = bo.get('extensionElements');
        modeling.updateModdleProperties(element, extensions, {
          values: extensions.get('values').filter((value) => !notifiers.includes(value)),
        });
        if (camundaProperty(bo, 'notify') === undefined) {
          let properties = extension(bo, 'camunda:Properties')[0];
          if (!properties) {
            properties = factory.create('camunda:Properties', { values: [] });
            modeling.updateModdleProperties(element, extensions, { values: [...extensions.get('values'), properties] });
          }
          const notify = factory.create('camunda:Property', { name: 'notify', value: 'inspectorate' });
          modeling.updateModdleProperties(element, properties, { values: [...properties.get('values'), notify] });
        }
        changed.push(`'${bo.id}': notify = inspectorate instead of its two ${NOTIFIER} listeners`);
      }
      return { changed, left, xml: await save() };
    }
    return { error: `unknown mode ${mode}` };
  } finally {
    modeler.destroy();
  }

  /** The element's own XML, as the Modeler would save it. */
  async function fragment(bo) {
    return (await get('moddle').toXML(bo, { format: true })).xml;
  }

  /** Lines of `before` that `after` no longer has (a field the template adds, empty, is no loss). */
  function lostLines(before, after) {
    const kept = new Map();
    for (const line of after.split('\n')) kept.set(line.trim(), (kept.get(line.trim()) || 0) + 1);
    return before.split('\n').map((line) => line.trim()).filter((line) => {
      const count = kept.get(line) || 0;
      kept.set(line, count - 1);
      return count <= 0;
    });
  }

  /**
   * Draws what a process owner draws in a new diagram, applies each template to a fresh element of its kind and
   * fills in what the template asks for, as the properties panel would write it.
   */
  async function fresh() {
    const results = [];
    const diagrams = {};
    const FORM = 'form_record_deep_dive_list';
    const byId = (id) => templates.find((t) => t.id === id);

    async function draw(processId, build) {
      // A new diagram as the Modeler's File > New File > BPMN diagram (Camunda 7) creates it.
      await modeler.importXML(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="_BPMNShape_StartEvent_2" bpmnElement="StartEvent_1">
        <dc:Bounds x="179" y="79" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`);
      const modeling = get('modeling');
      const canvas = get('canvas');
      const registry = get('elementRegistry');
      const process = canvas.getRootElement();
      modeling.updateProperties(process, { id: processId, isExecutable: true, 'camunda:historyTimeToLive': '1' });
      const start = registry.filter((e) => e.type === 'bpmn:StartEvent')[0];
      modeling.updateProperties(start, { id: `start_${processId}` });
      let x = 300;
      const at = { previous: start };
      const next = (type, id) => {
        const element = modeling.createShape({ type }, { x, y: 118 }, process);
        x += 180;
        modeling.updateProperties(element, { id });
        const flow = modeling.connect(at.previous, element);
        modeling.updateProperties(flow, { id: `flow_to_${id}` });
        at.previous = element;
        return element;
      };
      await build({ next, process, modeling, at });
      const end = next('bpmn:EndEvent', `end_${processId}`);
      modeling.updateProperties(end, { name: 'Done' });
      diagrams[`${processId.replace(/_/g, '-')}.bpmn`] = await save();
    }
    function applyFresh(element, templateId) {
      const template = byId(templateId);
      const before = element.businessObject.$type;
      const { problems, element: applied } = apply(element, template);
      for (const property of template.properties) {
        if (property.value === undefined) continue;
        const value = boundValue(applied.businessObject, property.binding);
        if (String(value) !== String(property.value)) {
          problems.push(`'${property.label || property.binding.name || property.binding.target}' is '${value}',`
            + ` not the template's '${property.value}'`);
        }
      }
      results.push({ id: `${before} ${applied.id}`, template: `${template.id} v${template.version}`, problems });
      return applied;
    }
    /** Types into a template field, as its properties panel entry does. */
    function enter(element, binding, value) {
      const bo = element.businessObject;
      if (binding.type === 'property') {
        get('modeling').updateProperties(element, { [binding.name]: value });
        return;
      }
      const property = extension(bo, 'camunda:Properties').flatMap((p) => p.get('values'))
        .find((p) => p.name === binding.name);
      get('modeling').updateModdleProperties(element, property, { value });
    }
    function fill(element, entries) {
      const template = templates.find((t) => t.id === element.businessObject.get('camunda:modelerTemplate'));
      for (const [key, value] of Object.entries(entries)) {
        const property = template.properties.find((p) => (p.binding.name || p.binding.target) === key);
        enter(element, property.binding, value);
      }
    }
    function describe(element, text) {
      get('modeling').updateProperties(element, {
        documentation: [get('bpmnFactory').create('bpmn:Documentation', { text })],
      });
    }

    await draw('templated_step', async ({ next, process, modeling, at }) => {
      let task = next('bpmn:UserTask', 'task_templated_step');
      task = at.previous = applyFresh(task, 'uk.jointinspections.deadline-user-task');
      fill(task, { name: 'Record the deep dive list', day: '2', time: '09:30', paragraph: '9, 11',
        'camunda:candidateGroups': 'ofsted', 'camunda:formRef': FORM });
      describe(task, 'Record the list of children from the deep dive theme. Complete it by 9.30am on day 2 (2 working'
        + ' days after the notification day). Required by paragraphs 9, 11 of the joint targeted area inspection'
        + ' framework (April 2017).');
      // A non-interrupting timer boundary event from the Modeler's replace menu, its timer set as README says.
      let boundary = modeling.createShape({ type: 'bpmn:BoundaryEvent', eventDefinitionType: 'bpmn:TimerEventDefinition' },
        { x: task.x + 70, y: task.y + task.height }, task, { attach: true });
      modeling.updateProperties(boundary, { id: 'boundary_overdue_templated_step' });
      const timer = boundary.businessObject.eventDefinitions[0];
      modeling.updateModdleProperties(boundary, timer, {
        timeDate: get('bpmnFactory').create('bpmn:FormalExpression', { body: DEADLINE }),
      });
      boundary = applyFresh(boundary, 'uk.jointinspections.escalation-timer');
      if (timeDate(boundary.businessObject) !== DEADLINE) {
        results[results.length - 1].problems.push(`its timer is no longer ${DEADLINE}`);
      }
      const escalated = modeling.createShape({ type: 'bpmn:EndEvent' }, { x: boundary.x + 120, y: boundary.y + 80 },
        process);
      modeling.updateProperties(escalated, { id: 'end_escalate_templated_step', name: 'Escalated' });
      const flow = modeling.connect(boundary, escalated);
      modeling.updateProperties(flow, { id: 'flow_to_escalate_templated_step' });
    });

    await draw('templated_notify', async ({ next, at }) => {
      let task = next('bpmn:UserTask', 'task_templated_notify');
      task = at.previous = applyFresh(task, 'uk.jointinspections.notify-inspectorate');
      fill(task, { name: 'Agree the on-site programme', 'camunda:candidateGroups': 'cqc', 'camunda:formRef': FORM });
      describe(task, 'Agree the on-site programme with the other inspectorates. There is no fixed deadline for this'
        + ' step.');
    });

    await draw('templated_calls', async ({ next, modeling, at }) => {
      let event = next('bpmn:IntermediateCatchEvent', 'msg_templated_submission');
      event = get('bpmnReplace').replaceElement(event, {
        type: 'bpmn:IntermediateCatchEvent', eventDefinitionType: 'bpmn:MessageEventDefinition',
      });
      event = at.previous = applyFresh(event, 'uk.jointinspections.awaits-submission');
      fill(event, { message: 'msg_deep_dive_list' });
      // The message itself, as the panel's "Global message reference: Create new ..." makes it (README).
      const definitions = modeler.getDefinitions();
      const message = get('bpmnFactory').create('bpmn:Message', { id: 'msg_deep_dive_list', name: 'msg_deep_dive_list' });
      modeling.updateModdleProperties(event, definitions, { rootElements: [...definitions.get('rootElements'), message] });
      modeling.updateModdleProperties(event, event.businessObject.eventDefinitions[0], { messageRef: message });
      const concern = next('bpmn:CallActivity', 'call_templated_concern');
      at.previous = applyFresh(concern, 'uk.jointinspections.call-concern-referral');
      const complaint = next('bpmn:CallActivity', 'call_templated_complaint');
      at.previous = applyFresh(complaint, 'uk.jointinspections.call-complaint');
    });
    // A template added without a drawing of its own above still gets a fresh element of the first type it applies to.
    for (const template of templates.filter((t) => !results.some((r) => r.template.startsWith(`${t.id} v`)))) {
      const type = template.appliesTo[0];
      await draw(`fresh_${results.length}`, async ({ next, process, modeling }) => {
        let element;
        if (type === 'bpmn:BoundaryEvent') {
          const host = next('bpmn:UserTask', `task_host_${results.length}`);
          element = modeling.createShape({ type }, { x: host.x + 50, y: host.y + host.height }, host, { attach: true });
        } else if (/^bpmn:(\w*Task|CallActivity|SubProcess|\w*Event|\w*Gateway)$/.test(type)) {
          element = modeling.createShape({ type }, { x: 300, y: 300 }, process);
        } else {
          results.push({ id: type, template: `${template.id} v${template.version}`,
            problems: [`templates.mjs draws no fresh ${type}; add a drawing for this template`] });
          return;
        }
        applyFresh(element, template.id);
      });
    }
    return { results, diagrams };
  }
}
