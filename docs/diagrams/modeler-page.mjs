// A headless page holding the Camunda Modeler's own libraries, shared by normalize.mjs and fix-lint.mjs: the
// camunda-bpmn-js and camunda-dmn-js modelers of Modeler 5.40.0 and its @bpmn-io/add-exporter module, in Debian's
// Chromium (no browser download; CHROMIUM=/path/to/chromium overrides /usr/bin/chromium).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

// The Modeler release whose save we reproduce; every file in processes/ declares it as exporterVersion.
export const EXPORTER = { name: 'Camunda Modeler', version: '5.40.0' };

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
export const dmnModelerModdle = JSON.parse(
  readFileSync(join(modules, 'modeler-moddle', 'resources', 'dmn-modeler.json'), 'utf8'));
const scripts = [
  join(modules, 'camunda-bpmn-js', 'dist', 'camunda-platform-modeler.production.min.js'),
  join(modules, 'camunda-dmn-js', 'dist', 'camunda-platform-modeler.production.min.js'),
];
// The Modeler's exporter module is an ES module of one function: loaded into the page as it is.
const addExporter = '(function () {'
  + readFileSync(join(modules, '@bpmn-io', 'add-exporter', 'add-exporter.js'), 'utf8').replace(/^export default /m, '')
  + '\nwindow.AddExporter = AddExporter; })();';

/** Calls `work(page)` with a page where window.BpmnModeler, window.DmnModeler and window.AddExporter are loaded. */
export async function withModelerPage(work) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
    for (const path of scripts) {
      await page.addScriptTag({ path });
    }
    await page.addScriptTag({ content: addExporter });
    const evaluate = async (fn, arg) => {
      const result = await page.evaluate(fn, arg);
      if (errors.length > 0) throw errors[0];
      return result;
    };
    return await work(evaluate);
  } finally {
    await browser.close();
  }
}

/** Runs in the page (pass it to evaluate): import, complete incoming/outgoing as drawing would, save as the Modeler saves. */
export async function saveBpmn({ xml, exporter }) {
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
export async function saveDmn({ xml, exporter, modelerModdle }) {
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
export function firstDifferences(before, after, limit = 10) {
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
