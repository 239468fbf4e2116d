import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { isAppError } from '../errors';
import { INCIDENT_TEXT_MAX, incidentSchema, VictimSector, type IncidentVocabulary } from '../toolbox/incident';
import { incidentVocabulary } from '../toolbox/load';
import { severityIds } from '../toolbox/severity';
import { toolbox } from '../toolbox/toolbox.fixture';
import { ThreatCategory } from '../vocabularies';
import { parseOrThrow } from '../zod-issues';
import { checkedIncident, incidentCheck } from './incident-check';
import { validateImportedIncident, validateImportedIncidentBySchema } from './records';

const withMeasures = incidentVocabulary(toolbox);
const vocabularies: [string, IncidentVocabulary][] = [
  ['measures of the toolbox', withMeasures],
  ['no measure ids', { severity: withMeasures.severity }],
  ['dates up to a day', { ...withMeasures, today: '2021-06-30' as IsoDate }],
];
const levels = severityIds(withMeasures.severity);
const measures = withMeasures.measureIds ?? [];

/** A value with its keys' order made visible (objects as lists of entries), so that equal means equal JSON and equal keys. */
function ordered(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(ordered);
  if (typeof x === 'object' && x !== null) return Object.entries(x).map(([k, v]) => [k, ordered(v)]);
  return x;
}

function outcome(validate: () => unknown): unknown {
  try {
    return { accepted: ordered(validate()) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { refused: error.message, issues: error.issues };
  }
}

const maybe = <T,>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), arb);
const rare = <T,>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary: arb, weight: 1 });
/** Mostly a valid value, sometimes an invalid one. */
const pick = (valid: readonly unknown[], invalid: readonly unknown[]) => fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 30 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });
/** Properties whose value is undefined are left out (a mapper writes `...(x ? { x } : {})`); the breaking step puts some back. */
const record = (parts: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(parts).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));

const dates = ['2019-01-01', '2020-02-29', '2021-06-15', '2021-07-01', '2022-12-31'];
const text = fc.oneof({ arbitrary: fc.constantFrom('Bundestag', '  padded  ', 'APT28', 'x', 'Government of DE', 'European Union', 'the Council of the EU', 'France'), weight: 8 }, { arbitrary: fc.string({ maxLength: 4 }), weight: 1 });
const victim = record({
  country: pick(['DE', 'de', ' fr ', 'EL', 'el', 'GR', 'EU', 'ZZ', 'zz', 'US', 'XK', 'RU', 'PL'], ['XX', 'Germany', '', 7]),
  sector: pick([...VictimSector.options, 'eu-institution', 'eu-institution'], ['banks', null]),
  name: maybe(text),
  region: maybe(pick(['eastern-europe', 'nato'], ['Bad Region', ''])),
});
const attribution = record({
  kind: pick(['technical', 'political', 'legal'], ['rumour']),
  by: text,
  byType: maybe(pick(['member-state', 'eu', 'private'], ['state'])),
  date: maybe(pick(dates, ['2021-02-30', '15/06/2021'])),
  confidence: pick(['low', 'medium', 'high'], ['certain', 1]),
  public: maybe(pick([true, false], ['public'])),
  statement: rare(
    record({
      source: pick(['EuRepoC attribution row 2 of the incident (attribution_ID 4528)'], ['', 7]),
      id: maybe(pick(['4528', ''], [7])),
      basis: maybe(pick(['Attribution by receiver government / state entity', '  padded  '], ['x'.repeat(INCIDENT_TEXT_MAX.name + 1)])),
      initiatorCountry: maybe(pick(['Russia'], [null])),
      unknownCell: rare(fc.constant('x')),
    }),
  ),
});
const response = record({
  measure: pick(measures.slice(0, 4), ['Not-A-Measure', 'made-up-measure']),
  date: pick(dates, ['2021-13-01']),
  by: text,
  note: maybe(pick(['EuRepoC political response', ''], [7, null])),
});
const flags = (names: string[]) => Object.fromEntries(names.map((n) => [n, maybe(pick([true, false], ['true', 1]))]));
const effects = record({
  severity: pick(levels, ['apocalyptic']),
  ...flags(['disruptsEssentialServices', 'physicalDamage', 'lossOfLife', 'armedAttack', 'dataStolen']),
  personsAffected: rare(fc.constantFrom(5, -1, 2.5)),
  economicLoss: rare(fc.constantFrom(1000, -1)),
});
const context = record({
  ...flags(['urgent', 'euPositionAdopted', 'mutualAssistanceInvoked']),
  victimIsNatoMember: maybe(pick([true, false], ['yes', 0])),
});
const initiator = record({
  type: maybe(pick(['state', 'state-sponsored', 'non-state', 'unknown'], ['alien'])),
  country: maybe(pick(['RU', 'cn', 'EL', null], ['Russia', 'EU', 'ZZ'])),
  name: maybe(text),
  identifiedPersons: maybe(fc.array(text, { maxLength: 2 })),
  identifiedEntities: maybe(fc.array(text, { maxLength: 2 })),
});
/** A dataset's codings: columns and cells drawn from valid names and texts and from those the schema refuses. */
const coding = record({
  source: text,
  cells: fc.oneof(
    { arbitrary: fc.dictionary(fc.oneof({ arbitrary: fc.constantFrom('zero_days', 'MITRE_impact', 'IL_breach_indicator', 'x1'), weight: 30 }, { arbitrary: fc.constantFrom('1x', 'a-b', '', '__proto__', 'x'.repeat(101)), weight: 1 }), pick(['No', 'Sovereignty', ' padded ', 'x'.repeat(16_000)], ['', 'x'.repeat(16_001), 0]), { minKeys: 1, maxKeys: 3 }), weight: 30 },
    { arbitrary: fc.constantFrom({}, Object.fromEntries(Array.from({ length: 101 }, (_, n) => [`c${n}`, 'v']))), weight: 1 },
  ),
  extra: rare(fc.constant('unknown key')),
});

/** Incidents shaped as the mappers build them, with every field drawn from valid and invalid values. */
const incident = record({
  title: text,
  summary: maybe(fc.string({ maxLength: 8 })),
  start: pick(dates.slice(0, 2), ['2021-02-29', '', '2023-01-01']),
  detected: rare(fc.constantFrom(...dates)),
  disclosed: rare(fc.constantFrom(...dates)),
  end: rare(fc.constantFrom(...dates)),
  ongoing: maybe(pick([true, false], ['no'])),
  category: pick(ThreatCategory.options, ['cyber-mischief']),
  victims: fc.oneof({ arbitrary: fc.array(victim, { minLength: 1, maxLength: 3 }), weight: 30 }, { arbitrary: fc.constant([]), weight: 1 }),
  effects,
  initiator: maybe(initiator),
  attribution: maybe(fc.array(attribution, { maxLength: 3 })),
  responses: maybe(fc.array(response, { maxLength: 3 })),
  context: maybe(context),
  sources: rare(fc.constantFrom([{ ref: 'https://example.org/a', locator: 'p. 1' }], [{ ref: '' }])),
});

/** Values a broken record may hold anywhere: wrong types, empty and blank texts, bad dates, holes. */
const oddValue = fc.constantFrom<unknown>(undefined, null, 0, -1, 1.5, true, '', '   ', 'x', '2021-02-30', [], [undefined], {}, { extra: 1 }, 'DE', 'eu-institution', levels[0]);

/** Every place in a record (object keys and list items) by its path. */
function places(x: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof x !== 'object' || x === null) return out;
  for (const [k, v] of Object.entries(x)) {
    const p = [...path, Array.isArray(x) ? Number(k) : k];
    out.push(p);
    places(v, p, out);
  }
  return out;
}

type Edit = { at: number; how: 'set' | 'delete' | 'add-key'; value: unknown };

/** A record broken in a few places: a value replaced, a property removed, an unknown property added (copies of the odd values, which stay as drawn). */
function broken(base: Record<string, unknown>, edits: readonly Edit[]): unknown {
  const copy = structuredClone(base);
  for (const edit of edits) {
    const all = places(copy);
    const path = edit.at % (all.length + 1) === all.length ? [] : (all[edit.at % (all.length + 1)] ?? []);
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    if (edit.how === 'add-key') {
      const target = last === undefined ? copy : parent[last];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, unknown>).unexpected = structuredClone(edit.value);
    } else if (last === undefined) continue;
    else if (edit.how === 'delete') delete parent[last];
    else parent[last] = structuredClone(edit.value);
  }
  return copy;
}
const edits = fc.oneof(fc.constant([]), fc.array(fc.record({ at: fc.nat(), how: fc.constantFrom<Edit['how']>('set', 'set', 'delete', 'add-key'), value: oddValue }), { minLength: 1, maxLength: 2 }));

describe('the written-out incident check', () => {
  for (const [name, vocabulary] of vocabularies) {
    const check = incidentCheck(vocabulary);
    const schema = incidentSchema(vocabulary);

    it(`gives the schema's verdict, output and messages on valid and broken records (${name})`, () => {
      let answered = 0;
      let refused = 0;
      fc.assert(
        fc.property(incident, edits, (base, e) => {
          const raw = broken(base, e);
          const plain = outcome(() => validateImportedIncidentBySchema(raw, vocabulary));
          // The check alone: whenever it answers, the schema accepts the record and gives the same value.
          const fast = checkedIncident(raw, check);
          if (fast !== undefined) {
            answered++;
            expect(ordered(fast)).toStrictEqual(ordered(parseOrThrow(schema, raw, 'invalid_incident', 'incident')));
          }
          if ((plain as { refused?: string }).refused !== undefined) refused++;
          // Through the import's entry point: the same value or the same refusal, message and issues.
          expect(outcome(() => validateImportedIncident(raw, vocabulary))).toStrictEqual(plain);
        }),
        { numRuns: 2000, seed: 14 },
      );
      // Both sides of the property are exercised: many records the check answers, many the schema refuses.
      expect(answered).toBeGreaterThan(250);
      expect(refused).toBeGreaterThan(600);
      // A few seconds on a quiet machine: room for a loaded one.
    }, 60_000);
  }

  it("gives the schema's verdict, output and messages on records with a dataset's codings", () => {
    let answered = 0;
    let refused = 0;
    fc.assert(
      fc.property(incident, fc.array(coding, { maxLength: 6 }), edits, (base, codings, e) => {
        const raw = broken({ ...base, codings }, e);
        const plain = outcome(() => validateImportedIncidentBySchema(raw, withMeasures));
        const fast = checkedIncident(raw, incidentCheck(withMeasures));
        if (fast !== undefined) {
          if (fast.codings?.length) answered++;
          expect(ordered(fast)).toStrictEqual(ordered(parseOrThrow(incidentSchema(withMeasures), raw, 'invalid_incident', 'incident')));
        }
        if ((plain as { refused?: string }).refused !== undefined) refused++;
        expect(outcome(() => validateImportedIncident(raw, withMeasures))).toStrictEqual(plain);
      }),
      { numRuns: 1000, seed: 15 },
    );
    // Records with codings the check answers for, and many the schema refuses.
    expect(answered).toBeGreaterThan(40);
    expect(refused).toBeGreaterThan(300);
  }, 60_000);

  it('answers for the records the mappers build (CFR, EuRepoC and STIX shapes), so that the schema is not asked', () => {
    const check = incidentCheck(withMeasures);
    const built = [
      {
        title: ' Operation X ',
        summary: 'Text',
        start: '2021-03-01',
        category: 'cyber-espionage',
        victims: [{ country: 'el', sector: 'government', name: 'Ministry' }],
        effects: { severity: levels[0] },
        initiator: { type: 'state-sponsored', country: 'RU', name: 'APT28' },
        attribution: [{ kind: 'political', by: 'government of DE', confidence: 'high', public: true }],
        responses: [{ measure: measures[0], date: '2021-03-02', by: 'European Union', note: 'EuRepoC political response' }],
      },
      { title: 'T', start: '2020-01-01', end: '2020-02-01', category: 'hybrid', victims: [{ country: 'ZZ', sector: 'private', region: 'eastern-europe' }], effects: { severity: levels[1], disruptsEssentialServices: true, physicalDamage: false }, initiator: { type: 'unknown', country: null }, attribution: [], responses: [] },
      { title: 'Incident 1', start: '2024-01-01', category: 'cyber-espionage', victims: [{ country: 'EU', sector: 'eu-institution' }], effects: { severity: levels[0] }, initiator: {}, attribution: [{ kind: 'technical', by: 'the sender of the STIX bundle', date: '2024-01-01', confidence: 'medium', public: false }] },
      { title: 'EuRepoC codings', start: '2021-01-01', category: 'hybrid', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: levels[0] }, codings: [{ source: 'EuRepoC Global Database, release 1.1, ID 1254', cells: { zero_days: 'No', MITRE_impact: 'Data Exfiltration', IL_breach_indicator: 'Sovereignty' } }] },
    ];
    for (const raw of built) {
      const fast = checkedIncident(raw, check);
      expect(fast).toBeDefined();
      expect(ordered(fast)).toStrictEqual(ordered(parseOrThrow(incidentSchema(withMeasures), raw, 'invalid_incident', 'incident')));
    }
  });

  it('leaves to the schema what it cannot vouch for, whose messages are then the ones given', () => {
    const check = incidentCheck(withMeasures);
    const base = { title: 'T', start: '2021-01-01', category: 'hybrid', victims: [{ country: 'DE', sector: 'government' }], effects: { severity: levels[0] } };
    const refused = [
      { ...base, victims: [{ country: 'EU', sector: 'government' }] },
      { ...base, effects: { severity: levels[0], severe: true } },
      { ...base, context: { urgent: 'yes' } },
      { ...base, end: '2020-12-31' },
      { ...base, title: '   ' },
      { ...base, victims: [] },
      { ...base, attribution: [{ kind: 'political', by: 'DE', confidence: 'high', date: '2021-02-30' }] },
      // One character over each text limit (a name counted after trimming, as the schema counts it).
      { ...base, title: 'x'.repeat(INCIDENT_TEXT_MAX.title + 1) },
      { ...base, summary: 'x'.repeat(INCIDENT_TEXT_MAX.summary + 1) },
      { ...base, victims: [{ country: 'DE', sector: 'government', name: ` ${'x'.repeat(INCIDENT_TEXT_MAX.name + 1)} ` }] },
      { ...base, initiator: { identifiedPersons: ['x'.repeat(INCIDENT_TEXT_MAX.name + 1)] } },
      { ...base, attribution: [{ kind: 'political', by: 'x'.repeat(INCIDENT_TEXT_MAX.name + 1), confidence: 'high' }] },
      { ...base, responses: [{ measure: measures[0], date: '2021-01-02', by: 'DE', note: 'x'.repeat(INCIDENT_TEXT_MAX.note + 1) }] },
    ];
    for (const raw of refused) {
      expect(checkedIncident(raw, check)).toBeUndefined();
      expect(outcome(() => validateImportedIncident(raw, withMeasures))).toStrictEqual(outcome(() => validateImportedIncidentBySchema(raw, withMeasures)));
    }
    // At each limit exactly (a name padded with spaces the schema trims), the check answers as the schema does.
    const longest = {
      ...base,
      title: 'x'.repeat(INCIDENT_TEXT_MAX.title),
      summary: 'x'.repeat(INCIDENT_TEXT_MAX.summary),
      victims: [{ country: 'DE', sector: 'government', name: ` ${'x'.repeat(INCIDENT_TEXT_MAX.name)} ` }],
      responses: [{ measure: measures[0], date: '2021-01-02', by: 'DE', note: 'x'.repeat(INCIDENT_TEXT_MAX.note) }],
    };
    expect(ordered(checkedIncident(longest, check))).toStrictEqual(ordered(parseOrThrow(incidentSchema(withMeasures), longest, 'invalid_incident', 'incident')));
    expect(outcome(() => validateImportedIncident({ ...base, title: 'x'.repeat(INCIDENT_TEXT_MAX.title + 1) }, withMeasures))).toMatchObject({
      issues: [{ path: 'title', message: `at most ${INCIDENT_TEXT_MAX.title.toLocaleString('en-GB')} characters` }],
    });
    // A key present with no value is kept by the schema as such: the check does not answer for it.
    expect(checkedIncident({ ...base, summary: undefined }, check)).toBeUndefined();
  });
});
