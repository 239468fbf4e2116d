import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStixSchemas } from '../../store/exchange-files';
import { compileStixSchemas, type SchemaDocument } from './stix-schemas';
import { stixSchemaShortcut } from './stix-schema-shortcut';
import { seededRandom } from '../seeded-random';

const root = path.resolve(__dirname, '../../..');
const documents = readStixSchemas(path.join(root, 'data', 'stix-schemas'));
const withShortcut = compileStixSchemas(documents);
const schemaOnly = compileStixSchemas(documents, { shortcut: false });

/** Every object of the STIX fixtures (bundles' objects and lone objects). */
function fixtureObjects(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) {
        let doc: unknown;
        try {
          doc = JSON.parse(fs.readFileSync(p, 'utf8'));
        } catch {
          continue;
        }
        const objects = (doc as { objects?: unknown }).objects;
        for (const o of Array.isArray(objects) ? objects : [doc]) if (o && typeof o === 'object' && !Array.isArray(o)) out.push(o as Record<string, unknown>);
      }
    }
  };
  walk(path.join(root, 'tests', 'fixtures', 'stix'));
  return out;
}

const t = '2024-01-01T00:00:00.000Z';
const uuid = '0b8f1c6e-2d4a-4b8c-9e7f-0a1b2c3d4e5f';
const amber = 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82';
/** Valid objects of the plain shapes the import reads most. */
const plain: Record<string, unknown>[] = [
  { type: 'incident', spec_version: '2.1', id: `incident--${uuid}`, created: t, modified: t, name: 'I', description: 'd', labels: ['cyber-espionage'], object_marking_refs: [amber] },
  { type: 'intrusion-set', spec_version: '2.1', id: `intrusion-set--${uuid}`, created: t, modified: t, name: 'S', aliases: ['A'], first_seen: '2020-01-01T00:00:00Z', goals: ['g'] },
  { type: 'relationship', spec_version: '2.1', id: `relationship--${uuid}`, created: t, modified: t, relationship_type: 'attributed-to', source_ref: `incident--${uuid}`, target_ref: `intrusion-set--${uuid}`, confidence: 60 },
  { type: 'threat-actor', spec_version: '2.1', id: `threat-actor--${uuid}`, created: t, modified: t, name: 'T', threat_actor_types: ['nation-state'], sophistication: 'expert', created_by_ref: `identity--${uuid}`, x_note: 'n' },
  { type: 'campaign', spec_version: '2.1', id: `campaign--${uuid}`, created: t, modified: t, name: 'C', objective: 'o', revoked: false, lang: 'en' },
  { type: 'identity', spec_version: '2.1', id: `identity--${uuid}`, created: t, modified: t, name: 'Id', identity_class: 'organization', sectors: ['energy'] },
];


const BAD_VALUES: unknown[] = [
  null,
  [],
  '',
  'x',
  5,
  1.5,
  -1,
  100,
  101,
  true,
  {},
  { a: 1 },
  ['a'],
  [1],
  [null],
  '2.0',
  '2.2',
  '2024-01-01T00:00:00Z',
  '2024-01-01T00:00:00.0Z',
  '2024-13-01T00:00:00.000Z',
  '2024-01-01T24:00:00.000Z',
  '2024-01-01T00:00:60.123456Z',
  '2024-01-01 00:00:00.000Z',
  `incident--${uuid}`,
  `identity--${uuid}`,
  `relationship--${uuid}`,
  `marking-definition--${uuid}`,
  `Incident--${uuid}`,
  `incident--${uuid.replace('-4b8c', '-6b8c')}`,
  `incident--${uuid.replace('-9e7f', '-7e7f')}`,
  'incident--1',
  ['identity--' + uuid],
  [amber, 'x'],
  'attributed-to',
  'Attributed To',
  [{ source_name: 'x' }],
  { 'x-foo-ext': { a: 1 } },
  0,
  99,
  false,
  '2024-01-01T00:00:00.123Z',
  'targets',
  ['x', 'y'],
  [amber, `marking-definition--${uuid}`],
  `intrusion-set--${uuid}`,
];
const KEYS = ['type', 'spec_version', 'id', 'created', 'modified', 'created_by_ref', 'labels', 'confidence', 'lang', 'revoked', 'object_marking_refs', 'external_references', 'granular_markings', 'extensions', 'name', 'description', 'aliases', 'first_seen', 'last_seen', 'goals', 'relationship_type', 'source_ref', 'target_ref', 'start_time', 'stop_time', 'threat_actor_types', 'sophistication', 'resource_level', 'primary_motivation', 'objective', 'identity_class', 'sectors', 'roles', 'contact_information', 'kill_chain_phases', 'x_custom', 'custom_name', 'severity', 'action', 'username', 'phone_numbers', 'ab', 'Ab', 'a-b-c', 'payload_bin', 'thing_hex', 'x_', '_x', 'id2'];
const TYPES = ['incident', 'intrusion-set', 'relationship', 'threat-actor', 'campaign', 'identity', 'location', 'report', 'malware', 'x-custom'];

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** A copy of `o` broken in up to three random places. */
function mutate(rnd: () => number, o: Record<string, unknown>): Record<string, unknown> {
  const m: Record<string, unknown> = structuredClone(o);
  const n = Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const keys = Object.keys(m);
    if (r < 0.25 && keys.length) delete m[pick(rnd, keys)];
    else if (r < 0.55 && keys.length) m[pick(rnd, keys)] = structuredClone(pick(rnd, BAD_VALUES));
    else if (r < 0.85) m[pick(rnd, KEYS)] = rnd() < 0.5 ? structuredClone(pick(rnd, BAD_VALUES)) : structuredClone(pick(rnd, Object.values(pick(rnd, plain))));
    else m.type = pick(rnd, TYPES);
  }
  return m;
}

describe('the schema shortcut gives the schema answer', () => {
  it('takes the shipped schemas (their common documents are the pinned ones)', () => {
    expect(stixSchemaShortcut(documents)).toBeDefined();
  });

  it('answers every valid plain object without the schema, and the schema agrees', () => {
    const shortcut = stixSchemaShortcut(documents);
    for (const o of plain) {
      expect(schemaOnly(o).issues, String(o.type)).toEqual([]);
      expect(shortcut?.(`${o.type === 'relationship' ? 'sros' : 'sdos'}/${String(o.type)}.json`, o), String(o.type)).toBe(true);
    }
  });

  it('gives what the schema alone gives for the fixtures and thousands of broken copies', () => {
    const shortcut = stixSchemaShortcut(documents);
    const paths = new Map(documents.map((d) => [d.path.replace(/^.*\//, '').replace(/\.json$/, ''), d.path]));
    const rnd = seededRandom(14);
    const bases = [...fixtureObjects(), ...plain];
    let taken = 0;
    let refused = 0;
    for (let k = 0; k < 6000; k++) {
      const base = k < bases.length ? (bases[k] as Record<string, unknown>) : mutate(rnd, pick(rnd, bases));
      const expected = schemaOnly(base);
      const got = withShortcut(base);
      if (JSON.stringify(got) !== JSON.stringify(expected)) expect(got, JSON.stringify(base)).toEqual(expected);
      const p = paths.get(String(base.type));
      if (p && shortcut?.(p, base)) {
        taken++;
        expect(expected.issues, JSON.stringify(base)).toEqual([]);
      } else if (expected.issues.length) refused++;
    }
    // Both answers are exercised: many objects shown valid by the shortcut, many refused by the schema.
    expect(taken).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(2000);
  }, 60_000);

  it('gives what the schema alone gives for every single change of the plain objects', () => {
    let taken = 0;
    let differing = 0;
    for (const base of plain) {
      const changes: Record<string, unknown>[] = [];
      for (const k of new Set([...Object.keys(base), ...KEYS])) {
        const without = { ...base };
        delete without[k];
        changes.push(without);
        for (const v of BAD_VALUES) changes.push({ ...base, [k]: v });
      }
      for (const o of changes) {
        const fast = withShortcut(o);
        const slow = schemaOnly(o);
        if (JSON.stringify(fast) !== JSON.stringify(slow)) {
          differing++;
          expect(fast, JSON.stringify(o)).toEqual(slow);
        }
        if (!slow.issues.length) taken++;
      }
    }
    expect(differing).toBe(0);
    expect(taken).toBeGreaterThan(300);
  }, 120_000);

  it('is not used when a common document differs from the pinned one', () => {
    const changed: SchemaDocument[] = documents.map((d) => (d.path === 'common/identifier.json' ? { ...d, schema: { ...d.schema, pattern: '^.*$' } } : d));
    expect(stixSchemaShortcut(changed)).toBeUndefined();
    const bad = { ...plain[0], id: 'incident--1' };
    expect(compileStixSchemas(changed)(bad)).toEqual(compileStixSchemas(changed, { shortcut: false })(bad));
  });

  it('leaves a property whose schema it does not know to the schema', () => {
    const changed = documents.map((d) => {
      if (d.path !== 'sdos/incident.json') return d;
      const schema = structuredClone(d.schema) as { allOf: { properties: Record<string, Record<string, unknown>> }[] };
      (schema.allOf[1] as { properties: Record<string, Record<string, unknown>> }).properties.name = { type: 'string', maxLength: 3 };
      return { ...d, schema };
    });
    const shortcut = stixSchemaShortcut(changed);
    const o = { ...plain[0], name: 'A longer name' };
    expect(shortcut?.('sdos/incident.json', o)).toBe(false);
    expect(shortcut?.('sdos/intrusion-set.json', plain[1] as Record<string, unknown>)).toBe(true);
    expect(compileStixSchemas(changed)(o).issues.map((i) => i.path)).toEqual(['name']);
  });
});
