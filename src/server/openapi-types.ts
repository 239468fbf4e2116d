// TypeScript types from the OpenAPI document, for the web app's client: one type per component schema and the answer
// of each operation. Covers the JSON Schema the zod schemas produce (objects, arrays, unions, enums, consts, refs).
type Schema = Record<string, unknown>;

const ref = /^#\/components\/schemas\/(.+)$/;
const typeName = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');
const key = (k: string) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));
const comment = (text: unknown, pad: string) => (typeof text === 'string' && text ? `${pad}/** ${text.replace(/\*\//g, '*\\/')} */\n` : '');

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 1 ? (unique[0] ?? 'unknown') : unique.map((p) => (p.includes('=>') ? `(${p})` : p)).join(' | ');
}

function objectType(s: Schema, depth: number): string {
  const pad = '  '.repeat(depth + 1);
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required ?? []) as string[]);
  const lines = Object.entries(props).map(([k, v]) => `${comment(v.description, pad)}${pad}${key(k)}${required.has(k) ? '' : '?'}: ${toType(v, depth + 1)};`);
  const extra = s.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(extra).length) lines.push(`${pad}[key: string]: ${toType(extra as Schema, depth + 1)};`);
  else if (extra === undefined || extra === true || (typeof extra === 'object' && extra !== null && !Object.keys(extra).length)) lines.push(`${pad}[key: string]: unknown;`);
  return lines.length ? `{\n${lines.join('\n')}\n${'  '.repeat(depth)}}` : 'Record<string, never>';
}

export function toType(s: Schema, depth = 0): string {
  if (typeof s.$ref === 'string') return typeName(ref.exec(s.$ref)?.[1] ?? 'unknown');
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return union(s.enum.map((v) => JSON.stringify(v)));
  for (const k of ['anyOf', 'oneOf'] as const) if (Array.isArray(s[k])) return union((s[k] as Schema[]).map((x) => toType(x, depth)));
  if (Array.isArray(s.allOf)) return (s.allOf as Schema[]).map((x) => toType(x, depth)).join(' & ');
  if (Array.isArray(s.type)) return union((s.type as string[]).map((t) => toType({ ...s, type: t }, depth)));
  switch (s.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      if (Array.isArray(s.prefixItems)) return `[${(s.prefixItems as Schema[]).map((x) => toType(x, depth)).join(', ')}]`;
      return s.items ? `${wrap(toType(s.items as Schema, depth))}[]` : 'unknown[]';
    case 'object':
      return objectType(s, depth);
    default:
      return s.properties ? objectType(s, depth) : 'unknown';
  }
}

const wrap = (t: string) => (/^[A-Za-z0-9_]+$/.test(t) || t.endsWith('[]') || t.endsWith('}') ? t : `(${t})`);

/** The module's text: component types, then `Answers` (method and path -> the JSON answer of its success). */
export function openApiTypes(doc: Schema): string {
  const out = ['// Generated from docs/openapi.json by `npm run openapi`: do not edit. The API contract lives in src/contract.', ''];
  const schemas = ((doc.components as Schema | undefined)?.schemas ?? {}) as Record<string, Schema>;
  for (const [id, s] of Object.entries(schemas)) out.push(`${comment(s.description, '')}export type ${typeName(id)} = ${toType(s)};`, '');
  out.push('/** The JSON answer of each operation that has one (its 200 or 201). */', 'export interface Answers {');
  for (const [path, ops] of Object.entries((doc.paths ?? {}) as Record<string, Record<string, Schema>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const responses = (op.responses ?? {}) as Record<string, { content?: Record<string, { schema: Schema }> }>;
      const ok = responses['200'] ?? responses['201'];
      const json = ok?.content?.['application/json']?.schema;
      if (json && Object.keys(json).length) out.push(`  ${JSON.stringify(`${method.toUpperCase()} ${path}`)}: ${toType(json, 1)};`);
    }
  }
  out.push('}', '');
  return out.join('\n');
}
