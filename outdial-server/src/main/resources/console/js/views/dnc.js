// Do-Not-Call: search, check, add with expiry, remove, bulk import.
import { del, get, post, upload } from '../api.js';
import { confirmAction, fail, field, h, panel, table, toast, when, writable } from '../ui.js';

export async function render(root, params, session) {
  root.append(h('h1', {}, 'Do-Not-Call'));
  const listHost = h('div', { id: 'dnc-entries' });
  const total = h('p', { class: 'hint', id: 'dnc-total' });
  const searchForm = h('form', { class: 'inline', role: 'search' },
    field('Phone or customer id starts with', h('input', { name: 'prefix', type: 'search' })),
    h('button', { type: 'submit' }, 'Search'));

  async function refresh() {
    const prefix = new FormData(searchForm).get('prefix');
    const page = await get(`/dnc?limit=200${prefix ? `&prefix=${encodeURIComponent(prefix)}` : ''}`);
    total.textContent = `${page.total} entries in all; showing ${page.entries.length}.`;
    listHost.replaceChildren(table([
      { label: 'Phone', value: (e) => e.phone || '–' },
      { label: 'Customer id', value: (e) => e.customerId || '–' },
      { label: 'Message', value: (e) => e.message || '' },
      { label: 'Added', value: (e) => `${when(e.addedAt)} by ${e.addedBy || '?'}` },
      { label: 'Expires', value: (e) => (e.expiresAt ? when(e.expiresAt) : 'never') },
      { label: 'Active', value: (e) => (e.active ? 'yes' : 'expired') },
      { label: '', value: (e) => h('button', { type: 'button', class: 'quiet', 'data-write': true, disabled: !session.admin,
        'aria-label': `Remove ${e.phone || e.customerId}`,
        onclick: async () => {
          if (!(await confirmAction('Remove this entry?', `${e.phone || e.customerId} may be called again.`, 'Remove'))) return;
          const q = e.phone ? `phone=${encodeURIComponent(e.phone)}` : `customerId=${encodeURIComponent(e.customerId)}`;
          try { await del(`/dnc?${q}`); toast('removed'); refresh(); } catch (err) { fail(err); }
        } }, 'Remove') },
    ], page.entries));
  }
  searchForm.addEventListener('submit', (e) => { e.preventDefault(); refresh().catch(fail); });

  const addForm = h('form', { id: 'dnc-add' }, h('div', { class: 'form-grid' },
    field('Phone', h('input', { name: 'phone', placeholder: '+14155550100 or national' })),
    field('or customer id', h('input', { name: 'customerId' })),
    field('Message', h('input', { name: 'message', placeholder: 'asked not to be called' })),
    field('Expires (date, optional)', h('input', { name: 'expiresAt', type: 'date' }), 'blocked through that whole day, your time')),
  h('button', { type: 'submit', 'data-write': true }, 'Add to Do-Not-Call'));
  addForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(addForm);
    const body = {};
    for (const k of ['phone', 'customerId', 'message']) if (f.get(k)) body[k] = f.get(k);
    // The API reads a bare date as that day's start (UTC); a supervisor picking a date means "through that day".
    if (f.get('expiresAt')) {
      const [y, m, d] = f.get('expiresAt').split('-').map(Number);
      body.expiresAt = new Date(y, m - 1, d + 1).toISOString();
    }
    try {
      const entry = await post('/dnc', body);
      toast(`${entry.phone || entry.customerId} added`);
      addForm.reset();
      refresh();
    } catch (err) { fail(err); }
  });

  const checkResult = h('span', { id: 'dnc-check-result', 'aria-live': 'polite' });
  const checkForm = h('form', { class: 'inline' }, field('Check a phone', h('input', { name: 'phone' })),
    h('button', { type: 'submit', class: 'quiet' }, 'Check'), checkResult);
  checkForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const r = await get(`/dnc/check?phone=${encodeURIComponent(new FormData(checkForm).get('phone'))}`);
      checkResult.textContent = r.mayCall ? `${r.phone} may be called` : `${r.phone} must not be called (${r.entry.message || 'no message'})`;
    } catch (err) { fail(err); }
  });

  const file = h('input', { type: 'file', accept: '.csv,.txt,text/csv,text/plain' });
  const importResult = h('div', { 'aria-live': 'polite' });
  const importForm = h('form', { class: 'inline' }, field('CSV file (phone, customer_id, message, expires)', file),
    h('button', { type: 'submit', 'data-write': true }, 'Import'));
  importForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!file.files[0]) return;
    try {
      const r = await upload('/dnc/import', file.files[0], () => {});
      importResult.replaceChildren(h('p', {}, `${r.imported} imported, ${r.rejected} rejected.`),
        r.errors.length ? table([{ label: 'Line', value: (x) => x.line, num: true }, { label: 'Reason', value: (x) => x.reason }], r.errors.slice(0, 100)) : '');
      refresh();
    } catch (err) { fail(err); }
  });

  root.append(writable(panel('Add', addForm), session.admin), panel('Check', checkForm),
    panel('Entries', searchForm, total, listHost), writable(panel('Bulk import', importForm, importResult), session.admin));
  await refresh();
}
