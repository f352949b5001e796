// The "Timeline" tab: a Tasklist task's inspection (plugin point tasklist.task.detail) and a Cockpit process
// instance's (cockpit.processInstance.runtime.tab), every step in date order with its day, what the day counts from,
// its due date read the UK way, its performer and state, then the open concerns and complaints, with today marked.
//
// Camunda loads this ES module as the front end of our server-side plugin (timelinetab.TasklistTimelinePlugin,
// CockpitTimelinePlugin), the way it loads a config.js custom script. The data is the application's: the plugin's
// resource answers with the JSON of GET /api/inspections/{reference}/timeline (one calculation, one set of checks, made
// as the signed-in person), so this file formats and never computes a date or a state. The page's Content Security
// Policy allows no inline script: the tab is built from DOM nodes and text, never from HTML strings.

const APP = document.querySelector('base').getAttribute('app-name');
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const STATES = { done: 'done', open: 'open', overdue: 'overdue', upcoming: 'upcoming' };
const PART_OF = {
  concern: 'This task is part of a concern about a child raised in the inspection below.',
  complaint: 'This task is part of a complaint about the inspection below.'
};

// "2027-03-15" or "2027-03-15T17:00:00+00:00" (London time, as the timeline writes it) → its calendar parts.
function parts(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(text || '');
  if (!match) {
    return null;
  }
  const [, year, month, day, hour, minute] = match;
  const weekday = new Date(Date.UTC(+year, +month - 1, +day)).getUTCDay();
  return { date: `${year}-${month}-${day}`, text: `${DAYS[weekday]} ${+day} ${MONTHS[+month - 1]} ${year}`,
    time: hour === undefined ? null : `${hour}:${minute}` };
}

// "Tue 14 Mar 2017, 17:00"
function ukDateTime(text) {
  const p = parts(text);
  return p === null ? '' : p.time === null ? p.text : `${p.text}, ${p.time}`;
}

function ukDate(text) {
  const p = parts(text);
  return p === null ? '' : p.text;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function isAboutAConcernOrComplaint(entry) {
  return entry.id.startsWith('concern:') || entry.id.startsWith('complaint:');
}

// Soonest first, undated last; entries due on the same moment keep the timeline's order.
function inDateOrder(entries) {
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => {
    if (!a.entry.due || !b.entry.due) {
      return (a.entry.due ? 0 : 1) - (b.entry.due ? 0 : 1) || a.index - b.index;
    }
    return Date.parse(a.entry.due) - Date.parse(b.entry.due) || a.index - b.index;
  }).map(item => item.entry);
}

function todayRow(today) {
  const row = element('tr', 'inspection-timeline-today');
  const cell = element('td', null, `Today, ${ukDate(today)}`);
  cell.colSpan = 5;
  row.appendChild(cell);
  return row;
}

function entryRow(entry, today) {
  const due = parts(entry.due);
  const row = element('tr', `inspection-timeline-entry state-${STATES[entry.status] || 'unknown'}`
    + (due !== null && due.date === today ? ' due-today' : ''));
  row.setAttribute('data-entry', entry.id);

  const step = element('td', 'inspection-timeline-step');
  step.appendChild(element('span', 'inspection-timeline-title', entry.title));
  if (entry.paragraph) {
    step.appendChild(element('span', 'inspection-timeline-paragraph', `paragraph ${entry.paragraph}`));
  }
  row.appendChild(step);

  const day = element('td', 'inspection-timeline-day');
  if (entry.day !== undefined && entry.day !== null) {
    day.appendChild(element('span', 'inspection-timeline-day-number', `Day ${entry.day}`));
  }
  if (entry.countsFrom) {
    const from = entry.countsFromOn ? `${entry.countsFrom} (${ukDate(entry.countsFromOn)})` : entry.countsFrom;
    day.appendChild(element('span', 'inspection-timeline-counts-from', from));
  }
  row.appendChild(day);

  row.appendChild(element('td', 'inspection-timeline-due', entry.due ? ukDateTime(entry.due) : 'no date yet'));
  row.appendChild(element('td', 'inspection-timeline-performer', entry.performer));
  const state = element('td', 'inspection-timeline-state');
  state.appendChild(element('span', `inspection-timeline-badge badge-${STATES[entry.status] || 'unknown'}`,
    STATES[entry.status] || entry.status));
  row.appendChild(state);
  return row;
}

// One table in date order, with today's row before the first entry due today or later.
function table(entries, today, caption) {
  const node = element('table', 'table inspection-timeline-table');
  node.appendChild(element('caption', null, caption));
  const head = element('thead');
  const header = element('tr');
  ['Step', 'Day', 'Due', 'Performer', 'State'].forEach(name => header.appendChild(element('th', null, name)));
  head.appendChild(header);
  node.appendChild(head);
  const body = element('tbody');
  let marked = false;
  inDateOrder(entries).forEach(entry => {
    const due = parts(entry.due);
    if (!marked && (due === null || due.date >= today)) {
      body.appendChild(todayRow(today));
      marked = true;
    }
    body.appendChild(entryRow(entry, today));
  });
  if (!marked) {
    body.appendChild(todayRow(today));
  }
  node.appendChild(body);
  return node;
}

function show(container, view) {
  const root = element('div', 'inspection-timeline');
  const title = [`Inspection ${view.reference}`, view.localAuthority, view.framework].filter(Boolean).join(' · ');
  root.appendChild(element('h4', 'inspection-timeline-heading', title));
  if (PART_OF[view.partOf]) {
    root.appendChild(element('p', 'inspection-timeline-part-of', PART_OF[view.partOf]));
  }
  const steps = view.entries.filter(entry => !isAboutAConcernOrComplaint(entry));
  const others = view.entries.filter(isAboutAConcernOrComplaint);
  root.appendChild(table(steps, view.today, 'Steps of the inspection'));
  if (others.length > 0) {
    root.appendChild(table(others, view.today, 'Open concerns and complaints'));
  } else {
    root.appendChild(element('p', 'inspection-timeline-none', 'No open concerns or complaints that you may see.'));
  }
  container.replaceChildren(root);
}

function address(props) {
  const engine = encodeURIComponent(props.api.engine);
  return APP === 'cockpit'
    ? `${props.api.cockpitApi}/plugin/inspection-timeline/${engine}/process-instance/${encodeURIComponent(props.processInstanceId)}`
    : `${props.api.tasklistApi}/plugin/inspection-timeline/${engine}/task/${encodeURIComponent(props.taskId)}`;
}

async function render(container, props) {
  container.replaceChildren(element('p', 'inspection-timeline-loading', 'Loading the inspection\'s timeline…'));
  try {
    const response = await fetch(address(props), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      container.replaceChildren(element('p', 'inspection-timeline-refused',
        body.message || `The timeline could not be loaded (${response.status}).`));
      return;
    }
    show(container, body);
  } catch (failure) {
    container.replaceChildren(element('p', 'inspection-timeline-refused',
      `The timeline could not be loaded: ${failure.message}`));
  }
}

export default APP === 'cockpit' || APP === 'tasklist' ? [{
  id: 'inspection-timeline',
  pluginPoint: APP === 'cockpit' ? 'cockpit.processInstance.runtime.tab' : 'tasklist.task.detail',
  // After Camunda's own tabs (form, history, diagram, description; variables, incidents, called instances, tasks, jobs).
  priority: 0,
  render,
  properties: { label: 'Timeline' }
}] : [];
