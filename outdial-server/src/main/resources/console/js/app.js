// The console shell: login with an API token, hash routes to views, one view mounted at a time.
import { ApiError, get, session } from './api.js';
import { h } from './ui.js';
import * as operations from './views/operations.js';
import * as agents from './views/agents.js';
import * as lists from './views/lists.js';
import * as dnc from './views/dnc.js';
import * as config from './views/config.js';
import * as reports from './views/reports.js';
import * as audit from './views/audit.js';
import * as apiref from './views/apiref.js';

const routes = { operations, agents, lists, dnc, config, reports, audit, api: apiref };
let unmount = null;

async function login(token) {
  session.set(token);
  const tenants = await get('/tenants');
  session.tenant = tenants[0];
  try {
    await get('/tokens');
    session.admin = true;
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 403) throw e;
    session.admin = false;
  }
}

function showLogin(message) {
  session.clear();
  document.querySelector('header.top').hidden = true;
  document.getElementById('view').replaceChildren();
  document.getElementById('login').hidden = false;
  document.getElementById('login-error').textContent = message || '';
  document.getElementById('token').focus();
}

async function route() {
  if (!session.token) {
    showLogin();
    return;
  }
  const [name, ...params] = (location.hash.replace(/^#\/?/, '') || 'operations').split('/');
  const view = routes[name] || operations;
  document.querySelectorAll('header nav a').forEach((a) => {
    if (a.getAttribute('href') === `#/${name}`) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (unmount) unmount();
  unmount = null;
  const root = h('div');
  document.getElementById('view').replaceChildren(root);
  try {
    unmount = (await view.render(root, params.map(decodeURIComponent), session)) || null;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      showLogin('The token is no longer valid; log in again.');
      return;
    }
    root.append(h('p', { class: 'error', role: 'alert' }, e.message));
  }
}

function showShell() {
  document.getElementById('login').hidden = true;
  document.querySelector('header.top').hidden = false;
  document.getElementById('who').textContent =
    `${session.tenant ? session.tenant.name : ''} · ${session.admin ? 'admin' : 'read-only'}`;
}

document.getElementById('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = document.getElementById('token').value.trim();
  try {
    await login(token);
    document.getElementById('token').value = '';
    showShell();
    if (!location.hash) location.hash = '#/operations';
    else route();
  } catch (e) {
    showLogin(e instanceof ApiError && e.status === 401 ? 'That token is not valid.' : e.message);
  }
});

document.getElementById('logout').addEventListener('click', () => {
  if (unmount) unmount();
  unmount = null;
  showLogin();
});

window.addEventListener('hashchange', route);

(async () => {
  if (session.token) {
    try {
      await login(session.token);
      showShell();
    } catch {
      showLogin('Log in again.');
      return;
    }
  }
  route();
})();
