// Operations: every campaign group live (server-sent events, one message a second), session control with
// confirmation, and last-hour charts of the selected group.
import { get, post, put, stream } from '../api.js';
import { confirmAction, duration, fail, h, num, pct, select, toast } from '../ui.js';

const TIME = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const STEP_MS = 5000;
const HOUR_POINTS = 3600000 / STEP_MS;
/** Index of the control column (the last). */
const CONTROL = 15;
/** Rows out of sight painted per message (in turn); rows in sight are painted with every message. */
const OFFSCREEN_PER_MESSAGE = 20;
const AGENT_STATES = ['READY', 'RESERVED', 'TALKING', 'WORK_READY', 'WORK_NOT_READY', 'NOT_READY'];
const AGENT_COLORS = ['#1c7c3c', '#7b5ea7', '#1f5fbf', '#2a9d8f', '#a15c00', '#5b6575'];

export async function render(root, params, session) {
  const enums = await get('/enums');
  const status = h('p', { class: 'hint', id: 'ops-status' }, 'connecting…');
  const body = h('tbody');
  const tableEl = h('table', { id: 'ops-table' },
    h('thead', {}, h('tr', {},
      ['Campaign group', 'State', 'Mode', 'Agents', 'Dials/min', 'Connects/min', 'Abandons/min', 'Abandon 24 h vs cap',
        'Abandon 30 d vs cap', 'Abandon (session)', 'Busy factor', 'Hit ratio', 'Overdial', 'Time to complete', 'Dials', 'Control']
        .map((label, i) => h('th', { scope: 'col', class: i >= 4 && i <= CONTROL - 1 ? 'num' : null }, label)))),
    body);
  const chartsHost = h('div', { class: 'charts', id: 'ops-charts' });
  const chartTitle = h('h2', {}, 'Last hour');
  root.append(h('h1', {}, 'Operations'), status, h('div', { class: 'table-wrap panel' }, tableEl), chartTitle, chartsHost);

  const rows = new Map();
  const series = new Map();
  let selected = params[0] ? Number(params[0]) : null;
  const charts = makeCharts(chartsHost);
  let timings = [];
  let drawn = null;
  let pending = [];

  // Per group: points at least STEP_MS apart (the last hour) plus the latest one, which the next tick replaces; labels
  // are formatted once per point, when first drawn.
  function seriesOf(id) {
    if (!series.has(id)) series.set(id, { points: [], live: null });
    return series.get(id);
  }

  function addPoint(id, p) {
    const s = seriesOf(id);
    const anchor = s.points[s.points.length - 1];
    if ((anchor && anchor.t >= p.t) || (s.live && s.live.t >= p.t)) return;
    const minutes = anchor ? (p.t - anchor.t) / 60000 : 0;
    const point = { t: p.t, label: null,
      busy: p.busyFactor, abandon: p.abandonRate, dialRate: minutes > 0 ? (p.dials - anchor.dials) / minutes : null,
      dials: p.dials, agents: p.agents || {} };
    if (!anchor || p.t - anchor.t >= STEP_MS) {
      s.points.push(point);
      s.live = null;
      if (s.points.length > HOUR_POINTS) s.points.shift();
    } else {
      s.live = point;
    }
  }

  function control(g, row) {
    const state = row.state;
    const loaded = state === 'LOADED' || state === 'RUNNING' || state === 'UNLOADING';
    const act = (label, verb, enabled) => h('button', {
      type: 'button', class: verb === 'unload' ? 'quiet' : null, 'data-write': true, 'data-action': verb,
      disabled: !enabled || !session.admin, 'aria-label': `${label} ${g.name}`,
      onclick: async (e) => {
        e.stopPropagation();
        if (!(await confirmAction(`${label} ${g.name}?`, describe(verb, g.name), label))) return;
        try {
          const stats = await post(`/campaign-groups/${g.id}/session/${verb}`);
          toast(`${g.name}: ${stats.state}`);
        } catch (err) { fail(err); }
      },
    }, label);
    const modes = select('mode', enums.dialMode, row.dialMode || row.configuredMode,
      { 'aria-label': `Dial mode of ${g.name}`, 'data-write': true, disabled: !loaded || !session.admin });
    const setMode = h('button', {
      type: 'button', class: 'quiet', 'data-write': true, 'data-action': 'mode', disabled: !loaded || !session.admin,
      onclick: async (e) => {
        e.stopPropagation();
        const mode = modes.value;
        if (!(await confirmAction(`Switch ${g.name} to ${mode}?`,
          'The session changes its dial mode at once; predictive and progressive switch while dialing, others need a stop first.', 'Switch'))) return;
        try {
          const stats = await put(`/campaign-groups/${g.id}/session/dial-mode`, { dialMode: mode });
          toast(`${g.name}: ${stats.dialMode}`);
        } catch (err) { fail(err); }
      },
    }, 'Set mode');
    return h('div', { class: 'actions' },
      act('Load', 'load', !loaded), act('Start', 'start', state === 'LOADED'), act('Stop', 'stop', state === 'RUNNING'),
      act('Unload', 'unload', state === 'LOADED' || state === 'RUNNING'), modes, setMode);
  }

  /** A rate against its cap: text and a bar, marked when over. */
  function capCell(rate, cap, window) {
    const over = rate !== null && rate !== undefined && rate > cap;
    const text = `${pct(rate)} / ${pct(cap, 0)}${over ? ' over' : ''}`;
    return [text, () => h('span', { class: over ? 'over' : null }, `${pct(rate)} / ${pct(cap, 0)} `,
      h('span', { class: over ? 'bar over' : 'bar', role: 'img', 'aria-label': `abandon ${window} ${pct(rate)} of cap ${pct(cap, 0)}` },
        h('span', { style: `width:${Math.min(100, ((rate || 0) / cap) * 100)}%` })))];
  }

  /** Each cell as [text, build]: the text decides whether the cell changed; build makes its node only then. */
  function cellsOf(row) {
    const agents = Object.entries(row.agents || {}).map(([k, v]) => `${k.toLowerCase().replace(/_/g, ' ')} ${v}`).join(', ') || '–';
    const plain = (text) => [text, null];
    return [
      [row.name, () => h('a', { href: `#/operations/${row.id}` }, row.name)],
      [row.state, () => h('span', { class: `badge ${row.state}` }, row.state)],
      plain(row.dialMode || row.configuredMode),
      plain(agents), plain(num(row.dialsPerMin, 1)), plain(num(row.connectsPerMin, 1)), plain(num(row.abandonsPerMin, 1)),
      capCell(row.abandonRateToday, row.abandonCap, '24 h'), capCell(row.abandonRate30d, row.campaignAbandonCap, '30 d'),
      plain(pct(row.abandonRate)), plain(pct(row.busyFactor)), plain(pct(row.hitRatio)), plain(pct(row.abandonRate)),
      plain(duration(row.timeToCompleteSec)), plain(num(row.dials))];
  }

  /** Writes the cells of a row whose text changed since it was last painted. */
  function paint(entry) {
    if (!entry.dirty) return;
    entry.dirty = false;
    cellsOf(entry.row).forEach(([text, build], i) => {
      if (entry.texts[i] === text) return;
      entry.texts[i] = text;
      const td = entry.tds[i];
      if (build) td.replaceChildren(build());
      else if (td.firstChild && td.firstChild.nodeType === 3 && !td.firstChild.nextSibling) td.firstChild.nodeValue = text;
      else td.textContent = text;
    });
  }

  // Rows in sight are painted with every message; the others when they come into sight (or in turn, below).
  const visibility = new IntersectionObserver((changes) => {
    for (const c of changes) {
      const entry = c.target.outdialEntry;
      entry.visible = c.isIntersecting;
      if (entry.visible) paint(entry);
    }
  });
  const offscreen = [];
  let cursor = 0;

  function update(data) {
    const started = performance.now();
    const seen = new Set();
    for (const row of data) {
      seen.add(row.id);
      let entry = rows.get(row.id);
      if (!entry) {
        const tr = h('tr', { 'data-group': row.id });
        const tds = Array.from({ length: CONTROL + 1 }, (_, i) => h('td', { class: i >= 4 && i <= CONTROL - 1 ? 'num' : null }));
        tr.append(...tds);
        body.append(tr);
        entry = { tr, tds, key: '', texts: [], visible: false, dirty: false, row: null, selected: false };
        rows.set(row.id, entry);
        tr.outdialEntry = entry;
        visibility.observe(tr);
      }
      entry.row = row;
      entry.dirty = true;
      if (entry.visible) paint(entry); else offscreen.push(entry);
      const key = `${row.state}|${row.dialMode}`;
      if (entry.key !== key) {
        entry.key = key;
        entry.tds[CONTROL].replaceChildren(control(row, row));
      }
      if (entry.selected !== (row.id === selected)) {
        entry.selected = row.id === selected;
        entry.tr.classList.toggle('selected', entry.selected);
      }
      if (row.at) {
        addPoint(row.id, { t: row.at, busyFactor: row.busyFactor, abandonRate: row.abandonRateToday,
          dials: row.dials, agents: row.agents });
      }
    }
    for (const [id, entry] of rows) {
      if (!seen.has(id)) { visibility.unobserve(entry.tr); entry.tr.remove(); rows.delete(id); }
    }
    // Rows out of sight are painted a few per message, in turn, so each is at most a few seconds behind.
    const n = Math.min(OFFSCREEN_PER_MESSAGE, offscreen.length);
    for (let i = 0; i < n; i++) paint(offscreen[(cursor + i) % offscreen.length]);
    cursor = offscreen.length ? (cursor + n) % offscreen.length : 0;
    offscreen.length = 0;
    if (selected === null || !rows.has(selected)) {
      const running = data.find((r) => r.state === 'RUNNING') || data.find((r) => r.at) || data[0];
      selected = running ? running.id : null;
    }
    const sel = data.find((r) => r.id === selected);
    const title = sel ? `Last hour — ${sel.name}` : 'Last hour';
    if (chartTitle.textContent !== title) chartTitle.textContent = title;
    const tableMs = performance.now() - started;
    if (sel) {
      // Redraw only when the selected group's hour gained a point (every 5 s) or the selection changed, and then one
      // chart per message, in turn: a message never pays for more than one chart's drawing.
      const s = seriesOf(selected);
      const version = `${selected}|${s.points.length}|${s.points.length ? s.points[s.points.length - 1].t : 0}`;
      if (version !== drawn) {
        drawn = version;
        pending = [0, 1, 2, 3];
      }
      if (pending.length) drawChart(charts, pending.shift(), s.points, sel.abandonCap);
    }
    const ms = performance.now() - started;
    timings.push(ms);
    if (timings.length > 60) timings.shift();
    window.outdialOps = { lastUpdateMs: ms, lastTableMs: tableMs, maxUpdateMs: Math.max(...timings), messages: (window.outdialOps?.messages || 0) + 1, groups: data.length };
    status.textContent = `live · ${data.length} campaign group${data.length === 1 ? '' : 's'} · updated ${new Date().toLocaleTimeString()}`;
  }

  const stop = stream('/live/operations', (name, data) => {
    if (name === 'history') {
      for (const [id, points] of Object.entries(data)) points.forEach((p) => addPoint(Number(id), p));
    } else if (name === 'operations') {
      update(data);
    }
  }, (e) => { status.textContent = `disconnected: ${e.message}`; status.classList.add('error'); });

  return () => { stop(); visibility.disconnect(); charts.forEach((c) => c && c.destroy()); };
}

function describe(verb, name) {
  return {
    load: `Loads ${name}: its records are buffered, nothing is dialed until it starts.`,
    start: `Starts dialing ${name} now.`,
    stop: `Stops dialing ${name}; calls in progress finish, the session stays loaded.`,
    unload: `Unloads ${name}: dialing stops and its records return to Ready once calls end.`,
  }[verb];
}

function makeCharts(host) {
  const specs = [
    { id: 'chart-busy', title: 'Busy factor', datasets: [{ label: 'busy factor %', borderColor: '#1f5fbf' }], max: 100 },
    { id: 'chart-abandon', title: 'Abandon rate vs cap', datasets: [{ label: 'abandon today %', borderColor: '#b3261e' },
      { label: 'cap %', borderColor: '#5b6575', borderDash: [6, 4] }] },
    { id: 'chart-dials', title: 'Dial rate', datasets: [{ label: 'dials / min', borderColor: '#1c7c3c' }] },
    { id: 'chart-agents', title: 'Agents by state', stacked: true, datasets: AGENT_STATES.map((s, i) => ({
      label: s.toLowerCase().replace(/_/g, ' '), borderColor: AGENT_COLORS[i],
      backgroundColor: `${AGENT_COLORS[i]}55`, fill: true })) },
  ];
  return specs.map((spec) => {
    const canvas = h('canvas', { id: spec.id, role: 'img', 'aria-label': `${spec.title}, last hour` });
    host.append(h('div', { class: 'panel' }, h('h3', {}, spec.title), canvas));
    if (!window.Chart) return null;
    return new window.Chart(canvas, {
      type: 'line',
      data: { labels: [], datasets: spec.datasets.map((d) => ({ ...d, data: [], pointRadius: 0, borderWidth: 2, tension: 0.2 })) },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { ticks: { maxTicksLimit: 6 } }, y: { beginAtZero: true, stacked: !!spec.stacked, max: spec.max } },
        plugins: { legend: { display: spec.datasets.length > 1, labels: { boxWidth: 10 } } },
      },
    });
  });
}

/** Draws chart {@code which} (0 busy, 1 abandon vs cap, 2 dial rate, 3 agents by state) from the points. */
function drawChart(charts, which, points, cap) {
  const chart = charts[which];
  if (!chart) return;
  const p100 = (v) => (v === null || v === undefined ? null : v * 100);
  const values = [
    () => [points.map((p) => p100(p.busy))],
    () => [points.map((p) => p100(p.abandon)), points.map(() => cap * 100)],
    () => [points.map((p) => p.dialRate)],
    () => AGENT_STATES.map((st) => points.map((p) => p.agents[st] || 0)),
  ][which]();
  chart.data.labels = points.map((p) => p.label || (p.label = TIME.format(p.t)));
  values.forEach((v, i) => { chart.data.datasets[i].data = v; });
  chart.update('none');
}
