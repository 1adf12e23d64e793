// Reports: links to the campaign and callback reports when the server has them (found in the OpenAPI document).
import { h, panel } from '../ui.js';

export async function render(root) {
  const doc = await (await fetch('/api/v1/openapi.json')).json();
  const reports = Object.entries(doc.paths).filter(([p, ops]) => /report/i.test(p) && ops.get);
  root.append(h('h1', {}, 'Reports'));
  if (!reports.length) {
    root.append(panel(null, h('p', {}, 'No campaign or callback reports on this server yet. Live numbers are in ',
      h('a', { href: '#/operations' }, 'Operations'), '; list penetration is on each list in ', h('a', { href: '#/lists' }, 'Lists'), '.')));
    return;
  }
  root.append(panel('Available reports', h('ul', {}, reports.map(([p, ops]) =>
    h('li', {}, h('code', {}, `GET ${p}`), ' — ', ops.get.summary || '', ' ', h('a', { href: `#/api` }, '(reference)'))))));
}
