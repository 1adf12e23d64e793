// Audit log: who changed what and when, newest first.
import { get } from '../api.js';
import { h, panel, table, when } from '../ui.js';

export async function render(root, params, session) {
  root.append(h('h1', {}, 'Audit log'));
  if (!session.admin) {
    root.append(panel(null, h('p', {}, 'The audit log needs an admin token.')));
    return;
  }
  const host = h('div');
  const more = h('button', { type: 'button', class: 'quiet' }, 'Older entries');
  let before = 0;
  const rows = [];
  async function load() {
    const page = await get(`/audit?limit=100${before ? `&before=${before}` : ''}`);
    rows.push(...page);
    if (page.length) before = page[page.length - 1].id;
    more.hidden = page.length < 100;
    host.replaceChildren(table([
      { label: 'When', value: (e) => when(e.at) },
      { label: 'Who', value: (e) => e.actor },
      { label: 'What', value: (e) => e.action },
      { label: 'Object', value: (e) => e.objectId || '–' },
      { label: 'Detail', value: (e) => h('code', {}, e.detail.length > 160 ? `${e.detail.slice(0, 160)}…` : e.detail) },
    ], rows, { caption: rows.length ? null : 'Nothing changed yet.' }));
  }
  more.addEventListener('click', load);
  root.append(panel(null, host, more));
  await load();
}
