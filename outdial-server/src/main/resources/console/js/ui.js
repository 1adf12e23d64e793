// Small DOM helpers: elements built with text nodes (never HTML from data), tables, toasts, confirmation.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** A table: columns [{ label, value(row) -> node|text, num }], rows. */
export function table(columns, rows, { caption, onRow, rowKey } = {}) {
  const body = h('tbody');
  for (const row of rows) {
    const tr = h('tr', rowKey ? { 'data-key': rowKey(row) } : {});
    for (const c of columns) tr.append(h('td', { class: c.num ? 'num' : null }, c.value(row)));
    if (onRow) onRow(tr, row);
    body.append(tr);
  }
  return h('div', { class: 'table-wrap' }, h('table', {},
    caption ? h('caption', { class: 'hint' }, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.num ? 'num' : null, scope: 'col' }, c.label)))),
    body));
}

export function toast(text, bad = false) {
  const t = h('div', { class: bad ? 'toast bad' : 'toast', text });
  document.getElementById('toasts').append(t);
  setTimeout(() => t.remove(), bad ? 8000 : 4000);
}

/** Shows an error of an API call; names the field when the server did. */
export function fail(e) {
  const field = e.field ? ` (field: ${e.field})` : '';
  toast(`${e.message}${field}`, true);
}

export function confirmAction(title, text, okLabel = 'Confirm') {
  const dialog = document.getElementById('confirm');
  dialog.querySelector('#confirm-title').textContent = title;
  dialog.querySelector('#confirm-text').textContent = text;
  dialog.querySelector('#confirm-ok').textContent = okLabel;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true }));
}

export const pct = (v, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? '–' : `${(v * 100).toFixed(digits)}%`);
export const num = (v, digits = 0) => (v === null || v === undefined || Number.isNaN(v) ? '–' : Number(v).toFixed(digits));
export function duration(sec) {
  if (sec === null || sec === undefined) return '–';
  const h = Math.floor(sec / 3600); const m = Math.floor((sec % 3600) / 60);
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}
export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '–');

/** A labelled form control. */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return h('div', {}, h('label', { for: id }, label), control, hint ? h('div', { class: 'hint' }, hint) : null);
}

export function select(name, values, selected, attrs = {}) {
  return h('select', { name, ...attrs }, values.map((v) => {
    const [value, label] = Array.isArray(v) ? v : [v, v];
    return h('option', { value, selected: String(value) === String(selected) }, label);
  }));
}

/** Disables write controls for read-only tokens. */
export function writable(el, admin) {
  if (!admin) {
    el.querySelectorAll('[data-write]').forEach((c) => { c.disabled = true; c.title = 'needs an admin token'; });
  }
  return el;
}

/** A panel with a heading. */
export const panel = (title, ...children) => h('section', { class: 'panel' }, title ? h('h2', {}, title) : null, ...children);
