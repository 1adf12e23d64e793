// Configuration: campaigns, campaign groups (with options), treatments with a preview of what happens after each
// call result. Edits carry the object's version (optimistic concurrency).
import { call, del, get, post, put } from '../api.js';
import { confirmAction, fail, field, h, num as fmt, panel, pct, select, table, toast, writable } from '../ui.js';

const TABS = [['campaigns', 'Campaigns'], ['groups', 'Campaign groups'], ['treatments', 'Treatments'], ['targets', 'Notification targets']];

export async function render(root, params, session) {
  const tab = TABS.some(([k]) => k === params[0]) ? params[0] : 'campaigns';
  root.append(h('h1', {}, 'Configuration'), h('div', { class: 'tabs', role: 'tablist' }, TABS.map(([k, label]) =>
    h('button', { type: 'button', role: 'tab', 'aria-selected': String(k === tab), onclick: () => { location.hash = `#/config/${k}`; } }, label))));
  const [enums, lists, treatments, campaigns, groups, agentGroups] = await Promise.all([get('/enums'), get('/lists'),
    get('/treatments'), get('/campaigns'), get('/campaign-groups'), get('/agent-groups')]);
  const ctx = { enums, lists, treatments, campaigns, groups, agentGroups, session, editId: params[1] ? Number(params[1]) : null };
  const body = h('div', { role: 'tabpanel' });
  root.append(body);
  ({ campaigns: campaignTab, groups: groupTab, treatments: treatmentTab, targets: targetTab })[tab](body, ctx);
}

function reload(tab) {
  const target = `#/config/${tab}`;
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}

function deleteButton(path, what, tab, admin) {
  return h('button', { type: 'button', class: 'quiet', 'data-write': true, disabled: !admin, onclick: async () => {
    if (!(await confirmAction(`Delete ${what}?`, 'This cannot be undone.', 'Delete'))) return;
    try { await del(path); toast(`${what} deleted`); reload(tab); } catch (err) { fail(err); }
  } }, 'Delete');
}

function campaignTab(host, { lists, treatments, campaigns, session, editId }) {
  host.append(panel(null, table([
    { label: 'Campaign', value: (c) => h('a', { href: `#/config/campaigns/${c.id}` }, c.name) },
    { label: 'Lists', value: (c) => c.lists.map((l) => `${(lists.find((x) => x.id === l.listId) || {}).name || l.listId} (${l.share}%${l.active ? '' : ', inactive'})`).join(', ') },
    { label: 'Treatments', value: (c) => c.treatmentIds.map((id) => (treatments.find((t) => t.id === id) || {}).name || id).join(', ') || '–' },
    { label: 'Caller id', value: (c) => c.callerId || 'none (cannot load)' },
    { label: '', value: (c) => deleteButton(`/campaigns/${c.id}`, `campaign ${c.name}`, 'campaigns', session.admin) },
  ], campaigns)));
  const c = campaigns.find((x) => x.id === editId);
  const listBoxes = lists.map((l) => {
    const cl = c && c.lists.find((x) => x.listId === l.id);
    return { l, box: h('input', { type: 'checkbox', checked: !!cl, 'aria-label': `use list ${l.name}` }),
      share: h('input', { type: 'number', min: 0, max: 100, value: cl ? cl.share : 100, 'aria-label': `share of ${l.name}`, style: 'width:5rem' }) };
  });
  const tBoxes = treatments.map((t) => ({ t, box: h('input', { type: 'checkbox', checked: !!(c && c.treatmentIds.includes(t.id)), 'aria-label': `apply ${t.name}` }) }));
  const form = h('form', { id: 'campaign-form' }, h('div', { class: 'form-grid' },
    field('Name', h('input', { name: 'name', required: true, value: c ? c.name : '' })),
    field('Caller id', h('input', { name: 'callerId', value: c ? c.callerId || '' : '', placeholder: '+12025550100' })),
    field('Script id', h('input', { name: 'scriptId', value: c ? c.scriptId || '' : '' })),
    field('Description', h('input', { name: 'description', value: c ? c.description : '' }))),
  h('h3', {}, 'Lists'), h('div', {}, listBoxes.map((x) => h('div', {}, x.box, ` ${x.l.name} share `, x.share, ' %'))),
  h('h3', {}, 'Treatments'), h('div', {}, tBoxes.map((x) => h('label', { style: 'display:inline-block;margin-right:.8rem' }, x.box, ` ${x.t.name}`))),
  h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-write': true }, c ? 'Save campaign' : 'Create campaign'),
    c ? h('a', { href: '#/config/campaigns', class: 'button quiet' }, 'New campaign instead') : null));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = { name: f.get('name'), description: f.get('description') || '',
      lists: listBoxes.filter((x) => x.box.checked).map((x) => ({ listId: x.l.id, share: Number(x.share.value), active: true })),
      treatmentIds: tBoxes.filter((x) => x.box.checked).map((x) => x.t.id) };
    if (f.get('callerId')) body.callerId = f.get('callerId');
    if (f.get('scriptId')) body.scriptId = f.get('scriptId');
    try {
      if (c) await put(`/campaigns/${c.id}`, { ...body, version: c.version }); else await post('/campaigns', body);
      toast('campaign saved');
      reload('campaigns');
    } catch (err) { fail(err); }
  });
  host.append(writable(panel(c ? `Edit ${c.name}` : 'New campaign', form), session.admin));
}

function groupTab(host, { enums, campaigns, groups, agentGroups, session, editId }) {
  host.append(panel(null, table([
    { label: 'Campaign group', value: (g) => h('a', { href: `#/config/groups/${g.id}` }, g.name) },
    { label: 'Campaign', value: (g) => (campaigns.find((c) => c.id === g.campaignId) || {}).name || g.campaignId },
    { label: 'Agent group', value: (g) => (agentGroups.find((a) => a.id === g.agentGroupId) || {}).name || g.agentGroupId },
    { label: 'Dial mode', value: (g) => g.dialMode },
    { label: 'Optimization', value: (g) => `${g.optimization} ${g.optimizationGoal}` },
    { label: 'Buffer', value: (g) => `${g.bufferMin}–${g.bufferMax}` },
    { label: 'Options', value: (g) => Object.entries(g.options).map(([k, v]) => `${k}=${v}`).join(', ') || '–' },
    { label: '', value: (g) => deleteButton(`/campaign-groups/${g.id}`, `campaign group ${g.name}`, 'groups', session.admin) },
  ], groups)));
  const g = groups.find((x) => x.id === editId);
  const form = h('form', { id: 'group-form' }, h('div', { class: 'form-grid' },
    field('Name', h('input', { name: 'name', required: true, value: g ? g.name : '' })),
    field('Campaign', select('campaignId', campaigns.map((c) => [c.id, c.name]), g && g.campaignId)),
    field('Agent group', select('agentGroupId', agentGroups.map((a) => [a.id, a.name]), g && g.agentGroupId)),
    field('Dial mode', select('dialMode', enums.dialMode, g ? g.dialMode : 'PREDICTIVE')),
    field('Optimize', select('optimization', enums.optimization, g ? g.optimization : 'OVERDIAL_RATE')),
    field('Goal', h('input', { name: 'optimizationGoal', type: 'number', min: 0, value: g ? g.optimizationGoal : 3 })),
    field('Buffer min', h('input', { name: 'bufferMin', type: 'number', min: 0, value: g ? g.bufferMin : 5 })),
    field('Buffer max', h('input', { name: 'bufferMax', type: 'number', min: 1, value: g ? g.bufferMax : 20 })),
    field('Options (name=value, one a line)', h('textarea', { name: 'options', rows: 3 },
      g ? Object.entries(g.options).map(([k, v]) => `${k}=${v}`).join('\n') : ''))),
  h('button', { type: 'submit', 'data-write': true }, g ? 'Save campaign group' : 'Create campaign group'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const options = {};
    for (const line of String(f.get('options')).split('\n')) {
      const i = line.indexOf('=');
      if (i > 0) options[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
    const body = { name: f.get('name'), campaignId: Number(f.get('campaignId')), agentGroupId: Number(f.get('agentGroupId')),
      dialMode: f.get('dialMode'), optimization: f.get('optimization'), optimizationGoal: Number(f.get('optimizationGoal')),
      bufferMin: Number(f.get('bufferMin')), bufferMax: Number(f.get('bufferMax')), options };
    try {
      if (g) await put(`/campaign-groups/${g.id}`, { ...body, version: g.version }); else await post('/campaign-groups', body);
      toast('campaign group saved');
      reload('groups');
    } catch (err) { fail(err); }
  });
  host.append(writable(panel(g ? `Edit ${g.name}` : 'New campaign group', form), session.admin));
  if (g) host.append(plannerPanel(g));
}

function treatmentTab(host, { enums, treatments, campaigns, session, editId }) {
  host.append(panel(null, table([
    { label: 'Treatment', value: (t) => h('a', { href: `#/config/treatments/${t.id}` }, t.name) },
    { label: 'Call result', value: (t) => t.callResult },
    { label: 'Step', value: (t) => t.sequence, num: true },
    { label: 'Record action', value: (t) => t.recordAction },
    { label: 'Cycles / interval / increment', value: (t) => `${t.cycleAttempts} × ${t.intervalMin} min +${t.incrementMin}` },
    { label: 'Call action', value: (t) => (t.callAction === 'NONE' ? '–' : `${t.callAction} ${t.destinationDn}`) },
    { label: '', value: (t) => deleteButton(`/treatments/${t.id}`, `treatment ${t.name}`, 'treatments', session.admin) },
  ], treatments)));
  const t = treatments.find((x) => x.id === editId);
  const form = h('form', { id: 'treatment-form' }, h('div', { class: 'form-grid' },
    field('Name', h('input', { name: 'name', required: true, value: t ? t.name : '' })),
    field('After call result', select('callResult', enums.callResult, t ? t.callResult : 'BUSY')),
    field('Step in sequence', h('input', { name: 'sequence', type: 'number', min: 1, value: t ? t.sequence : 1 })),
    field('Record action', select('recordAction', enums.recordAction, t ? t.recordAction : 'RETRY_IN')),
    field('Cycle attempts', h('input', { name: 'cycleAttempts', type: 'number', min: 0, value: t ? t.cycleAttempts : 1 })),
    field('Interval (min)', h('input', { name: 'intervalMin', type: 'number', min: 0, value: t ? t.intervalMin : 30 })),
    field('Increment (min)', h('input', { name: 'incrementMin', type: 'number', min: 0, value: t ? t.incrementMin : 0 })),
    field('At (ISO-8601, dated actions)', h('input', { name: 'dateTime', value: t && t.dateTime ? t.dateTime : '' })),
    field('Call action', select('callAction', enums.callAction, t ? t.callAction : 'NONE')),
    field('Destination DN', h('input', { name: 'destinationDn', value: t && t.destinationDn ? t.destinationDn : '' }))),
  h('button', { type: 'submit', 'data-write': true }, t ? 'Save treatment' : 'Create treatment'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = { name: f.get('name'), callResult: f.get('callResult'), recordAction: f.get('recordAction'),
      callAction: f.get('callAction'), sequence: Number(f.get('sequence')), cycleAttempts: Number(f.get('cycleAttempts')),
      intervalMin: Number(f.get('intervalMin')), incrementMin: Number(f.get('incrementMin')) };
    if (f.get('dateTime')) body.dateTime = f.get('dateTime');
    if (f.get('destinationDn')) body.destinationDn = f.get('destinationDn');
    try {
      if (t) await put(`/treatments/${t.id}`, { ...body, version: t.version }); else await post('/treatments', body);
      toast('treatment saved');
      reload('treatments');
    } catch (err) { fail(err); }
  });
  host.append(writable(panel(t ? `Edit ${t.name}` : 'New treatment', form), session.admin));

  const out = h('div', { id: 'preview-result' });
  const pform = h('form', { class: 'inline', id: 'preview-form' },
    field('Campaign', select('campaignId', campaigns.map((c) => [c.id, c.name]), campaigns[0] && campaigns[0].id)),
    field('Attempt (this dial)', h('input', { name: 'attempt', type: 'number', min: 1, value: 1 })),
    field('Previous result', select('previousResult', enums.callResult, 'UNKNOWN_CALL_RESULT')),
    h('button', { type: 'submit' }, 'Preview'));
  pform.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(pform);
    try {
      const p = await get(`/campaigns/${f.get('campaignId')}/treatment-preview?attempt=${f.get('attempt')}&previousResult=${f.get('previousResult')}`);
      out.replaceChildren(h('p', { class: 'hint' }, `Sample record on attempt ${p.attempt} of at most ${p.maxAttempts || 'unlimited'}, previous result ${p.previousResult}.`),
        table([
          { label: 'Call result', value: (o) => o.callResult },
          { label: 'Record becomes', value: (o) => `${o.recordStatus} (${o.recordType.toLowerCase().replace(/_/g, ' ')})` },
          { label: 'Dialed again', value: (o) => (o.dueInMinutes === null ? 'no' : `in ${o.dueInMinutes} min`) },
          { label: 'Chain', value: (o) => (o.chainStep === 'NONE' ? '–' : `${o.chainStep.toLowerCase().replace(/_/g, ' ')}${o.chainNextInMinutes !== null ? ` in ${o.chainNextInMinutes} min` : ''}`) },
          { label: 'By treatment', value: (o) => o.treatment || 'none (finalized)' },
          { label: 'Call action', value: (o) => o.callAction || '–' },
        ], p.outcomes));
    } catch (err) { fail(err); }
  });
  host.append(panel('What happens after each call result', campaigns.length ? pform : h('p', { class: 'hint' }, 'Create a campaign first.'), out));
}

function targetTab(host, { groups, session, editId }) {
  const groupName = (id) => (id === null ? 'every campaign group' : (groups.find((g) => g.id === id) || {}).name || `group ${id}`);
  const out = h('div');
  host.append(panel('HTTP notification targets', h('p', { class: 'hint' },
    'The campaign-group status feed POSTs each group\'s status to these URIs: a tenant-wide target receives every group, a group target only its group.'), out));
  const groupChoices = [['', 'every campaign group'], ...groups.map((g) => [g.id, g.name])];
  (async () => {
    let targets;
    try { targets = await get('/status-targets'); } catch (err) { fail(err); return; }
    out.append(table([
      { label: 'URI', value: (t) => h('a', { href: `#/config/targets/${t.id}` }, t.uri) },
      { label: 'For', value: (t) => groupName(t.groupId) },
      { label: '', value: (t) => deleteButton(`/status-targets/${t.id}`, `target ${t.uri}`, 'targets', session.admin) },
    ], targets, { caption: targets.length ? null : 'No targets yet.', rowKey: (t) => t.id }));
    const t = targets.find((x) => x.id === editId);
    const form = h('form', { id: 'target-form', class: 'inline' },
      field('URI', h('input', { name: 'uri', type: 'url', required: true, value: t ? t.uri : '', placeholder: 'https://example.com/status', size: 40 })),
      field('For', select('groupId', groupChoices, t && t.groupId !== null ? t.groupId : '')),
      h('button', { type: 'submit', 'data-write': true }, t ? 'Save target' : 'Add target'),
      t ? h('a', { href: '#/config/targets', class: 'button quiet' }, 'New target instead') : null);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const f = new FormData(form);
      const body = { uri: f.get('uri'), groupId: f.get('groupId') ? Number(f.get('groupId')) : null };
      try {
        if (t) {
          const { etag } = await call('GET', `/status-targets/${t.id}`);
          await put(`/status-targets/${t.id}`, body, etag);
        } else {
          await post('/status-targets', body);
        }
        toast('notification target saved');
        reload('targets');
      } catch (err) { fail(err); }
    });
    out.append(writable(panel(t ? `Edit target ${t.id}` : 'New target', form), session.admin));
  })();
}

/** The what-if planner for one campaign group: simulated staffings with 95 % intervals (see docs/pacing.md). */
function plannerPanel(g) {
  const out = h('div', { id: 'plan-result', 'aria-live': 'polite' });
  const num = (name, label, value, attrs = {}) => field(label, h('input', { name, type: 'number', value, ...attrs }));
  const form = h('form', { id: 'plan-form' }, h('div', { class: 'form-grid' },
    num('agents', 'Agents', 20, { min: 1, max: 5000, required: true }),
    num('shiftHours', 'Shift (hours)', 8, { min: 0.25, max: 24, step: 'any' }),
    num('days', 'Days', 1, { min: 1, max: 30 }),
    num('records', 'Records to dial (0 = no time to complete)', 0, { min: 0 }),
    num('liveRate', 'Live answers ÷ dials (until learned)', 0.3, { min: 0.001, max: 1, step: 'any' }),
    num('machineRate', 'Machines ÷ dials', 0.2, { min: 0, max: 1, step: 'any' }),
    num('talkS', 'Talk (s)', 120, { min: 1 }),
    num('wrapS', 'Wrap-up (s)', 30, { min: 0 }),
    num('seeds', 'Simulated runs per estimate', 5, { min: 1, max: 50 }),
    field('AMD', h('input', { name: 'amd', type: 'checkbox' }))),
  h('button', { type: 'submit' }, 'Plan'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const q = new URLSearchParams();
    for (const k of ['agents', 'shiftHours', 'days', 'records', 'liveRate', 'machineRate', 'talkS', 'wrapS', 'seeds']) q.set(k, f.get(k));
    q.set('amd', f.get('amd') ? 'true' : 'false');
    out.replaceChildren(h('p', { class: 'hint' }, 'simulating…'));
    try {
      const p = await get(`/campaign-groups/${g.id}/plan?${q}`);
      const rows = [['Busy factor', p.busyFactor, 'pct'], ['Abandon rate', p.abandonRate, 'pct'],
        ['Worst day\'s abandon rate', p.worstDayAbandonRate, 'pct'], ['Dials per agent hour', p.dialsPerAgentHour, 'n'],
        ['Live contacts per agent hour', p.liveContactsPerAgentHour, 'n'], ['Hours to complete', p.hoursToComplete, 'n']]
        .filter(([, est]) => est);
      const show = (v, kind) => (kind === 'pct' ? pct(v) : fmt(v, 1));
      out.replaceChildren(table([
        { label: 'Estimate', value: (r) => r[0] },
        { label: 'Mean', value: (r) => show(r[1].mean, r[2]), num: true },
        { label: '95 % interval', value: (r) => `${show(r[1].low, r[2])} – ${show(r[1].high, r[2])}`, num: true },
      ], rows, { caption: `${p.request.agents} agents, ${p.request.shiftHours} h × ${p.request.days} day(s), hit ratio ${pct(p.request.liveRate)}, ${p.request.seeds} simulated runs each` }));
    } catch (err) { out.replaceChildren(); fail(err); }
  });
  return panel(`What-if planner — ${g.name}`, h('p', { class: 'hint' },
    'Simulates this group with the staffing below; once it has dialed enough, its own hit ratio replaces the one given.'), form, out);
}
