// Agents: the tenant's agents and agent groups, session agent counts, force not-ready / logout with a reason code.
import { call, get, post } from '../api.js';
import { confirmAction, fail, field, h, panel, table, toast, writable } from '../ui.js';

export async function render(root, params, session) {
  const [agents, groups, campaignGroups] = await Promise.all([get('/agents'), get('/agent-groups'), get('/campaign-groups')]);
  const groupsOf = (id) => groups.filter((g) => g.agentIds.includes(id)).map((g) => g.name).join(', ') || '–';
  root.append(h('h1', {}, 'Agents'));

  const sessions = await Promise.all(campaignGroups.map((g) => get(`/campaign-groups/${g.id}/stats`).then((s) => ({ g, s }))));
  root.append(panel('Logged in, by campaign group', table([
    { label: 'Campaign group', value: (x) => x.g.name },
    { label: 'Session', value: (x) => x.s.state },
    { label: 'Agents by state', value: (x) => Object.entries(x.s.agents).map(([k, v]) => `${k.toLowerCase().replace(/_/g, ' ')} ${v}`).join(', ') || 'none logged in' },
  ], sessions), h('p', { class: 'hint' }, 'Per-agent state and time in state come from the agent desktops; the counts above are the engine\'s.')));

  const reasonInput = () => h('input', { type: 'number', min: 0, max: 9999, value: 0, 'aria-label': 'reason code', style: 'width:5rem' });
  root.append(panel('Agents', table([
    { label: 'Login id', value: (a) => a.loginId },
    { label: 'Name', value: (a) => a.name || '–' },
    { label: 'Place', value: (a) => a.place || '–' },
    { label: 'Agent groups', value: (a) => groupsOf(a.id) },
    { label: 'Force', value: (a) => {
      const reason = reasonInput();
      const force = (verb, label) => h('button', { type: 'button', class: 'quiet', 'data-write': true, disabled: !session.admin,
        onclick: async () => {
          if (!(await confirmAction(`${label} ${a.loginId}?`, `Reason code ${reason.value}.`, label))) return;
          try { await post(`/agents/${a.id}/${verb}`, { reasonCode: Number(reason.value) }); toast(`${label}: ${a.loginId}`); } catch (err) { fail(err); }
        } }, label);
      return h('div', { class: 'actions' }, reason, force('not-ready', 'Not ready'), force('logout', 'Log out'));
    } },
  ], agents, { caption: agents.length ? null : 'No agents yet.' })));

  const form = h('form', { class: 'inline', id: 'agent-add' },
    field('Login id', h('input', { name: 'loginId', required: true })), field('Name', h('input', { name: 'name' })),
    field('Place', h('input', { name: 'place' })), h('button', { type: 'submit', 'data-write': true }, 'Add agent'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = { loginId: f.get('loginId') };
    if (f.get('name')) body.name = f.get('name');
    if (f.get('place')) body.place = f.get('place');
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
}
