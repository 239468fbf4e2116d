// The OpenAPI 3.1 document of the API, generated from the zod schemas the routes declare, served at
// GET /api/openapi.json with a plain reference page at GET /api/reference.
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';
import { ErrorBody, namedSchemas } from '../contract/common';
import { encodeView, sendEncoded, type EncodedView } from './send-json';
import { bodySchemaOf } from './zod-provider';

type JsonSchema = Record<string, unknown>;

interface DeclaredRoute {
  method: string;
  url: string;
  schema: FastifySchema;
  access: string;
}

/** The API's version in the document: raised when an answer changes in a way clients must follow. */
export const API_VERSION = '0.1.0';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** A file answer: text for the text types, any JSON for a JSON file (its shape is the file format's, e.g. STIX 2.1). */
const fileSchema = (type: string, description: string) => (type.includes('json') ? { description } : { type: 'string', description });
/** A multipart/form-data body: one binary part per file. */
const uploadSchema = (parts: Record<string, { description: string; required: boolean }>) => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(parts).map(([name, p]) => [name, { type: 'string', format: 'binary', description: p.description }])),
  required: Object.entries(parts).filter(([, p]) => p.required).map(([name]) => name),
});
const isZod = (v: unknown): v is z.ZodType => v instanceof z.ZodType;
const pathOf = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const ref = (id: string) => `#/components/schemas/${id}`;

/**
 * Turns the schemas of the given routes into JSON Schema in one pass per direction: answers as zod outputs, requests as
 * zod inputs. Named schemas become components (request-side ones under `<name>__in` until merged); a route's own
 * schemas are inlined.
 */
function convert(schemas: z.ZodType[], io: 'input' | 'output'): { inline: Map<z.ZodType, JsonSchema>; named: Record<string, JsonSchema> } {
  const registry = z.registry<{ id: string }>();
  const suffix = io === 'input' ? '__in' : '';
  for (const [id, { schema }] of namedSchemas) if (!registry.has(schema)) registry.add(schema, { id: `${id}${suffix}` });
  const temp = new Map<z.ZodType, string>();
  schemas.forEach((s, i) => {
    if (registry.has(s) || temp.has(s)) return;
    const id = `__route${i}`;
    temp.set(s, id);
    registry.add(s, { id });
  });
  const out = z.toJSONSchema(registry, { target: 'draft-2020-12', io, unrepresentable: 'any', uri: (id) => ref(id) }).schemas as Record<string, JsonSchema>;
  const clean = (s: JsonSchema | undefined): JsonSchema => {
    const { $schema: _s, $id: _i, ...rest } = s ?? {};
    return rest;
  };
  const inline = new Map<z.ZodType, JsonSchema>();
  for (const s of schemas) {
    const id = temp.get(s) ?? registry.get(s)?.id;
    if (id !== undefined) inline.set(s, temp.has(s) ? clean(out[id]) : { $ref: ref(id) });
  }
  const named: Record<string, JsonSchema> = {};
  for (const [id, s] of Object.entries(out)) {
    if (id.startsWith('__route')) continue;
    const description = namedSchemas.get(id.replace(/__in$/, ''))?.description;
    named[id] = description ? { description, ...clean(s) } : clean(s);
  }
  return { inline, named };
}

/**
 * The components of both directions: a request-side component equal to its answer-side twin is the same component;
 * one that differs (defaults, transforms) is kept as `<name>Input`. Returns the components and the renaming to apply.
 */
function mergeComponents(answers: Record<string, JsonSchema>, requests: Record<string, JsonSchema>) {
  const undo = (s: JsonSchema) => JSON.stringify(s).replace(/__in"/g, '"');
  const inputRefs = (s: JsonSchema) => [...JSON.stringify(s).matchAll(/#\/components\/schemas\/([A-Za-z0-9_]+__in)"/g)].map((m) => m[1] ?? '');
  const base = (id: string) => id.slice(0, -'__in'.length);
  // Equal as written, and every component it refers to equal too (a fixpoint: one that differs makes its users differ).
  const same = new Set(Object.keys(requests).filter((id) => undo(requests[id] ?? {}) === JSON.stringify(answers[base(id)])));
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of [...same]) {
      if (inputRefs(requests[id] ?? {}).some((r) => !same.has(r))) {
        same.delete(id);
        changed = true;
      }
    }
  }
  const rename = new Map<string, string>();
  const schemas: Record<string, JsonSchema> = { ...answers };
  for (const [id, schema] of Object.entries(requests)) {
    rename.set(id, same.has(id) ? base(id) : `${base(id)}Input`);
    if (!same.has(id)) schemas[`${base(id)}Input`] = schema;
  }
  return { schemas, rename };
}

function parameters(schema: unknown, where: 'query' | 'path', convertFn: (s: z.ZodType) => JsonSchema) {
  if (!(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, s]) => {
    const js = convertFn(s);
    const { description, ...rest } = js;
    return { name, in: where, required: where === 'path' || !s.safeParse(undefined).success, ...(description ? { description } : {}), schema: rest };
  });
}

export function openApiDocument(routes: DeclaredRoute[], version: string): JsonSchema {
  const live = routes.filter((r) => METHODS.includes(r.method.toLowerCase()) && r.url.startsWith('/api/'));
  const requestSide: z.ZodType[] = [];
  const answerSide: z.ZodType[] = [];
  for (const r of live) {
    const s = r.schema;
    if (isZod(s.body)) requestSide.push(bodySchemaOf(s.body));
    for (const part of [s.querystring, s.params]) {
      if (part instanceof z.ZodObject) for (const p of Object.values(part.shape as Record<string, z.ZodType>)) requestSide.push(p);
    }
    for (const a of Object.values((s.response ?? {}) as Record<string, unknown>)) if (isZod(a)) answerSide.push(a);
  }
  answerSide.push(ErrorBody);
  const answers = convert(answerSide, 'output');
  const requests = convert(requestSide, 'input');
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of [...live].sort((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method))) {
    const s = r.schema;
    const responses: Record<string, JsonSchema> = {};
    for (const [status, a] of Object.entries((s.response ?? {}) as Record<string, unknown>)) {
      if (!isZod(a)) continue;
      const content: Record<string, JsonSchema> = {};
      if (!(a instanceof z.ZodUndefined)) content['application/json'] = { schema: answers.inline.get(a) ?? {} };
      for (const [type, what] of Object.entries(s.files ?? {})) content[type] = { schema: fileSchema(type, what) };
      responses[status] = { description: a.description ?? (status === '204' ? 'No content' : 'The answer'), ...(Object.keys(content).length ? { content } : {}) };
    }
    if (!Object.keys(responses).length && s.files) {
      const content = Object.fromEntries(Object.entries(s.files).map(([type, what]) => [type, { schema: fileSchema(type, what) }]));
      responses['200'] = { description: 'A file', content };
    }
    responses.default = { description: 'An error from the catalogue', content: { 'application/json': { schema: { $ref: ref('ErrorBody') } } } };
    const op: JsonSchema = {
      ...(s.summary ? { summary: s.summary } : {}),
      ...(s.tags ? { tags: s.tags } : {}),
      'x-access': r.access,
      parameters: [...parameters(s.params, 'path', (p) => requests.inline.get(p) ?? {}), ...parameters(s.querystring, 'query', (p) => requests.inline.get(p) ?? {})],
      ...(isZod(s.body) ? { requestBody: { required: true, content: { 'application/json': { schema: requests.inline.get(bodySchemaOf(s.body)) ?? {} } } } } : {}),
      ...(s.uploads ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: uploadSchema(s.uploads) } } } } : {}),
      responses,
    };
    (paths[pathOf(r.url)] ??= {})[r.method.toLowerCase()] = op;
  }
  const { schemas, rename } = mergeComponents(answers.named, requests.named);
  const doc = {
    openapi: '3.1.0',
    info: { title: 'cyberdiplo API', version, description: 'The JSON API of the cyberdiplo workbench. Errors share one body (ErrorBody) with a stable code.' },
    paths,
    components: { schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) },
  };
  const text = JSON.stringify(doc).replace(/#\/components\/schemas\/([A-Za-z0-9_]+__in)"/g, (_m, id: string) => `${ref(rename.get(id) ?? id)}"`);
  return withoutUnused(JSON.parse(text) as typeof doc);
}

/** Keeps the components the operations refer to, directly or through other components. */
function withoutUnused<D extends { paths: unknown; components: { schemas: Record<string, JsonSchema> } }>(doc: D): D {
  const refs = (v: unknown) => [...JSON.stringify(v).matchAll(/"#\/components\/schemas\/([A-Za-z0-9_]+)"/g)].map((m) => m[1] ?? '');
  const used = new Set<string>();
  const queue = refs(doc.paths);
  while (queue.length) {
    const id = queue.pop() ?? '';
    if (used.has(id)) continue;
    used.add(id);
    queue.push(...refs(doc.components.schemas[id]));
  }
  return { ...doc, components: { schemas: Object.fromEntries(Object.entries(doc.components.schemas).filter(([id]) => used.has(id))) } };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** A plain HTML list of the operations, with no script and no outside asset. */
export function referencePage(doc: JsonSchema): string {
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, JsonSchema>>)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = ((op.parameters ?? []) as { name: string; in: string; required: boolean; description?: string }[])
        .map((p) => `<li><code>${escape(p.name)}</code> (${p.in}${p.required ? ', required' : ''})${p.description ? ` — ${escape(p.description)}` : ''}</li>`)
        .join('');
      rows.push(
        `<section><h2><code>${method.toUpperCase()} ${escape(path)}</code></h2><p>${escape(String(op.summary ?? ''))}</p><p>Access: ${escape(String(op['x-access']))}</p>${params ? `<ul>${params}</ul>` : ''}</section>`,
      );
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cyberdiplo API reference</title></head><body><main><h1>cyberdiplo API reference</h1><p>The machine-readable document is <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>${rows.join('')}</main></body></html>`;
}

/** Collects the routes registered after this call and serves their document; call before registering routes. */
export function registerOpenApi(app: FastifyInstance, version = API_VERSION): { document: () => JsonSchema } {
  const routes: DeclaredRoute[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: r.url, schema: r.schema ?? {}, access: String(r.config?.access ?? (method === 'GET' ? 'public' : 'undeclared')) });
    }
  });
  let cached: JsonSchema | undefined;
  const document = () => (cached ??= openApiDocument(routes, version));
  // Both answers are fixed once the routes are registered: written once, with an entity tag and compressed copies.
  const written: Partial<Record<'json' | 'page', Promise<EncodedView>>> = {};
  const answer = (which: 'json' | 'page', contentType: string, text: () => string) =>
    (written[which] ??= encodeView(contentType, [text()]).catch((e: unknown) => {
      delete written[which];
      throw e;
    }));
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { summary: 'This document (OpenAPI 3.1)', tags: ['reference'], files: { 'application/json': 'The OpenAPI document' } } }, async (_req, reply) =>
    sendEncoded(reply, await answer('json', 'application/json; charset=utf-8', () => JSON.stringify(document()))),
  );
  app.get('/api/reference', { config: { access: 'public' }, schema: { summary: 'A readable list of the operations', tags: ['reference'], files: { 'text/html': 'The reference page' } } }, async (_req, reply) =>
    sendEncoded(reply, await answer('page', 'text/html; charset=utf-8', () => referencePage(document()))),
  );
  return { document };
}
