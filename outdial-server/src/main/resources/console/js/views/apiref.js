// API reference, rendered from the served OpenAPI document (the same one tools read).
import { h, panel } from '../ui.js';

export async function render(root) {
  const doc = await (await fetch('/api/v1/openapi.json')).json();
  const byTag = new Map();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (method === 'parameters') continue;
      const tag = (op.tags && op.tags[0]) || 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op, shared: ops.parameters || [] });
    }
  }
  root.append(h('h1', {}, 'API reference'), h('p', {}, `${doc.info.title} ${doc.info.version}. `,
    h('a', { href: '/api/v1/openapi.json' }, 'OpenAPI document'), '. Send the token as ', h('code', {}, 'Authorization: Bearer <token>'), '.'),
  h('details', {}, h('summary', {}, 'Conventions'), h('pre', {}, doc.info.description)));
  const schemaName = (s) => (s && s.$ref ? s.$ref.split('/').pop() : s && s.type === 'array' && s.items && s.items.$ref ? `${s.items.$ref.split('/').pop()}[]` : s ? s.type || 'object' : '');
  for (const [tag, ops] of [...byTag.entries()].sort()) {
    root.append(panel(tag, ...ops.map(({ path, method, op, shared }) => {
      const params = [...shared, ...(op.parameters || [])].filter((p) => p.name);
      const req = op.requestBody && Object.entries(op.requestBody.content)[0];
      return h('div', { class: 'endpoint', style: 'margin-bottom:.8rem' },
        h('div', {}, h('span', { class: `method ${method}` }, method.toUpperCase()), ' ', h('code', {}, path), ' — ', op.summary || ''),
        params.length ? h('div', { class: 'hint' }, 'parameters: ', params.map((p) => `${p.name} (${p.in})`).join(', ')) : null,
        req ? h('div', { class: 'hint' }, `body: ${req[0]} ${schemaName(req[1].schema)}`) : null,
        h('div', { class: 'hint' }, 'answers: ', Object.entries(op.responses).map(([code, r]) => {
          const c = r.$ref ? doc.components.responses[r.$ref.split('/').pop()] : r;
          const content = c.content && Object.values(c.content)[0];
          return `${code} ${content ? schemaName(content.schema) : c.description}`;
        }).join(' · ')));
    })));
  }
  const schemas = doc.components.schemas;
  root.append(panel('Schemas', ...Object.entries(schemas).sort().map(([name, s]) => h('details', { id: `schema-${name}` },
    h('summary', {}, name), h('pre', {}, JSON.stringify(s, null, 2))))));
}
