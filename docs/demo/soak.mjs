// An hour of use of the H2 demo, as its users would give it: inspections of every framework started through /api,
// concerns and complaints raised on them, and every demo user working their Tasklist through the engine's REST API
// (claim, read the deployed Camunda Form, submit it) — the same calls the Tasklist makes. At the end it asks Cockpit's
// questions: how many incidents, how many jobs failed at least once, and how many mails the demo's Mailbox received.
//
//   node docs/demo/soak.mjs [--base http://localhost:8080] [--minutes 60]
//
// It prints a JSON summary and exits 1 when there is an incident or a failed job, 2 when the application is not up.
// Steps whose forms need what a generic filler cannot give (twenty distinct case numbers, say) are refused with a
// 400 and its message; the driver counts them and leaves those tasks alone, as an inspector would ask for help.

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const BASE = args.base ?? 'http://localhost:8080';
const MINUTES = Number(args.minutes ?? 60);
const START_EVERY_MINUTES = Number(args['start-every'] ?? 6);
const PASSWORD = args.password ?? 'demo';

const USERS = ['ofsted-lead', 'ofsted-inspector', 'cqc-lead', 'cqc-inspector', 'hmicfrs-lead', 'hmicfrs-inspector',
  'probation-lead', 'probation-inspector', 'qa-manager', 'national-director', 'regional-director', 'editor', 'analyst',
  'complaints-officer', 'complaints-manager', 'cqc-senior-manager', 'hmicfrs-senior-manager',
  'probation-senior-manager'];
const FRAMEWORKS = ['jtai-2017', 'jtai-2024', 'ofsted-targeted-2016', 'slac-2009', 'jtai-2016'];

const tally = {
  started: {}, refusedStarts: [], concerns: 0, complaints: 0, completed: 0, claimed: 0, refusedSteps: {},
  serverErrors: [], cycles: 0,
};
const refusedTasks = new Set();

function auth(user) {
  return 'Basic ' + Buffer.from(`${user}:${PASSWORD}`).toString('base64');
}

async function call(user, method, path, body) {
  const response = await fetch(BASE + path, {
    method,
    headers: { Authorization: auth(user), 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = text; }
  if (response.status >= 500) {
    tally.serverErrors.push({ user, method, path, status: response.status, body: String(text).slice(0, 300) });
  }
  return { status: response.status, json };
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

function mondayInWeeks(weeks) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 7 * weeks + ((8 - d.getUTCDay()) % 7 || 7));
  return isoDate(d);
}

let serial = 0;
const jtais = [];
const complained = new Set();

// Annex D: a formal complaint waits for the finalised report, so each cycle offers one to inspections not yet complained of.
async function complain() {
  for (const reference of jtais.filter((r) => !complained.has(r))) {
    const complaint = await call('complaints-officer', 'POST', `/api/inspections/${reference}/complaints`, {
      receivedOn: isoDate(new Date()), kind: 'process-outcome', text: 'The feedback meeting was moved at short notice.',
    });
    if (complaint.status === 201) {
      tally.complaints += 1;
      complained.add(reference);
    } else if (complaint.status !== 409) {
      complained.add(reference);
      tally.refusedStarts.push({ complaint: reference, status: complaint.status, message: complaint.json?.message });
    }
  }
}
async function startInspection() {
  const framework = FRAMEWORKS[serial % FRAMEWORKS.length];
  serial += 1;
  const reference = `SOAK-${Date.now().toString(36).toUpperCase()}-${serial}`;
  const body = {
    framework, reference, localAuthority: `Soakshire ${serial}`, leadInspector: 'ofsted-lead', qaManager: 'qa-manager',
  };
  if (framework.startsWith('jtai-201') || framework === 'ofsted-targeted-2016') {
    body.deepDiveTheme = 'cse-and-missing';
  }
  if (framework === 'ofsted-targeted-2016') {
    body.notificationDate = mondayInWeeks(1);
  } else {
    body.plannedFieldworkStart = mondayInWeeks(4);
  }
  const answer = await call('ofsted-lead', 'POST', '/api/inspections', body);
  if (answer.status !== 201) {
    tally.refusedStarts.push({ framework, status: answer.status, message: answer.json?.detail ?? answer.json });
    return;
  }
  tally.started[framework] = (tally.started[framework] ?? 0) + 1;
  jtais.push(reference);
  if (framework.startsWith('jtai-')) {
    const concern = await call('ofsted-lead', 'POST', `/api/inspections/${reference}/concerns`, {
      caseNumbers: `CN-${serial}01`, agencyService: 'Children\'s social care', seniorOfficerRole: 'Head of service',
      seniorOfficerEmail: 'head.of.service@soakshire.example', category1: serial % 2 === 0, category2: serial % 2 === 1,
      issues: 'The plan has not been reviewed since the child moved.',
    });
    if (concern.status === 201) {
      tally.concerns += 1;
    } else {
      tally.refusedStarts.push({ concern: reference, status: concern.status, message: concern.json?.detail ?? concern.json });
    }
  }
}

// Every form field gets what a careful user would type, following the form's own rules where it has them.
function fill(components, variables) {
  for (const component of components ?? []) {
    if (component.components) fill(component.components, variables);
    const key = component.key;
    if (!key || component.disabled || component.readonly) continue;
    const values = component.values ?? [];
    switch (component.type) {
      case 'textfield':
        if (/e-?mail/i.test(key)) {
          variables[key] = { value: 'someone@soakshire.example', type: 'String' };
        } else if (/(date|On)$/.test(key)) {
          variables[key] = { value: isoDate(new Date()), type: 'String' };
        } else if (!component.validate?.pattern) {
          variables[key] = { value: 'Recorded during the demo hour', type: 'String' };
        }
        break;
      case 'textarea':
        variables[key] = { value: 'Recorded during the demo hour.', type: 'String' };
        break;
      case 'number':
        variables[key] = { value: component.validate?.min ?? 1, type: 'Long' };
        break;
      case 'checkbox':
        variables[key] = { value: true, type: 'Boolean' };
        break;
      case 'radio':
      case 'select':
        if (values.length) variables[key] = { value: values[0].value, type: 'String' };
        break;
      case 'checklist':
      case 'taglist':
        if (values.length) variables[key] = { value: JSON.stringify([values[0].value]), type: 'Json' };
        break;
      case 'datetime':
        variables[key] = { value: isoDate(new Date()), type: 'String' };
        break;
      default:
        break;
    }
  }
  return variables;
}

async function workTasks(user) {
  const mine = await call(user, 'GET', `/engine-rest/task?candidateUser=${user}&maxResults=30`);
  const assigned = await call(user, 'GET', `/engine-rest/task?assignee=${user}&maxResults=30`);
  const tasks = [...(Array.isArray(assigned.json) ? assigned.json : []), ...(Array.isArray(mine.json) ? mine.json : [])];
  for (const task of tasks) {
    if (refusedTasks.has(task.id)) continue;
    if (!task.assignee) {
      const claim = await call(user, 'POST', `/engine-rest/task/${task.id}/claim`, { userId: user });
      if (claim.status !== 204) continue;
      tally.claimed += 1;
    } else if (task.assignee !== user) {
      continue;
    }
    const form = await call(user, 'GET', `/engine-rest/task/${task.id}/deployed-form`);
    const variables = form.status === 200 ? fill(form.json?.components, {}) : {};
    let submit = await call(user, 'POST', `/engine-rest/task/${task.id}/submit-form`, { variables });
    // A selection of children is refused with the rule it broke; read the rule and choose again, as an inspector would.
    for (let attempt = 0; attempt < 3 && submit.status === 400; attempt += 1) {
      const chosen = await chooseChildren(user, task, submit.json?.message ?? '', variables);
      if (!chosen) break;
      Object.assign(variables, chosen);
      submit = await call(user, 'POST', `/engine-rest/task/${task.id}/submit-form`, { variables });
    }
    if (submit.status === 204) {
      tally.completed += 1;
    } else {
      refusedTasks.add(task.id);
      const step = task.taskDefinitionKey;
      tally.refusedSteps[step] = tally.refusedSteps[step] ?? { status: submit.status, message: submit.json?.message };
    }
  }
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve'];

function number(word) {
  const index = NUMBER_WORDS.indexOf(word);
  return index >= 0 ? index : Number(word);
}

async function chooseChildren(user, task, message, variables) {
  const named = /^Cannot submit task form [^:]+: (\w+):/.exec(message)?.[1];
  const variable = named ?? Object.keys(variables).find((key) => /child/i.test(key));
  if (!variable) return null;
  let wanted = null;
  let match;
  if ((match = /Select exactly (\d+)/.exec(message))) wanted = Number(match[1]);
  else if ((match = /Identify between (\w+) and (\w+)/.exec(message))) wanted = number(match[1]);
  else if ((match = /Select at least (\w+)/.exec(message))) wanted = number(match[1]);
  else if ((match = /Select at most (\w+)/.exec(message))) wanted = Math.max(1, number(match[1]));
  else if (/separated by commas|identification numbers/.test(message)) wanted = 20;
  const among = /must come from .*?(?:in (\w+))?;/.exec(message)?.[1]
    ?? /must come from the children in (\w+)/.exec(message)?.[1];
  if (among) {
    const earlier = await call(user, 'GET', `/engine-rest/task/${task.id}/variables/${among}`);
    const ids = String(earlier.json?.value ?? '').split(/\s*,\s*/).filter(Boolean);
    return { [variable]: { value: ids.slice(0, wanted ?? 1).join(', '), type: 'String' } };
  }
  if (/must be new/.test(message)) {
    return { [variable]: { value: ids(wanted ?? 1, `N${task.id.slice(0, 4)}`), type: 'String' } };
  }
  return wanted ? { [variable]: { value: ids(wanted, 'C'), type: 'String' } } : null;
}

function ids(n, prefix) {
  return Array.from({ length: n }, (_, i) => `${prefix}-${serial}${String(i + 1).padStart(2, '0')}`).join(', ');
}

async function count(path) {
  const answer = await call('admin', 'GET', path);
  return answer.json?.count;
}

async function main() {
  const health = await fetch(BASE + '/actuator/health').catch(() => null);
  if (!health || health.status !== 200) {
    console.error(`The application is not up at ${BASE}`);
    process.exit(2);
  }
  const began = Date.now();
  let nextStart = began;
  while (Date.now() - began < MINUTES * 60_000) {
    if (Date.now() >= nextStart) {
      await startInspection();
      nextStart += START_EVERY_MINUTES * 60_000;
    }
    for (const user of USERS) {
      await workTasks(user);
    }
    await complain();
    tally.cycles += 1;
    await new Promise((resolve) => setTimeout(resolve, 20_000));
  }
  const mailbox = await call('admin', 'GET', '/api/mailbox');
  const summary = {
    base: BASE, minutes: MINUTES, ...tally,
    incidents: await count('/engine-rest/incident/count'),
    jobsThatFailed: await count('/engine-rest/job/count?withException=true'),
    jobsWithoutRetries: await count('/engine-rest/job/count?noRetriesLeft=true'),
    mails: Array.isArray(mailbox.json) ? mailbox.json.length : mailbox.json?.mails?.length ?? mailbox.status,
    openTasks: await count('/engine-rest/task/count'),
  };
  console.log(JSON.stringify(summary, null, 2));
  process.exit(summary.incidents === 0 && summary.jobsThatFailed === 0 && summary.serverErrors.length === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
