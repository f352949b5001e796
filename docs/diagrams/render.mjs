// Renders every processes/*.bpmn to docs/images/<name>.svg with the bpmn-js viewer (and each collapsed subprocess's
// plane to docs/images/<name>.<subprocess id>.svg), and the decision tables of every
// processes/*.dmn to docs/images/<name>.png with the dmn-js viewer (tables are HTML, so a screenshot), in the system's
// headless Chromium (no browser download). Writes docs/images/processes.sha256 — the SHA-256 of each file the pictures
// were rendered from, in `sha256sum` format — so that DiagramImagesTest notices a diagram changed without its picture.
//
// From the repository root: npm --prefix docs/diagrams ci && npm --prefix docs/diagrams run render
// CHROMIUM=/path/to/chromium overrides /usr/bin/chromium.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const processes = join(root, 'processes');
const images = join(root, 'docs', 'images');
const manifest = join(images, 'processes.sha256');
const viewer = join(here, 'node_modules', 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const dmnViewer = join(here, 'node_modules', 'dmn-js', 'dist', 'dmn-viewer.production.min.js');
const dmnStyles = ['dmn-js-shared.css', 'dmn-js-decision-table.css', 'dmn-font/css/dmn-embedded.css']
  .map((file) => join(here, 'node_modules', 'dmn-js', 'dist', 'assets', file));

const files = readdirSync(processes).filter((file) => file.endsWith('.bpmn')).sort();
const decisions = readdirSync(processes).filter((file) => file.endsWith('.dmn')).sort();
if (files.length === 0) {
  throw new Error(`no .bpmn files in ${processes}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
  await page.addScriptTag({ path: viewer });

  mkdirSync(images, { recursive: true });
  const lines = [];
  for (const file of files) {
    const xml = readFileSync(join(processes, file), 'utf8');
    const result = await page.evaluate(async (diagram) => {
      const container = document.getElementById('canvas');
      container.innerHTML = '';
      const viewer = new window.BpmnJS({ container });
      try {
        const { warnings } = await viewer.importXML(diagram);
        const canvas = viewer.get('canvas');
        canvas.zoom('fit-viewport');
        const { svg } = await viewer.saveSVG();
        // A collapsed subprocess is drawn in a plane of its own (the Modeler's drill-down): one picture per plane.
        const planes = [];
        for (const root of canvas.getRootElements().filter((r) => r !== canvas.getRootElement())) {
          canvas.setRootElement(root);
          canvas.zoom('fit-viewport');
          planes.push({ id: root.businessObject.id, svg: (await viewer.saveSVG()).svg });
        }
        return { svg, planes, warnings: warnings.map((warning) => warning.message) };
      } finally {
        viewer.destroy();
      }
    }, xml);
    if (result.warnings.length > 0) {
      throw new Error(`${file} does not import cleanly into bpmn-js:\n  ${result.warnings.join('\n  ')}`);
    }
    const name = file.replace(/\.bpmn$/, '');
    writeFileSync(join(images, `${name}.svg`), stable(result.svg));
    for (const stale of readdirSync(images).filter((f) => f.startsWith(`${name}.`) && f.endsWith('.svg') && f !== `${name}.svg`)) {
      rmSync(join(images, stale));
    }
    for (const plane of result.planes) {
      writeFileSync(join(images, `${name}.${plane.id}.svg`), stable(plane.svg));
      console.log(`  plane ${plane.id} -> docs/images/${name}.${plane.id}.svg`);
    }
    lines.push(`${createHash('sha256').update(readFileSync(join(processes, file))).digest('hex')}  processes/${file}`);
    console.log(`${relative(root, join(processes, file))} -> docs/images/${name}.svg`);
  }

  // Decision tables: each decision of a file under its name, one picture per file, at a fixed width.
  const tables = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
  tables.on('pageerror', (error) => { throw error; });
  for (const file of decisions) {
    await tables.setContent('<!doctype html><html><head><style>body{margin:0;background:#fff;font-family:Arial,sans-serif}'
      + '#tables{display:inline-block;padding:16px}h2{font-size:16px;margin:16px 0 8px}.view-drd{display:none}'
      // The bpmn.io watermark, which the viewer's licence keeps fully visible and not overlapped: below each table
      // rather than over its last row.
      + '#tables .dmn-js-parent{height:auto !important}'
      + '#tables .bjs-powered-by{position:static !important;display:block;width:max-content;margin:6px 0 0 auto}'
      + '</style></head>'
      + '<body><div id="tables"></div></body></html>');
    for (const style of dmnStyles) {
      await tables.addStyleTag({ path: style });
    }
    await tables.addScriptTag({ path: dmnViewer });
    const xml = readFileSync(join(processes, file), 'utf8');
    const warnings = await tables.evaluate(async (diagram) => {
      const all = [];
      const probe = new window.DmnJS({ container: document.createElement('div') });
      const imported = await probe.importXML(diagram);
      all.push(...imported.warnings.map((warning) => warning.message));
      const views = probe.getViews().filter((view) => view.type === 'decisionTable');
      probe.destroy();
      for (const view of views) {
        const heading = document.createElement('h2');
        heading.textContent = `${view.name} (${view.id})`;
        const container = document.createElement('div');
        document.getElementById('tables').append(heading, container);
        const table = new window.DmnJS({ container });
        await table.importXML(diagram);
        await table.open(table.getViews().find((candidate) => candidate.id === view.id));
      }
      return views.length === 0 ? ['no decision table'] : all;
    }, xml);
    if (warnings.length > 0) {
      throw new Error(`${file} does not import cleanly into dmn-js:\n  ${warnings.join('\n  ')}`);
    }
    const name = file.replace(/\.dmn$/, '');
    await tables.locator('#tables').screenshot({ path: join(images, `${name}.png`), animations: 'disabled' });
    lines.push(`${createHash('sha256').update(readFileSync(join(processes, file))).digest('hex')}  processes/${file}`);
    console.log(`${relative(root, join(processes, file))} -> docs/images/${name}.png`);
  }

  writeFileSync(manifest, lines.join('\n') + '\n');
  console.log(`${relative(root, manifest)}: ${files.length} diagrams, ${decisions.length} decision files`);
} finally {
  await browser.close();
}

// bpmn-js gives arrow-head markers random ids per viewer; numbering them in order of appearance keeps an unchanged
// diagram's picture byte-for-byte the same, so regenerating only shows up in git when a diagram really changed. The
// invisible hit areas the viewer adds for mouse clicks are dropped: a picture has no use for them.
function stable(rendered) {
  const svg = rendered.replace(/<[a-z]+ [^>]*class="djs-hit[^"]*"[^>]*\/>/g, '');
  const ids = new Map();
  svg.replace(/\bid="([^"]+)"/g, (match, id) => {
    if (/-[a-z0-9]{20,}$/.test(id) && !ids.has(id)) {
      ids.set(id, `${id.replace(/-[a-z0-9]{20,}$/, '')}-${ids.size + 1}`);
    }
    return match;
  });
  let out = svg;
  for (const [from, to] of ids) {
    out = out.split(from).join(to);
  }
  return out.endsWith('\n') ? out : out + '\n';
}
