// Lints processes/*.bpmn with bpmnlint, the linter behind the Camunda Modeler's problems panel, with the rules of the
// repository's .bpmnlintrc (bpmnlint's `recommended`). Rules switched off or softened there carry their reason under
// "reasons"; a rule without one is refused. Prints every report as `file: element-id rule category: message`, and
// exits 1 if there is any report, warnings included.
//
// From the repository root:
//   npm --prefix docs/diagrams run lint [-- FILE...]     every processes/*.bpmn, or only these files
//   npm --prefix docs/diagrams run lint -- --by-rule ... the reports counted by rule, then listed
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const require = createRequire(join(here, 'package.json'));
const { BpmnModdle } = require('bpmn-moddle');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');

const args = process.argv.slice(2);
const byRule = args.includes('--by-rule');
const configArg = args.find((arg) => arg.startsWith('--config='));
const configPath = configArg ? resolve(configArg.slice('--config='.length)) : join(root, '.bpmnlintrc');
const named = args.filter((arg) => !arg.startsWith('--'));
const files = named.length > 0
  ? named.map((file) => resolve(process.env.INIT_CWD || process.cwd(), file))
  : readdirSync(join(root, 'processes')).filter((file) => file.endsWith('.bpmn')).sort()
    .map((file) => join(root, 'processes', file));

const config = JSON.parse(readFileSync(configPath, 'utf8'));
const reasons = config.reasons || {};
for (const [rule, level] of Object.entries(config.rules || {})) {
  const severity = Array.isArray(level) ? level[0] : level;
  if ((severity === 'off' || severity === 0 || severity === 'warn' || severity === 1 || severity === 'info')
      && !(typeof reasons[rule] === 'string' && reasons[rule].trim().length > 0)) {
    console.error(`${relative(root, configPath)}: rule ${rule} is set to ${severity} without a reason under "reasons"`);
    process.exit(2);
  }
}

const moddle = new BpmnModdle({ camunda });
const reports = [];
for (const file of files) {
  const name = relative(root, file);
  const { rootElement, warnings } = await moddle.fromXML(readFileSync(file, 'utf8'), 'bpmn:Definitions');
  for (const warning of warnings) {
    reports.push({ file: name, id: '-', rule: 'import', category: 'error', message: warning.message });
  }
  // A linter per file, as bpmnlint's own command line does: rules keep state between the elements of one diagram
  // (no-duplicate-sequence-flows keys flows by source and target), which must not carry over to the next diagram.
  const linter = new Linter({
    config: { extends: config.extends, rules: config.rules },
    resolver: new NodeResolver({ require }),
  });
  const results = await linter.lint(rootElement);
  for (const [rule, found] of Object.entries(results)) {
    for (const report of found) {
      reports.push({ file: name, id: report.id || '-', rule, category: report.category, message: report.message });
    }
  }
}
if (byRule) {
  const counts = new Map();
  for (const report of reports) {
    const key = `${report.file} ${report.rule}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  for (const [key, count] of [...counts].sort()) console.log(`${key}: ${count}`);
}
for (const report of reports) {
  console.log(`${report.file}: ${report.id} ${report.rule} ${report.category}: ${report.message}`);
}
console.log(`${reports.length} bpmnlint report(s) in ${files.length} file(s) (${relative(root, configPath)})`);
if (reports.length > 0) process.exitCode = 1;
