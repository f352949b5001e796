// The on-time report in Cockpit (report.OnTimeCockpitPlugin): a page at #/on-time-report and its entry in the menu.
// Figures come from the plugin's own resource under Cockpit's sign-in; charts are drawn by Chart.js, served by the
// application from its webjar.
const ROUTE = '/on-time-report';
const CHART_JS = '/webjars/chart.js/dist/chart.umd.js';
const ON_TIME = 'rgba(46, 125, 50, 0.8)';
const MEDIAN = 'rgba(21, 101, 192, 0.8)';
const P90 = 'rgba(198, 40, 40, 0.8)';
const OVERDUE = 'rgba(239, 108, 0, 0.8)';

let chartJs;
let charts = [];

/** Chart.js's UMD build, loaded once. Cockpit's page defines an AMD loader; hidden while it loads so that Chart.js
 *  sets window.Chart instead of registering an anonymous module nobody asks for. */
function loadChartJs() {
  if (!chartJs) {
    chartJs = new Promise((resolve, reject) => {
      const amd = window.define;
      window.define = undefined;
      const script = document.createElement('script');
      script.src = CHART_JS;
      script.onload = () => {
        window.define = amd;
        resolve(window.Chart);
      };
      script.onerror = () => {
        window.define = amd;
        chartJs = undefined;
        reject(new Error('Chart.js could not be loaded from ' + CHART_JS));
      };
      document.head.appendChild(script);
    });
  }
  return chartJs;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value);
    }
  });
  children.forEach(child => node.appendChild(child));
  return node;
}

function percent(share) {
  return share === null || share === undefined ? '–' : (share * 100).toFixed(1) + ' %';
}

function days(value) {
  return value === null || value === undefined ? '–' : String(value);
}

function query(form) {
  const params = new URLSearchParams();
  ['framework', 'from', 'to'].forEach(name => {
    const value = form.elements[name].value;
    if (value) {
      params.set(name, value);
    }
  });
  return params.toString();
}

function table(rows, firstColumn) {
  const head = element('tr', {},
    ...[firstColumn, 'Completed', 'With a deadline', 'On time', 'Share on time', 'Median lateness (working days)',
      '90th percentile (working days)', 'Open', 'Open and overdue'].map(h => element('th', {text: h})));
  const body = rows.map(row => element('tr', {},
    element('td', {text: firstColumn === 'Step' ? row.step : row.frameworkName}),
    ...[row.completed, row.completedWithDeadline, row.completedOnTime, percent(row.shareOnTime),
      days(row.medianLateness), days(row.p90Lateness), row.open, row.openOverdue]
      .map(v => element('td', {class: 'number', text: String(v)}))));
  return element('table', {class: 'table table-bordered table-condensed on-time-table'},
    element('thead', {}, head), element('tbody', {}, ...body));
}

function chartBox(id, title, rows) {
  const canvas = element('canvas', {id});
  const box = element('div', {class: 'on-time-chart', style: `height: ${Math.max(160, 60 + 26 * rows)}px`}, canvas);
  return {section: element('section', {}, element('h3', {text: title}), box), canvas};
}

/** Step names run long: the axis shows the first words, the tooltip the whole name. */
function shortened(label) {
  return label.length > 48 ? label.substring(0, 47) + '…' : label;
}

function horizontalBars(Chart, canvas, labels, datasets, max) {
  charts.push(new Chart(canvas, {
    type: 'bar',
    data: {labels, datasets},
    options: {
      indexAxis: 'y',
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: {beginAtZero: true, max},
        y: {ticks: {autoSkip: false, callback: function(value) { return shortened(this.getLabelForValue(value)); }}}
      },
      plugins: {legend: {position: 'top'}}
    }
  }));
}

async function show(results, api, form) {
  charts.forEach(chart => chart.destroy());
  charts = [];
  results.textContent = 'Loading…';
  const base = `${api.cockpitApi}/plugin/on-time-report/${api.engine}/figures`;
  const params = query(form);
  const response = await fetch(`${base}?${params}`, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const body = await response.json();
  results.textContent = '';
  if (!response.ok) {
    results.appendChild(element('div', {class: 'alert alert-danger', role: 'alert', text: body.message}));
    return;
  }
  form.elements.from.value = body.from;
  form.elements.to.value = body.to;
  const framework = form.elements.framework;
  if (framework.options.length === 1) {
    body.frameworks.forEach(f => framework.appendChild(element('option', {value: f.key, text: f.name})));
    framework.value = body.framework || '';
  }
  const csv = element('a', {class: 'btn btn-default', id: 'on-time-csv', href: `${base}.csv?${query(form)}`,
    download: '', text: 'Download CSV'});
  results.appendChild(element('p', {class: 'on-time-period',
    text: `Steps completed from ${body.from} to ${body.to} (by the day they were completed); steps open now that were`
      + ` created in that period; overdue as of ${new Date(body.asOf).toLocaleString('en-GB', {timeZone: 'Europe/London'})}.`
      + ' Lateness: working days after the deadline (England and Wales bank holidays), negative when early.'}, ));
  results.appendChild(element('p', {}, csv));

  const byStep = !!body.framework;
  // Charts show what happened in the period; the tables below list every framework and step, empty ones too.
  const rows = (byStep ? body.steps : body.totals).filter(r => r.completed > 0 || r.open > 0);
  const labels = rows.map(r => byStep ? r.step : r.frameworkName);
  if (rows.length) {
    const Chart = await loadChartJs();
    const share = chartBox('on-time-share-chart', 'Share completed on time (%)', rows.length);
    const lateness = chartBox('on-time-lateness-chart', 'Lateness of completed steps (working days)', rows.length);
    const overdue = chartBox('on-time-overdue-chart', 'Open and overdue now', rows.length);
    results.appendChild(element('div', {class: 'on-time-charts'}, share.section, lateness.section, overdue.section));
    horizontalBars(Chart, share.canvas, labels, [{label: 'On time (%)', backgroundColor: ON_TIME,
      data: rows.map(r => r.shareOnTime === null ? null : Math.round(r.shareOnTime * 1000) / 10)}], 100);
    horizontalBars(Chart, lateness.canvas, labels, [
      {label: 'Median', backgroundColor: MEDIAN, data: rows.map(r => r.medianLateness)},
      {label: '90th percentile', backgroundColor: P90, data: rows.map(r => r.p90Lateness)}]);
    horizontalBars(Chart, overdue.canvas, labels, [{label: 'Open and overdue', backgroundColor: OVERDUE,
      data: rows.map(r => r.openOverdue)}]);
  } else {
    results.appendChild(element('p', {class: 'alert alert-info', text: 'No step was completed, and none still open was created, in this period.'}));
  }

  results.appendChild(element('h3', {text: 'By framework'}));
  results.appendChild(table(body.totals, 'Framework'));
  if (body.steps.length) {
    results.appendChild(element('h3', {text: 'By step'}));
    const groups = body.framework ? [body.framework] : body.totals.map(t => t.framework);
    groups.forEach(key => {
      const steps = body.steps.filter(s => s.framework === key);
      if (steps.length) {
        results.appendChild(element('h4', {text: steps[0].frameworkName}));
        results.appendChild(table(steps, 'Step'));
      }
    });
  }
}

function renderPage(node, {api}) {
  const form = element('form', {class: 'form-inline on-time-filter', id: 'on-time-filter'},
    element('label', {for: 'on-time-framework', text: 'Framework '}),
    element('select', {class: 'form-control', name: 'framework', id: 'on-time-framework'},
      element('option', {value: '', text: 'All frameworks'})),
    element('label', {for: 'on-time-from', text: ' From '}),
    element('input', {class: 'form-control', type: 'date', name: 'from', id: 'on-time-from'}),
    element('label', {for: 'on-time-to', text: ' to '}),
    element('input', {class: 'form-control', type: 'date', name: 'to', id: 'on-time-to'}),
    element('button', {class: 'btn btn-primary', type: 'submit', text: 'Show'}));
  const results = element('div', {class: 'on-time-results', id: 'on-time-results'});
  const page = element('div', {class: 'on-time-report'},
    element('h2', {text: 'On-time report'}), form, results);
  node.appendChild(page);
  const run = () => show(results, api, form).catch(e => {
    results.textContent = '';
    results.appendChild(element('div', {class: 'alert alert-danger', role: 'alert', text: e.message}));
  });
  form.addEventListener('submit', event => {
    event.preventDefault();
    run();
  });
  run();
}

export default [
  {
    id: 'onTimeReportPage',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE},
    render: renderPage,
    unmount: () => {
      charts.forEach(chart => chart.destroy());
      charts = [];
    }
  },
  {
    id: 'onTimeReportMenu',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {path: ROUTE},
    render: node => {
      node.appendChild(element('a', {href: '#' + ROUTE, text: 'On-time report'}));
    }
  }
];
