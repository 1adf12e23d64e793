// Reports: the campaign, agent and callback reports the server has (found in its OpenAPI document), for a period,
// shown as a table with a CSV download of the same rows.
import { download, get } from '../api.js';
import { fail, field, h, panel, select, table } from '../ui.js';

const KNOWN = [
  ['/reports/campaigns', 'Campaigns by group, list and hour'],
  ['/reports/agents', 'Agent productivity'],
  ['/reports/callback-summary', 'Callback summary'],
  ['/reports/callback-details', 'Callback details'],
];
const SHOWN = 500;

/** A datetime-local value (local time, minutes) for an instant. */
const local = (d) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);

export async function render(root) {
  const doc = await get('/openapi.json');
  const reports = KNOWN.filter(([p]) => doc.paths[`/api/v1${p}`]);
  root.append(h('h1', {}, 'Reports'));
  if (!reports.length) {
    root.append(panel(null, h('p', {}, 'No campaign or callback reports on this server. Live numbers are in ',
      h('a', { href: '#/operations' }, 'Operations'), '; list penetration is on each list in ', h('a', { href: '#/lists' }, 'Lists'), '.')));
    return;
  }
  const now = new Date();
  const out = h('div', { id: 'report-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'inline', id: 'report-form' },
    field('Report', select('report', reports, reports[0][0])),
    field('From', h('input', { name: 'from', type: 'datetime-local', required: true, value: local(new Date(now.getTime() - 86400000)) })),
    field('To', h('input', { name: 'to', type: 'datetime-local', required: true, value: local(new Date(now.getTime() + 3600000)) })),
    h('button', { type: 'submit' }, 'Show'),
    h('button', { type: 'button', class: 'quiet', id: 'report-csv', onclick: () => {
      const { path, query } = request();
      download(`${path}?${query}&format=csv`, `${path.split('/').pop()}.csv`).catch(fail);
    } }, 'Download CSV'));
  function request() {
    const f = new FormData(form);
    const q = new URLSearchParams({ from: new Date(f.get('from')).toISOString(), to: new Date(f.get('to')).toISOString() });
    return { path: f.get('report'), query: q.toString() };
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { path, query } = request();
    try {
      const body = await get(`${path}?${query}`);
      const rows = Array.isArray(body) ? body : (Object.values(body).find(Array.isArray) || []);
      const keys = rows.length ? Object.keys(rows[0]) : [];
      const cell = (v) => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));
      out.replaceChildren(table(keys.map((k) => ({ label: k, value: (r) => cell(r[k]), num: typeof rows[0][k] === 'number' })),
        rows.slice(0, SHOWN), { caption: rows.length ? (rows.length > SHOWN ? `${rows.length} rows; the first ${SHOWN} shown, all in the CSV.` : `${rows.length} rows.`) : 'No rows in this period.' }));
    } catch (err) { fail(err); }
  });
  root.append(panel(null, form), panel(null, out));
}
