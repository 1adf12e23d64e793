// Agents: who is logged in now (state, time in state, current record and call, campaign group; live over server-sent
// events), force not-ready / logout with a reason code, the tenant's agents and agent groups.
import { call, get, post, stream } from '../api.js';
import { confirmAction, fail, field, h, panel, table, toast, writable } from '../ui.js';

export async function render(root, params, session) {
  const [agents, groups, campaignGroups] = await Promise.all([get('/agents'), get('/agent-groups'), get('/campaign-groups')]);
  const groupsOf = (id) => groups.filter((g) => g.agentIds.includes(id)).map((g) => g.name).join(', ') || '–';
  root.append(h('h1', {}, 'Agents'));

  const reasonInput = (label) => h('input', { type: 'number', min: 0, max: 9999, value: 0, 'aria-label': label, style: 'width:5rem' });
  const forceButtons = (agentId, loginId, reason) => {
    const force = (verb, label) => h('button', { type: 'button', class: 'quiet', 'data-write': true,
      disabled: !session.admin || agentId === null, 'aria-label': `${label} ${loginId}`,
      title: agentId === null ? 'not a configured agent of this tenant' : null,
      onclick: async () => {
        if (!(await confirmAction(`${label} ${loginId}?`, `Reason code ${reason.value}.`, label))) return;
        try { await post(`/agents/${agentId}/${verb}`, { reasonCode: Number(reason.value) }); toast(`${label}: ${loginId}`); } catch (err) { fail(err); }
      } }, label);
    return h('div', { class: 'actions' }, reason, force('not-ready', 'Not ready'), force('logout', 'Log out'));
  };

  // Live: one row per logged-in agent, kept by login id; cells change only when their text does, and the time in
  // state ticks locally from the snapshot's clock.
  const liveBody = h('tbody');
  const liveStatus = h('p', { class: 'hint', id: 'agents-status' }, 'connecting…');
  root.append(panel('Logged in now', liveStatus, h('div', { class: 'table-wrap' }, h('table', { id: 'agents-live' },
    h('thead', {}, h('tr', {}, ['Agent', 'State', 'Time in state', 'Reason', 'Campaign group', 'Current record', 'Call', 'Force']
      .map((label) => h('th', { scope: 'col' }, label)))), liveBody))));
  const liveRows = new Map();
  let skewMs = 0;
  const since = (row) => Math.max(0, Math.round((Date.now() - skewMs - row.sinceMs) / 1000));
  const clock = (sec) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;
  function showAgents(view) {
    skewMs = Date.now() - view.at;
    const seen = new Set();
    for (const a of view.agents) {
      seen.add(a.loginId);
      let entry = liveRows.get(a.loginId);
      if (!entry) {
        const tds = Array.from({ length: 8 }, () => h('td'));
        const tr = h('tr', { 'data-agent': a.loginId }, tds);
        liveBody.append(tr);
        entry = { tr, tds, key: null };
        liveRows.set(a.loginId, entry);
        tds[7].append(forceButtons(a.agentId, a.loginId, reasonInput(`reason code for ${a.loginId}`)));
      }
      entry.row = a;
      const groupName = a.groupName || (a.groupIds.length ? a.groupIds.map((id) => (campaignGroups.find((g) => g.id === id) || {}).name || id).join(', ') : '–');
      const texts = [a.name ? `${a.loginId} (${a.name})` : a.loginId, a.state, clock(since(a)), a.reasonCode ? String(a.reasonCode) : '–',
        groupName, a.recordId === null ? '–' : `${a.phone || ''} · list ${a.listId} record ${a.recordId}`, a.callId === null ? '–' : String(a.callId)];
      texts.forEach((text, i) => {
        const td = entry.tds[i];
        if (td.textContent !== text) {
          if (i === 1) td.replaceChildren(h('span', { class: `badge ${text}` }, text)); else td.textContent = text;
        }
      });
    }
    for (const [id, entry] of liveRows) {
      if (!seen.has(id)) { entry.tr.remove(); liveRows.delete(id); }
    }
    liveStatus.textContent = `live · ${view.agents.length} agent${view.agents.length === 1 ? '' : 's'} logged in`;
  }
  const tick = setInterval(() => {
    for (const entry of liveRows.values()) {
      const text = clock(since(entry.row));
      if (entry.tds[2].textContent !== text) entry.tds[2].textContent = text;
    }
  }, 1000);
  const stop = stream('/live/agents', (name, data) => { if (name === 'agents') showAgents(data); },
    (e) => { liveStatus.textContent = `disconnected: ${e.message}`; liveStatus.classList.add('error'); });

  root.append(panel('Configured agents', table([
    { label: 'Login id', value: (a) => a.loginId },
    { label: 'Name', value: (a) => a.name || '–' },
    { label: 'Place', value: (a) => a.place || '–' },
    { label: 'Agent groups', value: (a) => groupsOf(a.id) },
    { label: 'Force', value: (a) => forceButtons(a.id, a.loginId, reasonInput('reason code')) },
  ], agents, { caption: agents.length ? null : 'No agents yet.' })));

  const form = h('form', { class: 'inline', id: 'agent-add' },
    field('Login id', h('input', { name: 'loginId', required: true })), field('Name', h('input', { name: 'name' })),
    field('Place', h('input', { name: 'place' })),
    field('Desktop credential', h('input', { name: 'credential', type: 'password', autocomplete: 'new-password', minlength: 4, maxlength: 128 })),
    h('button', { type: 'submit', 'data-write': true }, 'Add agent'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = { loginId: f.get('loginId') };
    if (f.get('name')) body.name = f.get('name');
    if (f.get('place')) body.place = f.get('place');
    if (f.get('credential')) body.credential = f.get('credential');
    try { await post('/agents', body); toast('agent added'); location.reload(); } catch (err) { fail(err); }
  });
  root.append(writable(panel('Add an agent', form), session.admin));

  const groupRows = groups.map((g) => {
    const boxes = agents.map((a) => h('label', { style: 'display:inline-block;margin-right:.6rem' },
      h('input', { type: 'checkbox', value: a.id, checked: g.agentIds.includes(a.id), 'data-write': true }), ` ${a.loginId}`));
    const save = h('button', { type: 'button', 'data-write': true, disabled: !session.admin, onclick: async () => {
      const ids = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => Number(i.value));
      try {
        const { etag } = await call('GET', `/agent-groups/${g.id}`);
        await call('PUT', `/agent-groups/${g.id}`, { agentIds: ids }, { 'If-Match': etag });
        toast(`${g.name} saved`);
      } catch (err) { fail(err); }
    } }, 'Save members');
    return { g, boxes, save };
  });
  root.append(writable(panel('Agent groups', table([
    { label: 'Group', value: (x) => x.g.name },
    { label: 'Members', value: (x) => h('div', {}, x.boxes) },
    { label: '', value: (x) => x.save },
  ], groupRows)), session.admin));
  const groupForm = h('form', { class: 'inline' }, field('New agent group', h('input', { name: 'name', required: true })),
    h('button', { type: 'submit', 'data-write': true }, 'Create group'));
  groupForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    try { await post('/agent-groups', { name: new FormData(groupForm).get('name') }); location.reload(); } catch (err) { fail(err); }
  });
  root.append(writable(panel(null, groupForm), session.admin));
  return () => { stop(); clearInterval(tick); };
}
