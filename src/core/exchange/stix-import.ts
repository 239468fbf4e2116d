// STIX 2.1 bundles to the product's records. Objects arrive one at a time (the edge streams the file): each is
// checked against its type's schema and the semantic rules at once, and only what the mapping needs is kept
// (threat actors, intrusion sets, campaigns, incidents, identities, locations, relationships, markings; of
// everything else only id, type and name). `finish()` checks references across the bundle and maps.
import { ThreatCategory } from '../vocabularies';
import { isCountryCode, normaliseCountryCode } from '../toolbox/countries';
import { type IncidentVocabulary } from '../toolbox/incident';
import { severityIds } from '../toolbox/severity';
import { isAppError } from '../errors';
import { recordId, stixIdFor } from './hash';
import { ActorRecord, AttributionRecord, emptyBatch, type ImportBatch, type Marking } from './records';
import { validateImportedIncident } from './records';
import { NOT_RECORDS, type ReportBuilder } from './report';
import type { ExchangeTables } from './mapping-tables';
import { StixCompactor } from './stix-compact';
import { StixId, StixIds, type NamedObject } from './stix-ids';
import { parseAttribution, safeParseActor } from './stix-record-check';
import { X_ACTOR, X_ATTRIBUTION, X_ID, X_INCIDENT, X_INCIDENT_ATTRIBUTION, X_INCIDENT_IDENTIFIED, X_INCIDENT_INITIATOR } from './stix-custom';
import { dateFromStartTime } from './stix-export-dates';
import { identifiedBy, identifiedLists, type Identified } from './stix-identified';
import { stixVictims, type StixVictimContext } from './stix-victims';
import { compareTimestamps, customProperties, idType, isStixId, referencesNotIn, semanticIssues, type StixObject } from './stix-checks';
import type { StixSchemaValidator } from './stix-schemas';
import { mapReport, mapSighting, type SourceMappingContext } from './stix-sources';
import { isPublicMarking, tlpById, tlpFor, type TlpDefinition } from './tlp';

export { X_ACTOR, X_ATTRIBUTION, X_ID, X_INCIDENT } from './stix-custom';

const ACTOR_TYPES = new Set<string>(['threat-actor', 'intrusion-set', 'campaign']);
const KEPT_TYPES = new Set<string>([...ACTOR_TYPES, 'incident', 'identity', 'location', 'relationship', 'marking-definition', 'sighting', 'report']);
/** Types the import reads but does not turn into records (their names feed an actor's `uses`). */
const NAMED_TYPES = new Set<string>(['malware', 'tool', 'attack-pattern']);
const CATEGORIES = new Set<string>(ThreatCategory.options);
const MAPPED_RELATIONSHIPS = new Set(['attributed-to', 'targets', 'uses', 'originates-from', 'located-at']);
/** The relationships that say where an actor is from, in the order they are read. */
const FROM_TYPES = ['originates-from', 'located-at'] as const;
const TARGETS_AND_ATTRIBUTED = ['targets', 'attributed-to'] as const;
/** The kept objects read after the incidents are mapped (relationships are held by the mapper's own indexes). */
const READ_LATER = new Set(['marking-definition', 'sighting', 'report']);
/** Kept objects that become no record of their own: the report says of each what the mapping read it for. */
const READ_ONLY_TYPES = new Set(['identity', 'location', 'marking-definition']);
/** The mapping under which an object read a second time (by id) is counted: one of the two is left out. */
const READ_AGAIN = 'objects read again';
/** What a relationship the mapping reads (other than attributed-to, an attribution record) becomes part of. */
const READ_INTO: Record<string, string> = { targets: "the incident's victims", uses: "the actor's uses", 'originates-from': 'where the actor or victim is from', 'located-at': 'where the actor or victim is from' };
/** What the mapping reads an identity, a location or a marking definition for, when it is no record of its own. */
const READ_FOR = {
  victim: 'read as a victim of an incident',
  place: 'read for the country of an actor or a victim (originates-from, located-at)',
  author: 'read as the author named in an attribution (created_by_ref)',
  sighted: 'read as where a sighting was made',
  statement: 'read as a statement marking, kept on the records it marks',
  tlp: 'read as a TLP marking, its level kept on the records it marks',
  nothing: 'read by nothing the product records',
  restated: "read as restating an incident's own attributions, which its extension holds",
  identified: 'read as a person or entity an incident identifies',
} as const;

export interface StixImportOptions {
  validator: StixSchemaValidator;
  vocabulary: IncidentVocabulary;
  report: ReportBuilder;
  /** Unknown and custom objects are errors instead of skipped objects. */
  strict: boolean;
  /** SHA-1 of a text as hex, for record ids: the platform's, when the edge gives it. */
  sha1?: ((text: string) => string) | undefined;
  /** The reviewed tables of data/exchange: industry sectors, victims named without a country. */
  tables: ExchangeTables;
}

/** The TLP marking among an object's object_marking_refs, if any. */
function tlpOf(o: StixObject): TlpDefinition | undefined {
  const refs = Array.isArray(o.object_marking_refs) ? o.object_marking_refs : [];
  for (const ref of refs) {
    const def = typeof ref === 'string' ? tlpById(ref) : undefined;
    if (def) return def;
  }
  return undefined;
}

/** TLP levels from least to most restrictive, TLP 1.0 WHITE as TLP 2.0 CLEAR. */
const TLP_ORDER = ['clear', 'green', 'amber', 'amber+strict', 'red'];
const tlpRank = (def: TlpDefinition | undefined) => (def ? TLP_ORDER.indexOf(def.level === 'white' ? 'clear' : def.level) : -1);

const MARKING_LABELS = new Map<string, [string, string]>();

/**
 * How the report counts a TLP marking: its id's start, its level and version. A record's TLP is always one of the
 * TLP definitions (tlp.ts), whose id fixes level and version, so the labels are built once per id.
 */
function markingLabels(tlp: TlpDefinition): [string, string] {
  let labels = MARKING_LABELS.get(tlp.id);
  if (!labels) MARKING_LABELS.set(tlp.id, (labels = [`${tlp.id.slice(0, 28)}…`, `TLP:${tlp.level.toUpperCase()} (${tlp.version})`]));
  return labels;
}

/** `objects.12` when an object has no usable id. */
const label = (o: StixObject | undefined, index: number) => (o && typeof o.id === 'string' && o.id ? o.id : `objects.${index}`);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);

export class StixImport {
  private readonly ids = new StixIds();
  /** The ids read as objects, in the order first read. */
  private readonly named: StixId[] = [];
  /** The ids whose objects are held for the mapping, in the order first held. */
  private readonly held: StixId[] = [];
  private readonly refs: { object: string; path: string; ref: string }[] = [];
  /** A reference resolves when it names a TLP marking (defined by the standard) or an object that has been read. */
  private readonly resolves = (ref: string) => tlpById(ref) !== undefined || this.ids.find(ref)?.named !== undefined;
  private readonly unmapped = new Map<string, number>();
  private readonly compactor = new StixCompactor(this.ids);
  private index = 0;

  constructor(private readonly opts: StixImportOptions) {}

  /** Checks the envelope of a bundle: `type: bundle` and a bundle id. */
  envelope(top: Record<string, unknown>) {
    const r = this.opts.report;
    if (top.type !== 'bundle') r.error('bundle', 'type', `must be "bundle", got ${top.type === undefined ? 'nothing' : JSON.stringify(top.type)}`);
    if (top.id === undefined) r.error('bundle', 'id', 'is required');
    else if (!isStixId(top.id) || idType(top.id) !== 'bundle') r.error('bundle', 'id', `"${String(top.id)}" is not a bundle id (bundle--<UUID>)`);
    if (top.spec_version !== undefined) r.warn('bundle', 'spec_version', 'a STIX 2.1 bundle has no spec_version (it marks a STIX 2.0 bundle); the objects are read as 2.1');
  }

  /**
   * What a streamed file's reader calls: each object of its `objects` list, then the rest of its top level. A lone STIX
   * object (not a bundle) is imported as a bundle of one.
   */
  fileSink(): { object(o: unknown): void; top(top: Record<string, unknown>): void } {
    let objects = 0;
    return {
      object: (o) => {
        objects++;
        this.add(o);
      },
      top: (top) => {
        if (objects === 0 && 'type' in top && top.type !== 'bundle' && !('objects' in top)) this.add(top);
        else this.envelope(top);
      },
    };
  }

  /** Takes one object of the bundle (or a lone object), in file order. */
  add(value: unknown) {
    const r = this.opts.report;
    const index = this.index++;
    r.report.read++;
    if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { type?: unknown }).type !== 'string') {
      r.error(`objects.${index}`, 'type', 'an object needs a string "type"');
      return;
    }
    const o = value as StixObject;
    const id = label(o, index);
    r.type(o.type);
    const check = this.opts.validator(o);
    for (const i of check.issues) r.error(id, i.path, i.message);
    for (const i of semanticIssues(o)) r.error(id, i.path, i.message);
    if (!check.known) {
      const msg = `"${o.type}" is not a STIX 2.1 type the product knows`;
      if (this.opts.strict) r.error(id, 'type', `${msg} (refused by --strict)`);
      else r.skip(id, 'type', `${msg}; skipped`);
    }
    for (const p of customProperties(o)) {
      const msg = `custom property "${p}" is not imported`;
      if (this.opts.strict) r.error(id, p, `${msg} (refused by --strict)`);
      else r.warn(id, p, msg);
    }
    if (typeof o.id !== 'string') return;
    const entry = this.ids.entry(o.id);
    const oid = entry.text;
    // Only references to objects not read yet are kept for the check in finish(): the others resolve already, as
    // nothing read is forgotten before then, and the warnings keep the order of the objects and their references.
    for (const ref of referencesNotIn(o, this.resolves)) this.refs.push({ object: oid, path: ref.path, ref: ref.ref });
    const version = this.compactor.text(str(o.modified) ?? str(o.created) ?? '');
    const prior = entry.named?.version;
    if (prior !== undefined) {
      // The same object twice: a newer version replaces an older one (STIX 2.1 §3.6); the same version is a duplicate.
      if (prior === version) {
        r.warn(oid, 'modified', 'the bundle holds this object twice with the same version; the first is used');
        r.mapped(READ_AGAIN, o.type, 'the same version again; the first kept');
        return;
      }
      // Either way one of the two versions is left out: the report counts it, so that the objects read add up.
      r.mapped(READ_AGAIN, o.type, 'another version; the newest kept');
      if (compareTimestamps(version, prior) < 0) return;
    }
    if (!entry.named) this.named.push(entry);
    entry.named = { type: o.type, name: str(o.name), tlp: tlpOf(o), version };
    // Held until the end of the bundle: only what the mapping reads, not the object as parsed.
    if (KEPT_TYPES.has(o.type)) {
      if (!entry.held) this.held.push(entry);
      entry.held = this.compactor.compact(o, entry);
    }
    else if (check.known && prior === undefined) this.unmapped.set(o.type, (this.unmapped.get(o.type) ?? 0) + 1);
  }

  /** Cross-object checks and the mapping. The batch is complete only when the report has no errors. */
  finish(): ImportBatch {
    const r = this.opts.report;
    for (const { object, path, ref } of this.refs) {
      if (!this.resolves(ref)) r.warn(object, path, `refers to ${ref}, which is not in the bundle`);
    }
    for (const [type, n] of this.unmapped) r.mapped(NOT_RECORDS, type, NAMED_TYPES.has(type) ? 'names read for the "uses" of actors' : 'a type the product keeps no record of', n);
    const batch = new StixMapper(this.ids, this.held, this.named, this.opts).map();
    // The batch holds what the records need: let the source objects go before the write.
    this.ids.clear();
    this.held.length = 0;
    this.named.length = 0;
    this.refs.length = 0;
    this.compactor.clear();
    return batch;
  }
}

const NONE: readonly never[] = [];

function push(m: Map<string, StixId[]>, key: string, rel: StixId): void {
  const list = m.get(key);
  if (list) list.push(rel);
  else m.set(key, [rel]);
}

class StixMapper implements SourceMappingContext {
  /** The held relationships, in the bundle's order. */
  private readonly relationships: StixId[] = [];
  private readonly mappedIds = new Set<string>();
  private readonly batch = emptyBatch();
  /** Per native incident: the fields its victims were inferred by, and whether its victim is unknown. */
  private readonly victimInfo = new Map<StixId, { inferred: string[]; unknownVictim: boolean }>();
  private readonly markings = new Map<string, Marking>();
  /** The severity scale's ids, lowest first. */
  private levels: string[] | undefined;
  /** What the victims of every native incident are read with: built once, not per incident. */
  private victimContext: StixVictimContext | undefined;

  constructor(
    private readonly ids: StixIds,
    /** The ids whose objects are held, in the order first held. */
    private held: readonly StixId[],
    /** The ids read as objects, in the order first read. */
    private readonly named: readonly StixId[],
    private readonly opts: StixImportOptions,
  ) {
    // Each relationship is filed under its source (by type) and, for attributed-to, under its target.
    for (const rel of held) {
      const o = rel.held;
      if (o?.type !== 'relationship') continue;
      this.relationships.push(rel);
      const source = (rel.source ??= ids.entry(String(o.source_ref)));
      const target = (rel.target ??= ids.entry(String(o.target_ref)));
      push((source.from ??= new Map()), String(o.relationship_type), rel);
      if (o.relationship_type === 'attributed-to') (target.attributedTo ??= []).push(rel);
    }
  }

  get r(): ReportBuilder {
    return this.opts.report;
  }

  /** The entry of an id given as an entry or as a text (`String()` of anything else, as the id it would be). */
  private entryOf(id: unknown): StixId | undefined {
    return id instanceof StixId ? id : this.ids.find(String(id));
  }

  /** Notes the first reason an object was read for; the report counts those that become no record by it. */
  private note(id: unknown, reason: string): void {
    const entry = id instanceof StixId ? id : this.ids.find(id);
    if (entry && entry.readFor === undefined) entry.readFor = reason;
  }

  /** The held relationships of this type from `id`. */
  private rels(id: StixId | undefined, type: string): readonly StixId[] {
    return id?.from?.get(type) ?? NONE;
  }

  /** The record id of a STIX object: the product's own id when the object carries it and its STIX id was minted from it. */
  idFor(o: StixObject, prefix: 'inc' | 'act' | 'atr' | 'sgt' | 'rpt'): string {
    return this.recordIdFor(this.ids.entry(String(o.id)), o, prefix);
  }

  private recordIdFor(entry: StixId, o: StixObject, prefix: 'inc' | 'act' | 'atr' | 'sgt' | 'rpt'): string {
    const own = str(o[X_ID]);
    // Scoped by kind: an object may name only a record of its own kind (an actor object cannot name an incident).
    const id = own && own.startsWith(`${prefix}-`) && stixIdFor(o.type, own) === o.id ? own : recordId(prefix, String(o.id), this.opts.sha1);
    entry.recordId = id;
    return id;
  }

  /**
   * The marking of the record made from `o`: its own, with the TLP level raised to the most restrictive of the
   * `related` objects (ids, as entries or texts) whose names or properties the record copies (a TLP:GREEN incident
   * naming a TLP:AMBER actor becomes TLP:AMBER), so that no record shows content under a lower level than its source
   * gave it.
   */
  marking(o: StixObject, related: readonly unknown[] = NONE): Marking | null {
    // Read without a list of the references or a marking object per record: most records carry one TLP marking and
    // get the batch's shared marking of their level (sharedMarking).
    const refs = o.object_marking_refs;
    let count = 0;
    let own: TlpDefinition | undefined;
    let statements: Marking['statements'] | undefined;
    let unresolved: string[] | undefined;
    if (Array.isArray(refs)) {
      for (const ref of refs) {
        if (typeof ref !== 'string' || !ref.trim()) continue;
        count++;
        const tlp = tlpById(ref);
        if (tlp) {
          own = tlp;
          this.note(ref, READ_FOR.tlp);
          continue;
        }
        // Only a marking that is not TLP is looked for among the bundle's objects.
        const def = this.ids.find(ref)?.held;
        const statement = (def?.definition as { statement?: unknown } | undefined)?.statement;
        if (def?.definition_type === 'statement' && typeof statement === 'string') {
          (statements ??= []).push({ id: ref, statement });
          this.note(ref, READ_FOR.statement);
        }
        else (unresolved ??= []).push(ref);
      }
    }
    let top = own;
    let topRank = tlpRank(top);
    for (const id of related) {
      const def = id instanceof StixId ? id.named?.tlp : typeof id === 'string' ? this.ids.find(id)?.named?.tlp : undefined;
      if (def === undefined) continue;
      const rank = tlpRank(def);
      if (rank > topRank) {
        top = def;
        topRank = rank;
      }
    }
    let tlp = own;
    if (top && top !== own) {
      tlp = tlpFor('2.0', top.level === 'white' ? 'clear' : top.level) ?? top;
      this.r.mapped('marking raised', `${own?.name ?? 'unmarked'} ${o.type} copying ${top.name} content`, tlp.name);
    }
    if (tlp) {
      const [from, to] = markingLabels(tlp);
      this.r.mapped('marking', from, to);
      if (!statements && !unresolved) return this.sharedMarking(tlp);
    }
    return count || tlp ? { tlp: tlp ? { version: tlp.version, level: tlp.level, id: tlp.id } : null, statements: statements ?? [], unresolved: unresolved ?? [] } : null;
  }

  /**
   * A marking of a TLP level alone, one object per level for the whole batch instead of one per record (the TLP id
   * fixes level and version); frozen, so that changing one record's marking throws instead of changing others'.
   */
  private sharedMarking(tlp: TlpDefinition): Marking {
    let shared = this.markings.get(tlp.id);
    if (!shared) this.markings.set(tlp.id, (shared = Object.freeze({ tlp: Object.freeze({ version: tlp.version, level: tlp.level, id: tlp.id }), statements: Object.freeze([]) as never[], unresolved: Object.freeze([]) as never[] })));
    return shared;
  }

  /** The relationships from `id` of these types, with the objects they point to and their authors (entries or texts). */
  private related(id: StixId | undefined, types: readonly string[], out: unknown[] = []): unknown[] {
    const from = id?.from;
    if (from) for (const t of types) for (const x of from.get(t) ?? NONE) out.push(x, x.target, x.held?.created_by_ref);
    return out;
  }

  /** Only records in the batch: an incident skipped (e.g. without a victim) has an id but no record. */
  recordIdOf(stixId: string): string | undefined {
    return this.mappedRecordId(this.ids.find(stixId));
  }

  private mappedRecordId(entry: StixId | undefined): string | undefined {
    const id = entry?.recordId;
    return id !== undefined && this.mappedIds.has(id) ? id : undefined;
  }

  /** The name of where a sighting was made. */
  nameOf(stixId: string): string | undefined {
    const entry = this.ids.find(stixId);
    const name = entry?.named?.name;
    if (name) this.note(entry, READ_FOR.sighted);
    return name;
  }

  incidentsAttributedTo(stixId: string): string[] {
    return (this.ids.find(stixId)?.attributedTo ?? NONE)
      .filter((x) => idType(String(x.source?.text)) === 'incident')
      .map((x) => this.mappedRecordId(x.source))
      .filter((id): id is string => id !== undefined);
  }

  source(o: StixObject) {
    return { format: 'stix' as const, key: String(o.id), modified: str(o.modified) ?? str(o.created) ?? null, created: str(o.created) };
  }

  /** The country of a location, when it states a valid one. */
  private countryOfLocation(loc: StixId | undefined): string | null {
    const o = loc?.held;
    if (o) this.note(loc, READ_FOR.place);
    const raw = str(o?.country);
    if (!o || !raw) return null;
    const code = normaliseCountryCode(raw);
    if (!isCountryCode(code)) {
      this.r.warn(String(o.id), 'country', `"${raw}" is not an ISO 3166-1 alpha-2 code; no country taken from this location`);
      return null;
    }
    return code;
  }

  /** Where an actor operates from: originates-from or located-at a location, else the identity it is attributed to. */
  private actorCountry(id: StixId | undefined, seen = new Set<StixId | undefined>()): string | null {
    if (seen.has(id)) return null;
    seen.add(id);
    for (const type of FROM_TYPES) {
      for (const rel of this.rels(id, type)) {
        const c = this.countryOfLocation(rel.target);
        if (c) return c;
      }
    }
    for (const rel of this.rels(id, 'attributed-to')) {
      const c = this.actorCountry(rel.target, seen);
      if (c) return c;
    }
    return null;
  }

  /**
   * The objects that restate the attributions of incidents whose extension the bundle carries (our own export,
   * stix-export-attributions.ts): each relationship that says so and comes from such an incident, and each actor so
   * marked that only such relationships attribute anything to, with the links from it. They make no record: the
   * incident's extension holds the attributions, and records of them would be the same attributions twice.
   */
  private restatedIds(): Set<StixId> {
    const restated = new Set<StixId>();
    for (const rel of this.relationships) {
      const o = rel.held;
      if (o && (o[X_INCIDENT_ATTRIBUTION] !== undefined || o[X_INCIDENT_IDENTIFIED] !== undefined) && rel.source?.held?.[X_INCIDENT] !== undefined) restated.add(rel);
    }
    if (!restated.size) return restated;
    // The identities marked are the real identities of the persons and entities an incident identifies.
    const marked = this.held.filter((id) => id.held && (ACTOR_TYPES.has(id.held.type) || id.held.type === 'identity') && id.held[X_INCIDENT_INITIATOR] !== undefined);
    // An intrusion set is attributed to its state's threat actor: the state's turn comes once the set's is decided.
    for (let changed = true; changed; ) {
      changed = false;
      for (const id of marked) {
        const into = id.attributedTo ?? NONE;
        if (restated.has(id) || !into.length || !into.every((rel) => restated.has(rel))) continue;
        restated.add(id);
        changed = true;
        for (const rels of id.from?.values() ?? []) for (const rel of rels) if (rel.held?.[X_INCIDENT_INITIATOR] !== undefined) restated.add(rel);
      }
    }
    return restated;
  }

  map(): ImportBatch {
    const restated = this.restatedIds();
    for (const id of this.held) {
      const o = id.held as StixObject;
      if (!ACTOR_TYPES.has(o.type) && !(o.type === 'identity' && id.attributedTo !== undefined)) continue;
      // A restated identity is counted with the identities that make no record (countReadOnly).
      if (restated.has(id)) {
        if (o.type !== 'identity') this.r.mapped(NOT_RECORDS, o.type, READ_FOR.restated);
      } else this.actor(id, o);
    }
    for (const id of this.held) if (id.held?.type === 'incident') this.incident(id, id.held);
    // What is mapped from here on reads no held object but relationships, marking definitions, sightings and reports:
    // let the rest go.
    const later: StixId[] = [];
    for (const id of this.held) {
      if (READ_LATER.has(String(id.held?.type))) later.push(id);
      else if (id.held?.type !== 'relationship') id.held = undefined;
    }
    this.held = later;
    for (const rel of this.relationships) {
      const o = rel.held as StixObject;
      const from = idType(String(rel.source?.text));
      if (restated.has(rel)) {
        this.r.mapped('relationships read', `${String(o.relationship_type)} from ${from}`, READ_FOR.restated);
        // Its author and the country it points to are read for nothing else: say what they were read for.
        this.note(o.created_by_ref, READ_FOR.restated);
        this.note(o.target_ref, READ_FOR.restated);
        continue;
      }
      if (!MAPPED_RELATIONSHIPS.has(String(o.relationship_type))) this.r.mapped('relationships not mapped', String(o.relationship_type), 'kept out');
      else if (!this.reads(rel, o)) this.r.mapped('relationships not mapped', `${String(o.relationship_type)} from ${from}`, 'kept out');
      else if (o.relationship_type === 'attributed-to') {
        // Counted by the attribution it gives, or skipped with its reason.
      } else if (!rel.source?.named || !rel.target?.named) {
        // An end not in the bundle gives nothing to read (its warning names the reference).
        this.r.mapped('relationships not mapped', `${String(o.relationship_type)} from ${from}`, 'an end not in the bundle');
      } else this.r.mapped('relationships read', `${String(o.relationship_type)} from ${from}`, READ_INTO[String(o.relationship_type)] ?? 'read');
      if (o.relationship_type === 'attributed-to') this.attribution(rel, o);
    }
    // After incidents and actors: sightings and reports are kept only for what was imported.
    for (const x of [...this.batch.incidents, ...this.batch.actors]) {
      this.mappedIds.add(x.id);
      // A sighting is marked at least as the record it sights is here: its level once raised, not only the source's.
      const raised = x.marking?.tlp ? tlpById(x.marking.tlp.id) : undefined;
      const named = this.ids.find(x.source.key)?.named;
      if (named && tlpRank(raised) > tlpRank(named.tlp)) named.tlp = raised;
    }
    for (const id of this.held) {
      const o = id.held as StixObject;
      if (o.type === 'sighting') {
        const s = mapSighting(this, o);
        if (s) this.batch.sightings.push(s);
      } else if (o.type === 'report') {
        const rep = mapReport(this, o);
        if (rep) this.batch.reports.push(rep);
      }
    }
    this.countReadOnly();
    this.r.report.mapped.sighting = this.batch.sightings.length;
    this.r.report.mapped.report = this.batch.reports.length;
    this.r.report.mapped.actor = this.batch.actors.length;
    this.r.report.mapped.incident = this.batch.incidents.length;
    this.r.report.mapped.attribution = this.batch.attributions.length;
    return this.batch;
  }

  /**
   * Counts every identity, location and marking definition that became no record, by what it was read for, so that
   * the objects of each type add up: records, objects read into them, objects read by nothing.
   */
  private countReadOnly(): void {
    const actors = new Set(this.batch.actors.map((a) => a.source.key));
    for (const id of this.named) {
      const o = id.named as NamedObject;
      if (!READ_ONLY_TYPES.has(o.type) || actors.has(id.text)) continue;
      this.r.mapped(NOT_RECORDS, o.type, id.readFor ?? READ_FOR.nothing);
    }
  }

  /**
   * Whether the mapping reads a relationship of a mapped type: `targets` gives an incident its victims, `uses` an
   * actor its tools and techniques; from any other source (a campaign's targets, an indicator's uses) it was read by
   * nothing, and the report says so instead of letting it go unsaid.
   */
  private reads(rel: StixId, o: StixObject): boolean {
    const source = rel.source;
    const type = idType(String(source?.text));
    if (o.relationship_type === 'targets') return type === 'incident';
    if (o.relationship_type === 'uses') return ACTOR_TYPES.has(type) || (type === 'identity' && source?.attributedTo !== undefined);
    // Where something is: read for an actor, and for an identity that is one or is a victim of an incident.
    if (o.relationship_type === 'originates-from' || o.relationship_type === 'located-at') return ACTOR_TYPES.has(type) || (type === 'identity' && (source?.attributedTo !== undefined || source?.readFor === READ_FOR.victim));
    return true;
  }

  private actor(entry: StixId, o: StixObject) {
    let body: ActorRecord;
    if (o[X_ACTOR] !== undefined) {
      const parsed = ActorRecord.safeParse(o[X_ACTOR]);
      if (!parsed.success) {
        for (const i of parsed.error.issues) this.r.error(String(o.id), [X_ACTOR, ...i.path.map(String)].join('.'), i.message);
        return;
      }
      body = parsed.data;
    } else {
      const uses = this.rels(entry, 'uses')
        .map((x) => x.target?.named?.name)
        .filter((n): n is string => !!n);
      const parsed = safeParseActor({
        kind: o.type,
        name: str(o.name) ?? String(o.id),
        aliases: strs(o.aliases).filter((a) => a !== o.name),
        description: str(o.description),
        country: this.actorCountry(entry),
        types: o.type === 'identity' ? strs([o.identity_class]) : strs(o.threat_actor_types),
        sophistication: str(o.sophistication),
        resourceLevel: str(o.resource_level),
        primaryMotivation: str(o.primary_motivation),
        firstSeen: str(o.first_seen),
        lastSeen: str(o.last_seen),
        uses: [...new Set(uses)].sort(),
      });
      // As the datasets skip a row with an over-long field: the one object is left out, named with the limit, and
      // what points to it (an attribution) is skipped in turn, for it has no record to point to.
      if (!parsed.success) {
        for (const i of parsed.issues) this.r.skip(String(o.id), i.path, `${i.message}; actor skipped`);
        return;
      }
      body = parsed.data;
    }
    // The record id only once the actor is kept, so that nothing links to a record the batch does not hold.
    const id = this.recordIdFor(entry, o, 'act');
    this.r.mapped('actor kind', o.type, body.kind);
    const copied = o[X_ACTOR] === undefined ? this.copiedIntoActor(entry, body.country) : [];
    this.batch.actors.push({ id, body, marking: this.marking(o, copied), source: this.source(o) });
  }

  /** What a native actor copies: the names of what it uses, and the country of where it is from or of whom it is attributed to. */
  private copiedIntoActor(id: StixId, country: string | null): unknown[] {
    const own = this.related(id, ['uses', 'originates-from', 'located-at']);
    const ownCountry = [...this.rels(id, 'originates-from'), ...this.rels(id, 'located-at')].some((x) => {
      const raw = str(x.target?.held?.country);
      return raw !== undefined && isCountryCode(normaliseCountryCode(raw));
    });
    if (!country || ownCountry) return own;
    const behind = this.related(id, ['attributed-to']);
    return [...own, ...behind, ...behind.flatMap((x) => this.related(this.entryOf(x), ['originates-from', 'located-at']))];
  }

  private attribution(entry: StixId, rel: StixObject) {
    const source = String(entry.source?.text);
    const target = String(entry.target?.text);
    const subjectId = entry.source?.recordId;
    const targetId = entry.target?.recordId;
    const subjectKind = idType(source) === 'incident' ? ('incident' as const) : ('actor' as const);
    if (!subjectId || !targetId) {
      this.r.skip(String(rel.id), subjectId ? 'target_ref' : 'source_ref', `attributed-to between ${idType(source)} and ${idType(target)}: ${subjectId ? 'the target' : 'the source'} is not an imported incident or actor`);
      return;
    }
    const id = this.recordIdFor(entry, rel, 'atr');
    let body: AttributionRecord;
    if (rel[X_ATTRIBUTION] !== undefined) {
      // The record's date is the relationship's start_time; the extension holds it only where start_time cannot.
      const carried = rel[X_ATTRIBUTION] as Record<string, unknown> | null;
      const date = carried !== null && typeof carried === 'object' && carried.date === undefined ? dateFromStartTime(rel.start_time) : undefined;
      const parsed = AttributionRecord.safeParse(date === undefined ? carried : { ...carried, date });
      if (!parsed.success) {
        for (const i of parsed.error.issues) this.r.error(String(rel.id), [X_ATTRIBUTION, ...i.path.map(String)].join('.'), i.message);
        return;
      }
      body = parsed.data;
    } else {
      const by = this.ids.find(rel.created_by_ref)?.named?.name;
      if (by) this.note(rel.created_by_ref, READ_FOR.author);
      body = parseAttribution({
        subject: { kind: subjectKind, id: subjectId },
        target: targetId,
        confidence: typeof rel.confidence === 'number' ? rel.confidence : null,
        description: str(rel.description),
        by,
        date: str(rel.start_time) ?? str(rel.created),
      });
    }
    if (rel[X_ATTRIBUTION] !== undefined) this.note(rel.created_by_ref, READ_FOR.author);
    // An attribution names both records it links (and, natively, its author): it is marked at least as they are.
    const copied = [entry.source, entry.target, ...(rel[X_ATTRIBUTION] === undefined ? [rel.created_by_ref] : [])];
    this.batch.attributions.push({ id, body, marking: this.marking(rel, copied), source: this.source(rel) });
  }

  private incident(entry: StixId, o: StixObject) {
    const oid = String(o.id);
    const id = this.recordIdFor(entry, o, 'inc');
    // A native incident copies names and countries of what it targets and whom it is attributed to.
    let copied: unknown[] = [];
    if (o[X_INCIDENT] === undefined) {
      copied = [o.created_by_ref];
      for (const x of this.related(entry, TARGETS_AND_ATTRIBUTED)) {
        copied.push(x);
        this.related(this.entryOf(x), FROM_TYPES, copied);
      }
      // And the names of the persons and entities it identifies, from their identities.
      for (const rel of this.rels(entry, 'attributed-to')) {
        const who = this.identified(rel);
        if (who) copied.push(who.identity);
      }
    }
    const marking = this.marking(o, copied);
    let raw: unknown = o[X_INCIDENT];
    if (raw === undefined) {
      const built = this.nativeIncident(entry, o, marking);
      if (!built) return;
      raw = built;
    }
    try {
      const body = validateImportedIncident(raw, this.opts.vocabulary);
      this.batch.incidents.push({ id, body, marking, source: this.source(o) });
      const info = this.victimInfo.get(entry);
      this.r.kept(info?.inferred ?? [], info?.unknownVictim ?? false);
    } catch (error) {
      if (!isAppError(error)) throw error;
      if (o[X_INCIDENT] === undefined) {
        // As CFR and EuRepoC skip a row (an over-long title, summary or initiator name): this incident is left out,
        // named with its reason, and nothing links to it; the rest of the bundle is imported.
        entry.recordId = undefined;
        for (const i of error.issues) this.r.skip(oid, i.path, `${i.message}; incident skipped`);
      } else for (const i of error.issues) this.r.error(oid, `${X_INCIDENT}.${i.path}`, i.message);
    }
  }

  /** The person or entity an incident's attributed-to relationship points at, when its target is one (stix-identified.ts). */
  private identified(rel: StixId): Identified | undefined {
    const target = rel.target;
    const realIdentities = this.rels(target, 'attributed-to');
    return identifiedBy(target?.held, realIdentities.length ? realIdentities.map((x) => x.held as StixObject) : NONE, (id) => this.ids.find(id)?.held);
  }

  private initiatorType(actor: StixId, o: StixObject): string {
    const types = strs(o.threat_actor_types);
    if (types.includes('nation-state')) return 'state';
    // An intrusion set or campaign attributed to a nation-state actor is state-sponsored.
    const behind = this.rels(actor, 'attributed-to').some((x) => strs(x.target?.held?.threat_actor_types).includes('nation-state'));
    if (behind) return 'state-sponsored';
    return types.length ? 'non-state' : 'unknown';
  }

  /** An incident from STIX's own properties; STIX 2.1 incidents carry only a name and a description. */
  private nativeIncident(entry: StixId, o: StixObject, marking: Marking | null): Record<string, unknown> | undefined {
    const oid = String(o.id);
    const targetIds = this.rels(entry, 'targets').map((rel) => rel.target);
    for (const t of targetIds) if (t?.held?.type === 'identity' || t?.held?.type === 'location') this.note(t, READ_FOR.victim);
    const targets = targetIds.map((t) => t?.held);
    const found = stixVictims(oid, targets, (this.victimContext ??= { tables: this.opts.tables, report: this.r, countryOfLocation: (id) => this.countryOfLocation(this.ids.find(id)), countryOf: (id) => this.actorCountry(this.ids.find(id)) }));
    this.victimInfo.set(entry, { inferred: found.inferred, unknownVictim: found.unknownVictim });
    const identified: Identified[] = [];
    const attributed = this.rels(entry, 'attributed-to')
      .map((x) => ({ rel: x, actor: x.target?.held }))
      .filter((x) => {
        if (x.actor === undefined) return false;
        // A person or entity identified behind the incident; an attribution too only when it names who made it.
        const who = this.identified(x.rel);
        if (!who) return true;
        identified.push(who);
        this.note(who.identity, READ_FOR.identified);
        this.r.mapped('incident initiator', `attributed-to threat-actor whose real identity is ${who.kind === 'person' ? 'an individual' : 'an organization'}`, `identified ${who.kind}${typeof x.rel.held?.created_by_ref === 'string' ? ', and an attribution (created_by_ref)' : ''}`);
        return typeof x.rel.held?.created_by_ref === 'string';
      });
    const firstId = attributed[0]?.rel.target;
    const first = attributed[0]?.actor;
    const start = (str(o.created) ?? '').slice(0, 10);
    this.r.mapped('incident start', 'created', 'start (STIX 2.1 incidents have no date of their own)');
    const labels = strs(o.labels);
    const labelled = labels.find((l) => CATEGORIES.has(l));
    const category = labelled ?? categoryFromActor(first);
    this.r.mapped('incident category', labelled ? 'label' : first ? `actor ${first.type}` : '(none)', category);
    const levels = (this.levels ??= severityIds(this.opts.vocabulary.severity));
    const severity = labels.map((l) => /^severity[:=-](.+)$/.exec(l)?.[1]).find((l): l is string => !!l && levels.includes(l)) ?? levels[0];
    this.r.mapped('incident severity', severity === levels[0] ? '(none)' : 'label', String(severity));
    const creator = this.ids.find(o.created_by_ref)?.named?.name;
    return {
      title: str(o.name) ?? oid,
      ...(str(o.description) ? { summary: str(o.description) } : {}),
      start,
      category,
      victims: found.victims,
      effects: { severity },
      initiator: {
        ...(first && firstId
          ? {
              type: this.initiatorType(firstId, first),
              country: this.actorCountry(firstId),
              ...(str(first.name) ? { name: str(first.name) } : {}),
            }
          : {}),
        ...(identified.length ? identifiedLists(identified) : {}),
      },
      attribution: attributed.map(({ rel }) => {
        const held = rel.held as StixObject;
        const date = (str(held.start_time) ?? str(held.created) ?? '').slice(0, 10);
        const own = this.ids.find(held.created_by_ref)?.named?.name;
        this.note(own ? held.created_by_ref : creator ? o.created_by_ref : undefined, READ_FOR.author);
        return {
          kind: 'technical',
          by: own ?? creator ?? 'the sender of the STIX bundle',
          ...(date >= start ? { date } : {}),
          confidence: confidenceLevel(typeof held.confidence === 'number' ? held.confidence : undefined),
          public: isPublicMarking(marking),
        };
      }),
    };
  }
}

function categoryFromActor(actor: StixObject | undefined): string {
  const types = strs(actor?.threat_actor_types).join(' ');
  const motive = str(actor?.primary_motivation) ?? '';
  if (/terrorist/.test(types)) return 'cyber-terrorism';
  if (/crime|criminal/.test(types) || motive === 'personal-gain') return 'cyber-crime';
  if (/activist/.test(types) || motive === 'ideology') return 'hybrid';
  if (/nation-state|spy/.test(types) || actor?.type === 'intrusion-set') return 'cyber-espionage';
  return 'cyber-crime';
}

/** STIX confidence 0-100 to the toolbox's three levels (the STIX 2.1 Appendix A "Low/Med/High" scale: 1-29, 30-69, 70-100). */
export function confidenceLevel(value: number | undefined): 'low' | 'medium' | 'high' {
  if (value === undefined) return 'medium';
  return value < 30 ? 'low' : value < 70 ? 'medium' : 'high';
}
