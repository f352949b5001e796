// Renders every processes/*.bpmn to docs/images/<name>.svg with the bpmn-js viewer in the system's headless Chromium
// (no browser download), and writes docs/images/processes.sha256 — the SHA-256 of each BPMN file the pictures were
// rendered from, in `sha256sum` format — so that DiagramImagesTest notices a diagram changed without its picture.
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

const files = readdirSync(processes).filter((file) => file.endsWith('.bpmn')).sort();
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
        viewer.get('canvas').zoom('fit-viewport');
        const { svg } = await viewer.saveSVG();
        return { svg, warnings: warnings.map((warning) => warning.message) };
      } finally {
        viewer.destroy();
      }
    }, xml);
    if (result.warnings.length > 0) {
      throw new Error(`${file} does not import cleanly into bpmn-js:\n  ${result.warnings.join('\n  ')}`);
    }
    const name = file.replace(/\.bpmn$/, '');
    writeFileSync(join(images, `${name}.svg`), stable(result.svg));
    lines.push(`${createHash('sha256').update(readFileSync(join(processes, file))).digest('hex')}  processes/${file}`);
    console.log(`${relative(root, join(processes, file))} -> docs/images/${name}.svg`);
  }
  writeFileSync(manifest, lines.join('\n') + '\n');
  console.log(`${relative(root, manifest)}: ${files.length} diagrams`);
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
