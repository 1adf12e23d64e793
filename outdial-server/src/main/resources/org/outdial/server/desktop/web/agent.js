// outdial agent desktop: the desktop protocol over the /desktop WebSocket, one JSON object per message.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { ws: null, appId: null, ref: 1, agent: null, campaigns: new Map(), record: null, logoutTimer: null,
                logoutLeft: 0, loggedOut: false, chained: new Map() };

function log(text) {
  const li = document.createElement('li');
  li.textContent = text;
  $('log').prepend(li);
  while ($('log').children.length > 200) { $('log').lastChild.remove(); }
}

function say(text, error) {
  $('message').textContent = text;
  $('message').className = error ? 'error' : '';
}

function send(type, attrs) {
  const msg = Object.assign({ GSW_AGENT_REQ_TYPE: type, GSW_REFERENCE_ID: state.ref++ }, attrs || {});
  if (state.appId !== null) { msg.GSW_APPLICATION_ID = state.appId; }
  state.ws.send(JSON.stringify(msg));
  log('> ' + JSON.stringify(msg));
}

function selectedCampaign() {
  const checked = document.querySelector('input[name=campaign]:checked');
  const first = state.campaigns.values().next().value;
  const c = checked ? state.campaigns.get(checked.value) : first;
  return c ? { GSW_CAMPAIGN_NAME: c.campaign, GSW_CAMPAIGN_GROUP_NAME: c.group } : {};
}

function renderCampaigns() {
  const body = $('campaigns').querySelector('tbody');
  body.innerHTML = '';
  for (const c of state.campaigns.values()) {
    const tr = document.createElement('tr');
    tr.dataset.group = c.group;
    for (const v of [c.group, c.campaign, c.mode, c.status]) {
      const td = document.createElement('td');
      td.textContent = v;
      tr.append(td);
    }
    const td = document.createElement('td');
    const radio = document.createElement('input');
    radio.type = 'radio'; radio.name = 'campaign'; radio.value = c.group;
    td.append(radio); tr.append(td);
    body.append(tr);
  }
}

const STATUS = { CampaignLoaded: 'Loaded', CampaignStarted: 'Running', CampaignStopped: 'Stopped',
                 CampaignUnloaded: 'Unloaded' };

function onCampaign(e) {
  const group = e.GSW_CAMPAIGN_GROUP_NAME;
  const c = state.campaigns.get(group) || { group, campaign: e.GSW_CAMPAIGN_NAME, mode: '', status: 'Assigned' };
  if (e.GSW_CAMPAIGN_MODE) { c.mode = e.GSW_CAMPAIGN_MODE; }
  if (STATUS[e.GSW_USER_EVENT]) { c.status = STATUS[e.GSW_USER_EVENT]; }
  if (e.GSW_USER_EVENT === 'CampaignUnloaded') { state.campaigns.delete(group); } else { state.campaigns.set(group, c); }
  renderCampaigns();
}

function showRecord(e, title) {
  state.record = e;
  $('record-panel').hidden = false;
  $('record-title').textContent = title + ' — handle ' + e.GSW_RECORD_HANDLE;
  $('scheduled-banner').hidden = e.GSW_USER_EVENT !== 'ScheduledCall';
  if (e.GSW_USER_EVENT === 'ScheduledCall') {
    $('scheduled-banner').textContent = 'Scheduled call (' + e.GSW_CALLBACK_TYPE + ') due ' + e.GSW_DATE_TIME;
  }
  const body = $('record-fields').querySelector('tbody');
  body.innerHTML = '';
  for (const [k, v] of Object.entries(e)) {
    if (k === 'GSW_USER_EVENT' || k === 'GSW_REFERENCE_ID') { continue; }
    const tr = document.createElement('tr');
    const name = document.createElement('td');
    name.textContent = k;
    const value = document.createElement('td');
    if (k.startsWith('GSW_')) {
      value.textContent = v;
    } else {
      // a custom field (its send_attribute): editable, sent back with Save / Record processed
      const input = document.createElement('input');
      input.value = v; input.dataset.key = k; input.dataset.int = String(Number.isInteger(v));
      value.append(input);
    }
    value.dataset.key = k;
    tr.append(name, value);
    body.append(tr);
  }
  const offset = e.GSW_TZ_OFFSET || 0;
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  $('customer-zone').textContent = 'UTC' + sign + String(Math.floor(abs / 3600)).padStart(2, '0') + ':'
      + String(Math.floor(abs % 3600 / 60)).padStart(2, '0');
}

function clearRecord() {
  state.record = null;
  $('record-panel').hidden = true;
  state.chained.clear();
  renderChained();
}

// the rest of the record's chain (ChainedRecordRequest): each row can be processed or rejected on its own
function renderChained() {
  const body = $('chained').querySelector('tbody');
  body.innerHTML = '';
  for (const c of state.chained.values()) {
    const tr = document.createElement('tr');
    tr.dataset.handle = c.GSW_RECORD_HANDLE;
    for (const v of [c.GSW_RECORD_HANDLE, c.GSW_CHAIN_N, c.GSW_PHONE, c.GSW_PHONE_TYPE, c.GSW_CALL_RESULT]) {
      const td = document.createElement('td');
      td.textContent = v === undefined ? '' : v;
      tr.append(td);
    }
    const td = document.createElement('td');
    const keys = { GSW_RECORD_HANDLE: c.GSW_RECORD_HANDLE, GSW_CAMPAIGN_NAME: c.GSW_CAMPAIGN_NAME,
                   GSW_CALLING_LIST: c.GSW_CALLING_LIST };
    const done = document.createElement('button');
    done.textContent = 'Processed'; done.className = 'chain-processed';
    done.onclick = () => send('RecordProcessed', Object.assign({}, keys, changesOfResult()));
    const reject = document.createElement('button');
    reject.textContent = 'Reject'; reject.className = 'chain-reject';
    reject.onclick = () => send('RecordReject', keys);
    td.append(done, reject);
    tr.append(td);
    body.append(tr);
  }
}

function changesOfResult() {
  const result = $('call-result').value;
  return result === '' ? {} : { GSW_CALL_RESULT: Number(result) };
}

function recordKeys() {
  const r = state.record;
  return { GSW_RECORD_HANDLE: r.GSW_RECORD_HANDLE, GSW_CAMPAIGN_NAME: r.GSW_CAMPAIGN_NAME,
           GSW_CALLING_LIST: r.GSW_CALLING_LIST };
}

function changes() {
  const out = {};
  const result = $('call-result').value;
  if (result !== '') { out.GSW_CALL_RESULT = Number(result); }
  for (const input of $('record-fields').querySelectorAll('input[data-key]')) {
    const v = input.dataset.int === 'true' && /^-?\d+$/.test(input.value) ? Number(input.value) : input.value;
    out[input.dataset.key] = v;
  }
  return out;
}

function onLogoutTime(e) {
  state.logoutLeft = e.GSW_LOGOUT_TIME;
  clearInterval(state.logoutTimer);
  const show = () => { $('logout-countdown').textContent = 'logging out in ' + state.logoutLeft + ' s'; };
  show();
  state.logoutTimer = setInterval(() => {
    if (state.logoutLeft > 0) { state.logoutLeft--; show(); }
    if (state.logoutLeft <= 0) {
      clearInterval(state.logoutTimer);
      if (!state.loggedOut) { send('LogOut', selectedCampaign()); } // the spec: ask again when the time is over
    }
  }, 1000);
}

function onEvent(e) {
  log('< ' + JSON.stringify(e));
  if (state.appId === null && Number.isInteger(e.GSW_APPLICATION_ID)) { state.appId = e.GSW_APPLICATION_ID; }
  if (e.GSW_ERROR_NUMBER !== undefined) {
    say(e.GSW_ERROR_NUMBER + ' ' + e.GSW_ERROR + (e.GSW_ERROR_DESCRIPTION ? ': ' + e.GSW_ERROR_DESCRIPTION : ''), true);
    return;
  }
  const name = e.GSW_USER_EVENT;
  switch (name) {
    case 'LoginAcknowledge':
      state.agent = e.GSW_AGENT_ID;
      $('who').textContent = e.GSW_AGENT_ID + ' at ' + e.GSW_PLACE;
      $('state').textContent = 'Not ready';
      $('login-panel').hidden = true;
      $('desk').hidden = false;
      break;
    case 'CampaignGroupAssigned': case 'CampaignLoaded': case 'CampaignStarted': case 'CampaignStopped':
    case 'CampaignUnloaded': case 'CampaignModeChanged':
      onCampaign(e);
      break;
    case 'PreviewRecord': showRecord(e, 'Preview record'); break;
    case 'ScheduledCall': showRecord(e, 'Scheduled call'); break;
    case 'EventEstablished': showRecord(e, 'Connected call'); $('state').textContent = 'Talking'; break;
    case 'EventReleased': $('state').textContent = 'After-call work'; break;
    case 'ChainedRecord':
      state.chained.set(e.GSW_RECORD_HANDLE, e);
      renderChained();
      break;
    case 'ChainedRecordsDataEnd': break;
    case 'AddRecordAcknowledge':
      say('AddRecordAcknowledge: chain ' + e.GSW_CHAIN_ID + ' #' + e.GSW_CHAIN_N);
      return;
    case 'RecordProcessedAcknowledge': case 'RecordRejectAcknowledge': case 'RecordCancelAcknowledge':
    case 'DoNotCallAcknowledge':
      if (state.chained.delete(e.GSW_RECORD_HANDLE)) {
        // a chained record done: the record on the desktop stays, unless the whole chain went with a reject
        if (name === 'RecordRejectAcknowledge') { clearRecord(); }
        renderChained();
        break;
      }
      if (state.record && state.record.GSW_RECORD_HANDLE === e.GSW_RECORD_HANDLE) { clearRecord(); }
      if (e.GSW_RECORD_HANDLE === undefined && name !== 'RecordProcessedAcknowledge') { /* by phone: keep */ }
      $('state').textContent = 'After-call work';
      break;
    case 'RecordCancel':
      if (state.record && state.record.GSW_RECORD_HANDLE === e.GSW_RECORD_HANDLE) { clearRecord(); }
      break;
    case 'ReadyAcknowledge': $('state').textContent = 'Ready'; break;
    case 'NotReadyAcknowledge': $('state').textContent = 'Not ready'; break;
    case 'LogOutTime': onLogoutTime(e); break;
    case 'LogOutAcknowledge':
      state.loggedOut = true;
      clearInterval(state.logoutTimer);
      $('logout-countdown').textContent = 'logged out';
      $('state').textContent = 'Logged out';
      break;
    default: break;
  }
  say(name);
}

function connect() {
  const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/desktop';
  state.ws = new WebSocket(url);
  state.ws.onmessage = (m) => onEvent(JSON.parse(m.data));
  state.ws.onclose = () => { say('connection closed', true); $('state').textContent = 'Disconnected'; };
  return new Promise((resolve) => { state.ws.onopen = resolve; });
}

$('login-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  if (!state.ws || state.ws.readyState !== WebSocket.OPEN) { await connect(); }
  const attrs = { GSW_AGENT_ID: $('login-agent').value, GSW_PLACE: $('login-place').value,
                  GSW_CREDENTIAL: $('login-credential').value };
  if ($('login-tenant').value) { attrs.GSW_TENANT_NAME = $('login-tenant').value; }
  send('Login', attrs);
});
$('ready').onclick = () => send('Ready');
$('not-ready').onclick = () => send('NotReady', { GSW_REASON_CODE: 0 });
$('status').onclick = () => send('CampaignStatusRequest');
$('logout').onclick = () => send('LogOut', selectedCampaign());
$('preview-start').onclick = () => send('PreviewDialingModeStart', selectedCampaign());
$('preview-over').onclick = () => send('PreviewDialingModeOver', selectedCampaign());
$('get-record').onclick = () => send('PreviewRecordRequest', selectedCampaign());
$('update').onclick = () => send('UpdateCallCompletionStats', Object.assign(recordKeys(), changes()));
$('processed').onclick = () => send('RecordProcessed', Object.assign(recordKeys(), changes()));
$('reject').onclick = () => send('RecordReject', recordKeys());
const chainAttr = () => ($('all-chain').checked ? 'AllChain' : 'RecordOnly');
$('cancel').onclick = () => send('RequestRecordCancel', Object.assign(recordKeys(), { GSW_CHAIN_ATTR: chainAttr() }));
$('dnc').onclick = () => send('DoNotCall', Object.assign(recordKeys(), { GSW_CHAIN_ATTR: chainAttr() }));
$('reschedule').onclick = () => {
  const v = $('reschedule-at').value; // YYYY-MM-DDTHH:MM, a wall-clock time in the customer's zone
  if (!v) { say('choose the callback time', true); return; }
  const [date, time] = v.split('T');
  const [y, m, d] = date.split('-');
  const request = state.record && state.record.GSW_USER_EVENT === 'ScheduledCall' ? 'ScheduledRecordReschedule'
      : 'RecordReschedule';
  send(request, Object.assign(recordKeys(), { GSW_DATE_TIME: m + '/' + d + '/' + y + ' ' + time.substring(0, 5),
                                              GSW_CALLBACK_TYPE: $('callback-type').value }));
};
$('get-chain').onclick = () => send('ChainedRecordRequest', recordKeys());
$('add-zone').value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
$('add-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const r = state.record;
  const attrs = { GSW_CAMPAIGN_NAME: r.GSW_CAMPAIGN_NAME, GSW_CAMPAIGN_GROUP_NAME: r.GSW_CAMPAIGN_GROUP_NAME,
                  GSW_CALLING_LIST: r.GSW_CALLING_LIST, GSW_PHONE: $('add-phone').value,
                  GSW_PHONE_TYPE: Number($('add-phone-type').value), GSW_TZ_NAME: $('add-zone').value };
  if ($('add-to-chain').checked) {
    attrs.GSW_RECORD_HANDLE = r.GSW_RECORD_HANDLE;
    attrs.GSW_CHAIN_ID = r.GSW_CHAIN_ID;
  }
  send('AddRecord', attrs);
});
