// The product's records as a STIX 2.1 bundle: incidents (with the locations they target and the sanctions listings
// linked to them), actors, attributions and the marking definitions they carry. STIX properties are filled for other tools; the x_cyberdiplo_*
// properties carry the whole record so that importing the bundle gives back the very same records.
import type { IncidentInput } from '../toolbox/incident';
import { stixIdFor, uuidV5 } from './hash';
import { countryNameOf } from './country-names';
import { UNKNOWN_VICTIM_COUNTRY } from './victim-text';
import type { ActorRecord, AttributionRecord, Marking, RecordSource } from './records';
import type { ReportRecord, SightingRecord } from './source-records';
import { X_ACTOR, X_ATTRIBUTION, X_ID, X_INCIDENT } from './stix-import';
import { X_REPORT, X_SIGHTING } from './stix-sources';
import { tlpById, tlpObject } from './tlp';
import { restateAttributions, type RestateContext, type RestatedIncident } from './stix-export-attributions';
import { stixActorShape } from './stix-export-actors';
import { attributionDate } from './stix-export-dates';
import { restateIdentified } from './stix-export-identified';
import { restateListings } from './stix-export-listings';
import type { SanctionsTarget } from '../sanctions/targets';

export interface ExportRecord<T> {
  id: string;
  body: T;
  marking: Marking | null;
  source: RecordSource | null;
  /** STIX timestamps (millisecond precision) of the version exported. */
  created: string;
  modified: string;
}

export interface ExportInput {
  incidents: ExportRecord<IncidentInput>[];
  actors: ExportRecord<ActorRecord>[];
  attributions: ExportRecord<AttributionRecord>[];
  sightings: ExportRecord<SightingRecord>[];
  reports: ExportRecord<ReportRecord>[];
  /**
   * The sanctions register's listings (in force or ended): those it links to an incident of the bundle go out with a
   * relationship to it (stix-export-listings.ts), the others not at all.
   */
  sanctions?: readonly SanctionsTarget[];
}

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: Record<string, unknown>[];
}

/** Shared objects (country locations, statement markings) have no history of their own: one fixed version. */
const SHARED_VERSION = '2020-01-01T00:00:00.000Z';

const ms = (t: string) => (/\.\d{3,}Z$/.test(t) ? t : t.replace(/(\.\d+)?Z$/, (m) => `${(m.slice(0, -1) || '.').padEnd(4, '0')}Z`));

/** The STIX id of a record: the one it came with, or one minted from the product's id. */
export function stixIdOf(type: string, r: { id: string; source: RecordSource | null }): string {
  return r.source?.format === 'stix' && r.source.key.startsWith(`${type}--`) ? r.source.key : stixIdFor(type, r.id);
}

function withoutDate(body: AttributionRecord): Omit<AttributionRecord, 'date'> {
  const { date: _date, ...rest } = body;
  return rest;
}

function clean(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== ''));
}

export function exportStix(input: ExportInput): StixBundle {
  const objects = new Map<string, Record<string, unknown>>();
  const put = (o: Record<string, unknown>) => objects.set(String(o.id), clean(o));
  const markingRefs = (m: Marking | null): string[] => {
    if (!m) return [];
    const refs: string[] = [];
    if (m.tlp) {
      const def = tlpById(m.tlp.id);
      if (def) {
        refs.push(def.id);
        put(tlpObject(def));
      }
    }
    for (const s of m.statements) {
      refs.push(s.id);
      put({ type: 'marking-definition', spec_version: '2.1', id: s.id, created: SHARED_VERSION, definition_type: 'statement', definition: { statement: s.statement } });
    }
    return [...refs, ...m.unresolved];
  };
  const location = (code: string) => {
    const id = stixIdFor('location', `country:${code}`);
    put({ type: 'location', spec_version: '2.1', id, created: SHARED_VERSION, modified: SHARED_VERSION, name: countryNameOf(code), country: code });
    return id;
  };
  // A relationship from a record says something of it (whom an incident targets, where an actor is): marked as the record.
  const relationship = (key: string, type: string, source: string, target: string, r: { created: string; modified: string }, refs: string[]) =>
    put({ type: 'relationship', spec_version: '2.1', id: stixIdFor('relationship', key), created: ms(r.created), modified: ms(r.modified), relationship_type: type, source_ref: source, target_ref: target, object_marking_refs: refs });

  const actorIds = new Map<string, string>();
  for (const a of input.actors) {
    const b = a.body;
    // A dataset's state goes out as a threat actor (stix-export-actors.ts); the extension keeps the record's kind.
    const shape = stixActorShape(b, a.source?.format === 'stix');
    const id = stixIdOf(shape.type, a);
    actorIds.set(a.id, id);
    const refs = markingRefs(a.marking);
    const common = { type: shape.type, spec_version: '2.1', id, created: ms(a.created), modified: ms(a.modified), name: b.name, description: b.description, object_marking_refs: refs, [X_ID]: a.id, [X_ACTOR]: b };
    const seen = { aliases: b.aliases, first_seen: b.firstSeen, last_seen: b.lastSeen };
    if (shape.type === 'threat-actor') put({ ...common, ...seen, threat_actor_types: shape.threatActorTypes, sophistication: b.sophistication, resource_level: shape.resourceLevel, primary_motivation: b.primaryMotivation });
    else if (shape.type === 'intrusion-set') put({ ...common, ...seen, resource_level: b.resourceLevel, primary_motivation: b.primaryMotivation });
    else if (shape.type === 'campaign') put({ ...common, ...seen });
    else put({ ...common, identity_class: b.types[0] });
    if (b.country) relationship(`${a.id}|from|${b.country}`, shape.type === 'threat-actor' || shape.type === 'identity' ? 'located-at' : 'originates-from', id, location(b.country), a, refs);
  }

  // Incidents whose attribution records go out say who is behind them with those (the records' actors and
  // relationships), and with their own attributions that no record stands for: a dataset's statement that named no
  // initiator (an EuRepoC row), which the incident keeps as its attribution's statement. The others say it with all
  // their own attributions restated.
  const recorded = new Set(input.attributions.filter((a) => a.body.subject.kind === 'incident' && actorIds.has(a.body.target)).map((a) => a.body.subject.id));
  /** Who made an attribution record, when it says: an identity of that name, marked as the record that names it. */
  const author = (name: string, refs: string[]) => {
    const id = stixIdFor('identity', `author:${name}|${refs.join(',')}`);
    put({ type: 'identity', spec_version: '2.1', id, created: SHARED_VERSION, modified: SHARED_VERSION, name, object_marking_refs: refs });
    return id;
  };
  const restate: RestateContext = { put, location, sharedVersion: SHARED_VERSION };
  const incidentIds = new Map<string, string>();
  const exported: RestatedIncident[] = [];
  for (const i of input.incidents) {
    const b = i.body;
    const id = stixIdOf('incident', i);
    incidentIds.set(i.id, id);
    const refs = markingRefs(i.marking);
    put({
      type: 'incident',
      spec_version: '2.1',
      id,
      created: ms(i.created),
      modified: ms(i.modified),
      name: b.title,
      description: b.summary,
      labels: [b.category, `severity:${b.effects.severity}`],
      object_marking_refs: refs,
      [X_ID]: i.id,
      [X_INCIDENT]: b,
    });
    for (const code of [...new Set(b.victims.map((v) => v.country))]) {
      // EU institutions and victims whose country is unknown (ZZ, a region at most) have no country location; the
      // incident's own extension carries them.
      if (code !== 'EU' && code !== UNKNOWN_VICTIM_COUNTRY) relationship(`${i.id}|targets|${code}`, 'targets', id, location(code), i, refs);
    }
    const restated = { stixId: id, id: i.id, body: b, refs, created: ms(i.created), modified: ms(i.modified) };
    restateAttributions(restated, restate, recorded.has(i.id) ? (a) => a.statement !== undefined : undefined);
    restateIdentified(restated, restate);
    exported.push(restated);
  }
  restateListings(input.sanctions ?? [], exported, restate);

  for (const a of input.attributions) {
    const source = a.body.subject.kind === 'incident' ? incidentIds.get(a.body.subject.id) : actorIds.get(a.body.subject.id);
    const target = actorIds.get(a.body.target);
    if (!source || !target) continue;
    const refs = markingRefs(a.marking);
    // The record's date is when the attribution was made: the relationship's start_time, from which the link holds
    // (its created is its version's, kept as it came). The extension keeps the date only where start_time cannot say
    // it as it is (stix-export-dates.ts).
    const date = attributionDate(a.body.date);
    put({
      type: 'relationship',
      spec_version: '2.1',
      id: stixIdOf('relationship', a),
      created: ms(a.created),
      modified: ms(a.modified),
      relationship_type: 'attributed-to',
      source_ref: source,
      target_ref: target,
      description: a.body.description,
      confidence: a.body.confidence ?? undefined,
      start_time: date.startTime,
      // Its author as the object's creator.
      created_by_ref: a.body.by ? author(a.body.by, refs) : undefined,
      object_marking_refs: refs,
      [X_ID]: a.id,
      [X_ATTRIBUTION]: date.inExtension ? a.body : withoutDate(a.body),
    });
  }
  // A sighting or report goes out only with records of the bundle, and names no other: what the reader may not
  // see is not in the bundle, so it is not named either.
  const stixOf = (r: { kind: 'incident' | 'actor'; id: string }) => (r.kind === 'incident' ? incidentIds.get(r.id) : actorIds.get(r.id));
  for (const s of input.sightings) {
    const of = stixOf(s.body.of);
    const incidents = s.body.incidents.filter((id) => incidentIds.has(id));
    if (!of || !incidents.length) continue;
    const refs = markingRefs(s.marking);
    const where = s.body.where.map((name) => {
      const id = stixIdFor('identity', `${s.id}|where|${name}`);
      put({ type: 'identity', spec_version: '2.1', id, created: ms(s.created), modified: ms(s.modified), name, object_marking_refs: refs });
      return id;
    });
    put({
      type: 'sighting',
      spec_version: '2.1',
      id: stixIdOf('sighting', s),
      created: ms(s.created),
      modified: ms(s.modified),
      sighting_of_ref: of,
      first_seen: s.body.firstSeen,
      last_seen: s.body.lastSeen,
      count: s.body.count ?? undefined,
      where_sighted_refs: where,
      description: s.body.description,
      summary: s.body.summary || undefined,
      object_marking_refs: refs,
      [X_ID]: s.id,
      [X_SIGHTING]: { ...s.body, incidents },
    });
  }
  for (const r of input.reports) {
    const refs = r.body.refs.filter((x) => stixOf(x) !== undefined);
    if (!refs.length) continue;
    const b = { ...r.body, refs, incidents: r.body.incidents.filter((id) => incidentIds.has(id)) };
    put({
      type: 'report',
      spec_version: '2.1',
      id: stixIdOf('report', r),
      created: ms(r.created),
      modified: ms(r.modified),
      name: b.name,
      description: b.description,
      published: b.published,
      report_types: b.types,
      object_refs: refs.map((x) => stixOf(x)),
      external_references: b.externalReferences.map((e) => clean({ source_name: e.source, url: e.url, external_id: e.externalId, description: e.description })),
      object_marking_refs: markingRefs(r.marking),
      [X_ID]: r.id,
      [X_REPORT]: b,
    });
  }
  const list = [...objects.values()];
  return { type: 'bundle', id: `bundle--${uuidV5(`bundle:${list.map((o) => `${String(o.id)}@${String(o.modified ?? o.created)}`).sort().join(',')}`)}`, objects: list };
}
