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
import { EXPORTER, dmnModelerModdle, firstDifferences, saveBpmn, saveDmn, withModelerPage } from './modeler-page.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

const args = process.argv.slice(2);
const check = args.includes('--check');
const named = args.filter((arg) => !arg.startsWith('--'));
const files = named.length > 0
  ? named.map((file) => resolve(process.env.INIT_CWD || process.cwd(), file))
  : readdirSync(join(root, 'processes')).filter((file) => /\.(bpmn|dmn)$/.test(file)).sort()
    .map((file) => join(root, 'processes', file));

let differing = 0;
await withModelerPage(async (evaluate) => {
  for (const file of files) {
    const name = relative(root, file);
    const before = readFileSync(file, 'utf8');
    let result;
    if (file.endsWith('.bpmn')) {
      result = await evaluate(saveBpmn, { xml: before, exporter: EXPORTER });
    } else if (file.endsWith('.dmn')) {
      result = await evaluate(saveDmn, { xml: before, exporter: EXPORTER, modelerModdle: dmnModelerModdle });
    } else {
      throw new Error(`${name}: neither .bpmn nor .dmn`);
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
});
if (check && differing > 0) {
  console.log(`${differing} of ${files.length} files differ from what the Modeler saves`);
  process.exitCode = 1;
}

