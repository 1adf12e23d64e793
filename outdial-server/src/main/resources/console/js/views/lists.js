// Lists: create a list with custom fields, upload CSV with progress and a downloadable error report, penetration
// charts, record search by phone or customer id, record detail with attempts, and record edits.
import { call, download, get, post, saveBlob, upload } from '../api.js';
import { fail, field, h, panel, select, table, toast, when, writable } from '../ui.js';

export async function render(root, params, session) {
  if (params[0] && params[1] === 'records' && params[2]) return recordView(root, Number(params[0]), Number(params[2]), session);
  if (params[0]) return listView(root, Number(params[0]), session);
  return allLists(root, session);
}

async function allLists(root, session) {
  const [lists, enums] = await Promise.all([get('/lists'), get('/enums')]);
  root.append(h('h1', {}, 'Calling lists'));
  root.append(panel(null, table([
    { label: 'Name', value: (l) => h('a', { href: `#/lists/${l.id}` }, l.name) },
    { label: 'Records', value: (l) => l.records.toLocaleString(), num: true },
    { label: 'By status', value: (l) => Object.entries(l.recordsByStatus).map(([k, v]) => `${k.toLowerCase()} ${v}`).join(', ') || '–' },
    { label: 'Custom fields', value: (l) => l.fields.map((f) => `${f.name}:${f.type}`).join(', ') || '–' },
    { label: 'Zone / window', value: (l) => `${l.defaultTimeZone} ${l.defaultWindow}` },
  ], lists, { caption: lists.length ? null : 'No calling lists yet.' })));
  root.append(writable(createForm(enums), session.admin));
}

function createForm(enums) {
  const fieldsHost = h('div', { id: 'new-fields' });
  const addField = () => {
    const row = h('div', { class: 'form-grid field-row' },
      field('Field name', h('input', { name: 'fname', pattern: '[a-z][a-z0-9_]{0,62}', placeholder: 'balance' })),
      field('Type', select('ftype', enums.fieldType.map((t) => [t.toLowerCase(), t.toLowerCase()]), 'varchar')),
      field('Length (varchar)', h('input', { name: 'flength', type: 'number', min: 1, max: 4000, value: 255 })),
      field('Send as attribute', h('input', { name: 'fsend', placeholder: 'optional, e.g. GSW_BALANCE' })),
      h('div', {}, h('label', {}, '\u00a0'), h('button', { type: 'button', class: 'quiet', onclick: () => row.remove() }, 'Remove field')));
    fieldsHost.append(row);
  };
  const form = h('form', { id: 'create-list' },
    h('div', { class: 'form-grid' },
      field('Name', h('input', { name: 'name', required: true, pattern: '[A-Za-z0-9][A-Za-z0-9_.\\-]{0,99}' })),
      field('Description', h('input', { name: 'description' })),
      field('Time zone', h('input', { name: 'timeZone', placeholder: 'default: server setting' })),
      field('Country', h('input', { name: 'country', maxlength: 2, placeholder: 'US' })),
      field('Calling window', h('input', { name: 'window', placeholder: '08:00-21:00' })),
      field('Max attempts', h('input', { name: 'maxAttempts', type: 'number', min: 1, max: 1000 }))),
    h('h3', {}, 'Custom fields'), fieldsHost,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', 'data-write': true, onclick: addField }, 'Add custom field'),
      h('button', { type: 'submit', 'data-write': true }, 'Create list')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = { name: f.get('name') };
    for (const k of ['description', 'timeZone', 'country', 'window']) if (f.get(k)) body[k] = f.get(k);
    if (f.get('maxAttempts')) body.maxAttempts = Number(f.get('maxAttempts'));
    body.fields = [...fieldsHost.querySelectorAll('.field-row')].map((row) => {
      const v = (n) => row.querySelector(`[name=${n}]`).value;
      const fd = { name: v('fname'), type: v('ftype') };
      if (fd.type === 'varchar') fd.length = Number(v('flength'));
      if (v('fsend')) fd.sendAttribute = v('fsend');
      return fd;
    }).filter((fd) => fd.name);
    try {
      const list = await post('/lists', body);
      toast(`list ${list.name} created`);
      location.hash = `#/lists/${list.id}`;
    } catch (err) { fail(err); }
  });
  return panel('New calling list', form);
}

async function listView(root, listId, session) {
  const list = await get(`/lists/${listId}`);
  root.append(h('p', {}, h('a', { href: '#/lists' }, '← all lists')), h('h1', {}, `List ${list.name}`));
  root.append(h('dl', { class: 'kv panel' },
    h('dt', {}, 'Records'), h('dd', { id: 'list-records' }, list.records.toLocaleString()),
    h('dt', {}, 'Custom fields'), h('dd', {}, list.fields.map((f) => `${f.name} (${f.type}${f.length ? `(${f.length})` : ''})`).join(', ') || '–'),
    h('dt', {}, 'Defaults'), h('dd', {}, `${list.defaultTimeZone}, ${list.defaultWindow}, ${list.defaultCountry}, max ${list.maxAttempts} attempts`)));

  const charts = [];
  const penetrationHost = h('div', { class: 'charts' });
  async function penetration() {
    const p = await get(`/lists/${listId}/penetration`);
    document.getElementById('list-records').textContent = p.records.toLocaleString();
    charts.splice(0).forEach((c) => c.destroy());
    penetrationHost.replaceChildren();
    for (const [title, data] of [['Records by status', p.byStatus], ['Records by call result', p.byCallResult], ['Records by attempts', p.byAttempt]]) {
      const canvas = h('canvas', { role: 'img', 'aria-label': `${title}: ${Object.entries(data).map(([k, v]) => `${k} ${v}`).join(', ')}` });
      penetrationHost.append(h('div', { class: 'panel' }, h('h3', {}, title), canvas));
      if (window.Chart) {
        charts.push(new window.Chart(canvas, {
          type: 'bar',
          data: { labels: Object.keys(data).map((k) => k.toLowerCase().replace(/_/g, ' ')), datasets: [{ label: 'records', data: Object.values(data), backgroundColor: '#1f5fbf' }] },
          options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } },
        }));
      }
    }
  }

  // import
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'upload progress' });
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const file = h('input', { type: 'file', accept: '.csv,text/csv', name: 'csv', id: 'csv-file' });
  const importForm = h('form', { class: 'inline', id: 'import-form' }, field('CSV file', file),
    h('button', { type: 'submit', 'data-write': true }, 'Upload and import'));
  importForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!file.files[0]) { toast('choose a CSV file first', true); return; }
    progress.hidden = false; progress.value = 0; result.replaceChildren(h('p', { class: 'hint' }, 'uploading…'));
    try {
      const r = await upload(`/lists/${listId}/import`, file.files[0], (f) => {
        progress.value = f;
        if (f >= 1) result.replaceChildren(h('p', { class: 'hint' }, 'importing…'));
      });
      progress.value = 1;
      showImport(result, r, list.name);
      penetration();
    } catch (err) { progress.hidden = true; result.replaceChildren(); fail(err); }
  });

  // search
  const searchResults = h('div', { id: 'search-results' });
  const searchForm = h('form', { class: 'inline', id: 'search-form' },
    field('Phone', h('input', { name: 'phone', type: 'search' })),
    field('Customer id', h('input', { name: 'customerId', type: 'search' })),
    h('button', { type: 'submit' }, 'Search'));
  searchForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(searchForm);
    const q = new URLSearchParams();
    if (f.get('phone')) q.set('phone', f.get('phone'));
    if (f.get('customerId')) q.set('customerId', f.get('customerId'));
    try {
      const records = await get(`/lists/${listId}/records?${q}`);
      searchResults.replaceChildren(records.length ? recordsTable(listId, records) : h('p', { class: 'hint' }, 'No record matches.'));
    } catch (err) { fail(err); }
  });

  const exportButton = h('button', { type: 'button', class: 'quiet', onclick: () => download(`/lists/${listId}/export`, `${list.name}.csv`).catch(fail) }, 'Export CSV');
  root.append(writable(panel('Import records', h('p', { class: 'hint' }, 'UTF-8 CSV with a header row; see docs/csv.md for the columns. Bad rows are reported by line and skipped.'),
    importForm, progress, result), session.admin));
  root.append(panel('Find records', searchForm, searchResults));
  root.append(h('h2', {}, 'Penetration'), penetrationHost, h('div', { class: 'actions' }, exportButton));
  await penetration();
  return () => charts.forEach((c) => c.destroy());
}

function showImport(host, r, listName) {
  const summary = h('p', { id: 'import-summary' },
    `${r.rowsRead} rows read: ${r.imported} imported, ${r.rejected} rejected, ${r.duplicates} duplicates (${r.seconds.toFixed(1)} s).`);
  const parts = [summary];
  if (r.errors.length) {
    const csv = ['line,column,reason', ...r.errors.map((e) => [e.line, e.column || '', e.reason].map(csvCell).join(','))].join('\n');
    parts.push(h('button', { type: 'button', class: 'quiet', id: 'download-errors',
      onclick: () => saveBlob(new Blob([`${csv}\n`], { type: 'text/csv' }), `${listName}.errors.csv`) }, 'Download error report'));
    if (r.errorsTruncated) parts.push(h('p', { class: 'hint' }, `${r.errorCount} errors in all; the report lists the first ${r.errors.length}.`));
    parts.push(table([
      { label: 'Line', value: (e) => e.line, num: true },
      { label: 'Column', value: (e) => e.column || '–' },
      { label: 'Reason', value: (e) => e.reason },
    ], r.errors.slice(0, 200), { caption: 'Rejected rows' }));
  }
  host.replaceChildren(...parts);
}

const csvCell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

function recordsTable(listId, records) {
  return table([
    { label: 'Record', value: (r) => h('a', { href: `#/lists/${listId}/records/${r.recordId}` }, String(r.recordId)) },
    { label: 'Phone', value: (r) => r.contactInfo },
    { label: 'Customer', value: (r) => r.customerId || '–' },
    { label: 'Status', value: (r) => r.recordStatus },
    { label: 'Result', value: (r) => r.callResult },
    { label: 'Attempts', value: (r) => r.attempt, num: true },
    { label: 'Due', value: (r) => when(r.dialSchedTime) },
  ], records);
}

async function recordView(root, listId, recordId, session) {
  const [list, enums] = await Promise.all([get(`/lists/${listId}`), get('/enums')]);
  let { body, etag } = await call('GET', `/lists/${listId}/records/${recordId}`);
  const r = body.record;
  root.append(h('p', {}, h('a', { href: `#/lists/${listId}` }, `← list ${list.name}`)), h('h1', {}, `Record ${r.recordId}: ${r.contactInfo}`));
  const kv = h('dl', { class: 'kv panel', id: 'record-fields' });
  for (const [k, v] of Object.entries(r)) {
    if (k === 'customFields') continue;
    kv.append(h('dt', {}, k), h('dd', {}, v === null ? '–' : String(v)));
  }
  for (const [k, v] of Object.entries(r.customFields)) kv.append(h('dt', {}, k), h('dd', {}, v === null ? '–' : String(v)));
  root.append(kv);

  const form = h('form', { id: 'record-edit' }, h('div', { class: 'form-grid' },
    field('Status', select('recordStatus', ['READY', 'UPDATED', 'CANCELLED', 'AGENT_ERROR'], r.recordStatus)),
    field('Type', select('recordType', enums.recordType, r.recordType)),
    field('Due at (ISO-8601, empty = now)', h('input', { name: 'dialSchedTime', value: r.dialSchedTime || '' })),
    field('Calling window', h('input', { name: 'window', value: r.window })),
    ...list.fields.map((f) => field(`${f.name} (${f.type})`, h('input', { name: `cf:${f.name}`, value: r.customFields[f.name] ?? '' })))),
  h('button', { type: 'submit', 'data-write': true }, 'Save record'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const edit = { recordType: f.get('recordType'), window: f.get('window'), dialSchedTime: f.get('dialSchedTime') || null, customFields: {} };
    if (f.get('recordStatus') !== r.recordStatus) edit.recordStatus = f.get('recordStatus');
    for (const fd of list.fields) edit.customFields[fd.name] = f.get(`cf:${fd.name}`);
    try {
      const res = await call('PUT', `/lists/${listId}/records/${recordId}`, edit, { 'If-Match': etag });
      etag = res.etag;
      toast('record saved');
    } catch (err) { fail(err); }
  });
  root.append(writable(panel('Edit', r.recordStatus === 'RETRIEVED' ? h('p', { class: 'hint' }, 'Being dialed: edits wait until its call ends.') : null, form), session.admin));
  root.append(panel('Attempts', table([
    { label: 'Started', value: (a) => when(a.startProcessing) },
    { label: 'Phone', value: (a) => a.phone },
    { label: 'Result', value: (a) => a.callResult },
    { label: 'Agent', value: (a) => a.agentId || '–' },
    { label: 'Answered', value: (a) => when(a.agentAnswered) },
    { label: 'Released', value: (a) => when(a.released) },
  ], body.attempts, { caption: body.attempts.length ? null : 'Never dialed.' })));
  if (body.chain.length > 1) root.append(panel('Chain', recordsTable(listId, body.chain)));
}
