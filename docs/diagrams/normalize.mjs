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
import { EXPORTER, dmnModelerModdle, saveBpmn, saveDmn, withModelerPage } from './modeler-page.mjs';

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
