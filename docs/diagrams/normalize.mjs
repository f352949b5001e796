// Saves every processes/*.bpmn and *.dmn the way the Camunda Modeler (desktop, Camunda 7 editor) saves it, so that a
// process owner's first save in the Modeler changes only what they changed, and bpmnlint sees the model the Modeler
// keeps (incoming/outgoing included).
//
// What the Modeler does when it saves (camunda-modeler v5.40.0, client/src/app/tabs/bpmn/BpmnEditor.js and
// tabs/dmn/DmnEditor.js): `modeler.saveXML({ format: true })` on the modeler of camunda-bpmn-js
// (`camunda-platform/Modeler`) or camunda-dmn-js (`CamundaPlatformModeler`, with modeler-moddle's DMN extension),
// extended by @bpmn-io/add-exporter, which writes exporter="Camunda Modeler" and the Modeler's version on
// `saveXML.start`. camunda-bpmn-js's modeler also carries @bpmn-io/align-to-origin, which on every save moves the whole
// diagram so that its top-left corner sits at (150, 75), unless it is already within 50 px of it. We run exactly those
// libraries, in the versions Modeler 5.40.0 ships (package.json), in Debian's headless Chromium (no browser download).
//
// One thing the Modeler keeps but does not repair on save: the <bpmn:incoming>/<bpmn:outgoing> lists of every flow
// node. bpmn-js fills them when a sequence flow is drawn or reconnected (BpmnUpdater#updateConnection pushes the flow
// onto its source's outgoing and its target's incoming), never on import, so a file written by hand without them stays
// without them. We fill them as drawing each flow would have, in document order, keeping lists already there and
// dropping entries that no longer point at their node.
//
// From the repository root:
//   npm --prefix docs/diagrams run normalize              rewrite every file in processes/ in place
//   npm --prefix docs/diagrams run normalize -- FILE...   only these files
//   npm --prefix docs/diagrams run check [-- FILE...]     change nothing; list each file that would change with its
//                                                         first differing lines, exit 1 if any would
// CHROMIUM=/path/to/chromium overrides /usr/bin/chromium.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// The Modeler release whose save we reproduce; every file in processes/ declares it as exporterVersion.
export const MODELER_VERSION = '5.40.0';
const EXPORTER = { name: 'Camunda Modeler', version: MODELER_VERSION };

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const modules = join(here, 'node_modules');
const bpmnModeler = join(modules, 'camunda-bpmn-js', 'dist', 'camunda-platform-modeler.production.min.js');
const dmnModeler = join(modules, 'camunda-dmn-js', 'dist', 'camunda-platform-modeler.production.min.js');
const dmnModelerModdle = JSON.parse(readFileSync(join(modules, 'modeler-moddle', 'resources', 'dmn-modeler.json'), 'utf8'));
// The Modeler's own exporter module, an ES module of one function: loaded into the page as it is.
const addExporter = '(function () {'
  + readFileSync(join(modules, '@bpmn-io', 'add-exporter', 'add-exporter.js'), 'utf8').replace(/^export default /m, '')
  + '\nwindow.AddExporter = AddExporter; })();';

const args = process.argv.slice(2);
const check = args.includes('--check');
const named = args.filter((arg) => !arg.startsWith('--'));
const files = named.length > 0
  ? named.map((file) => resolve(process.env.INIT_CWD || process.cwd(), file))
  : readdirSync(join(root, 'processes')).filter((file) => /\.(bpmn|dmn)$/.test(file)).sort()
    .map((file) => join(root, 'processes', file));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let differing = 0;
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
  await page.addScriptTag({ path: bpmnModeler });
  await page.addScriptTag({ path: dmnModeler });
  await page.addScriptTag({ content: addExporter });

  for (const file of files) {
    const name = relative(root, file);
    const before = readFileSync(file, 'utf8');
    let result;
    if (file.endsWith('.bpmn')) {
      result = await page.evaluate(saveBpmn, { xml: before, exporter: EXPORTER });
    } else if (file.endsWith('.dmn')) {
      result = await page.evaluate(saveDmn, { xml: before, exporter: EXPORTER, modelerModdle: dmnModelerModdle });
    } else {
      throw new Error(`${name}: neither .bpmn nor .dmn`);
    }
    if (errors.length > 0) {
      throw errors[0];
    }
    if (result.error) {
      throw new Error(`${name} does not import into the Modeler's library: ${result.error}`);
    }
    if (result.warnings.length > 0) {
      throw new Error(`${name} does not import cleanly into the Modeler's library:\n  ${result.warnings.join('\n  ')}`);
    }
    if (result.xml === before) {
      if (check) console.log(`${name}: as the Modeler saves it`);
      continue;
    }
    differing++;
    if (check) {
      console.log(`${name}: the Modeler would save it differently (npm --prefix docs/diagrams run normalize)`);
      console.log(firstDifferences(before, result.xml).map((line) => `  ${line}`).join('\n'));
    } else {
      writeFileSync(file, result.xml);
      console.log(`${name}: saved as the Modeler saves it`);
    }
  }
} finally {
  await browser.close();
}
if (check && differing > 0) {
  console.log(`${differing} of ${files.length} files differ from what the Modeler saves`);
  process.exitCode = 1;
}

/** Runs in the page: import, complete incoming/outgoing as drawing would, save as the Modeler saves. */
async function saveBpmn({ xml, exporter }) {
  const container = document.getElementById('canvas');
  container.innerHTML = '';
  const modeler = new window.BpmnModeler({
    container,
    exporter,
    additionalModules: [{ __init__: ['addExporter'], addExporter: ['type', window.AddExporter] }],
  });
  try {
    let warnings;
    try {
      ({ warnings } = await modeler.importXML(xml));
    } catch (error) {
      return { error: error.message, warnings: [] };
    }
    const add = (list, flow) => { if (!list.includes(flow)) list.push(flow); };
    const flows = [];
    const nodes = [];
    const walk = (container) => {
      for (const element of container.get('flowElements') || []) {
        if (element.$instanceOf('bpmn:SequenceFlow')) {
          flows.push(element);
        } else if (element.$instanceOf('bpmn:FlowNode')) {
          nodes.push(element);
        }
        if (element.$instanceOf('bpmn:FlowElementsContainer')) {
          walk(element);
        }
      }
    };
    for (const rootElement of modeler.getDefinitions().get('rootElements')) {
      if (rootElement.$instanceOf('bpmn:FlowElementsContainer')) {
        walk(rootElement);
      }
    }
    for (const node of nodes) {
      for (const [list, end] of [['incoming', 'targetRef'], ['outgoing', 'sourceRef']]) {
        const kept = node.get(list).filter((flow) => flow[end] === node && flows.includes(flow));
        node.get(list).splice(0, Infinity, ...kept);
      }
    }
    for (const flow of flows) {
      if (flow.sourceRef) add(flow.sourceRef.get('outgoing'), flow);
      if (flow.targetRef) add(flow.targetRef.get('incoming'), flow);
    }
    const saved = await modeler.saveXML({ format: true });
    return { xml: saved.xml, warnings: warnings.map((warning) => warning.message) };
  } finally {
    modeler.destroy();
  }
}

/** Runs in the page: import and save a decision file as the Modeler's DMN editor does. */
async function saveDmn({ xml, exporter, modelerModdle }) {
  const container = document.getElementById('canvas');
  container.innerHTML = '';
  const modeler = new window.DmnModeler({ container, moddleExtensions: { modeler: modelerModdle } });
  window.AddExporter(exporter, modeler);
  try {
    let warnings;
    try {
      ({ warnings } = await modeler.importXML(xml));
    } catch (error) {
      return { error: error.message, warnings: [] };
    }
    const saved = await modeler.saveXML({ format: true });
    return { xml: saved.xml, warnings: warnings.map((warning) => warning.message) };
  } finally {
    modeler.destroy();
  }
}

/**
 * The first lines that differ, as a diff shows them: `-` a committed line the Modeler would not write, `+` a line it
 * would write instead, each with its line number. Differences are resynchronised on the nearest equal line (within
 * 200 lines), so an inserted <bpmn:incoming> shows as one added line rather than a shifted rest of the file.
 */
function firstDifferences(before, after, limit = 10) {
  const a = before.split('\n');
  const b = after.split('\n');
  const lines = [];
  let i = 0;
  let j = 0;
  while ((i < a.length || j < b.length) && lines.length < limit) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    let skipA = a.length - i;
    let skipB = b.length - j;
    search: for (let d = 1; d <= 400; d++) {
      for (let x = 0; x <= d; x++) {
        const y = d - x;
        if (x <= 200 && y <= 200 && i + x < a.length && j + y < b.length && a[i + x] === b[j + y]) {
          skipA = x;
          skipB = y;
          break search;
        }
      }
    }
    for (let k = 0; k < skipA && lines.length < limit; k++) lines.push(`${i + k + 1} - ${a[i + k].trim()}`);
    for (let k = 0; k < skipB && lines.length < limit; k++) lines.push(`${j + k + 1} + ${b[j + k].trim()}`);
    i += skipA;
    j += skipB;
  }
  return lines;
}
