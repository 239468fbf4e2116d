// STIX sightings and reports to the product's source records (source-records.ts). A sighting is recorded on the
// incident it sights, or on the incidents of the bundle attributed to the actor it sights; a report is kept for the
// incidents and actors among its object_refs. What points at nothing imported is skipped and reported. Each is
// marked at least as the records it sights or refers to are (after their own raise), like an attribution.
import type { Marking, RecordSource } from './records';
import type { ReportBuilder } from './report';
import { ReportRecord, SightingRecord } from './source-records';
import { idType, type StixObject } from './stix-checks';

import { X_REPORT, X_SIGHTING } from './stix-custom';

export { X_REPORT, X_SIGHTING } from './stix-custom';

/** What the mapping of sightings and reports needs from the STIX mapper. */
export interface SourceMappingContext {
  readonly r: ReportBuilder;
  /** Record ids of the incidents and actors mapped so far, by STIX id. */
  recordIdOf(stixId: string): string | undefined;
  /** Record ids of the mapped incidents attributed (attributed-to) to the actor with this STIX id. */
  incidentsAttributedTo(stixId: string): string[];
  nameOf(stixId: string): string | undefined;
  idFor(o: StixObject, prefix: 'sgt' | 'rpt'): string;
  marking(o: StixObject, related?: readonly unknown[]): Marking | null;
  source(o: StixObject): RecordSource;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : []);

/** The product's record behind a STIX id, when it is an imported incident or actor. */
function recordRef(m: SourceMappingContext, ref: string): { kind: 'incident' | 'actor'; id: string } | undefined {
  const id = m.recordIdOf(ref);
  const type = idType(ref);
  if (!id || type === 'relationship' || type === 'sighting' || type === 'report') return undefined;
  return { kind: type === 'incident' ? 'incident' : 'actor', id };
}

/** A body carried by a product export, checked against its schema; issues become errors of the object. */
function carried<T>(m: SourceMappingContext, o: StixObject, key: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): T | undefined {
  const parsed = schema.safeParse(o[key]);
  if (parsed.success) return parsed.data;
  for (const i of parsed.error.issues) m.r.error(String(o.id), [key, ...i.path.map(String)].join('.'), i.message);
  return undefined;
}

export function mapSighting(m: SourceMappingContext, o: StixObject): { id: string; body: SightingRecord; marking: Marking | null; source: RecordSource } | undefined {
  const oid = String(o.id);
  const ofRef = str(o.sighting_of_ref) ?? '';
  const of = recordRef(m, ofRef);
  if (!of) {
    m.r.skip(oid, 'sighting_of_ref', `a sighting of ${idType(ofRef) || 'nothing'} is not recorded: only sightings of imported incidents, and of actors they are attributed to, are`);
    return undefined;
  }
  let body: SightingRecord | undefined;
  const where = strs(o.where_sighted_refs);
  if (o[X_SIGHTING] !== undefined) body = carried(m, o, X_SIGHTING, SightingRecord);
  else {
    const incidents = of.kind === 'incident' ? [of.id] : m.incidentsAttributedTo(ofRef);
    if (!incidents.length) {
      m.r.skip(oid, 'sighting_of_ref', `the ${idType(ofRef)} sighted is attributed no incident of this bundle; sightings are recorded on incidents`);
      return undefined;
    }
    body = SightingRecord.parse({
      of,
      incidents: [...new Set(incidents)].sort(),
      firstSeen: str(o.first_seen),
      lastSeen: str(o.last_seen),
      count: typeof o.count === 'number' ? o.count : null,
      where: [...new Set(where.map((w) => m.nameOf(w)).filter((n): n is string => !!n))],
      description: str(o.description),
      summary: o.summary === true,
    });
    m.r.mapped('sighting', `of ${idType(ofRef)}`, 'recorded on its incidents');
  }
  if (!body) return undefined;
  // Shown with what it sights and names where it was seen: marked at least as those are.
  const related = o[X_SIGHTING] === undefined ? [ofRef, ...where] : [];
  return { id: m.idFor(o, 'sgt'), body, marking: m.marking(o, related), source: m.source(o) };
}

export function mapReport(m: SourceMappingContext, o: StixObject): { id: string; body: ReportRecord; marking: Marking | null; source: RecordSource } | undefined {
  const oid = String(o.id);
  let body: ReportRecord | undefined;
  if (o[X_REPORT] !== undefined) body = carried(m, o, X_REPORT, ReportRecord);
  else {
    const objectRefs = strs(o.object_refs);
    const refs = objectRefs.map((ref) => ({ ref, record: recordRef(m, ref) })).filter((x) => x.record !== undefined);
    if (!refs.length) {
      m.r.skip(oid, 'object_refs', 'the report refers to no imported incident or actor; reports are kept as sources of those');
      return undefined;
    }
    const incidents = refs.flatMap(({ ref, record }) => (record?.kind === 'incident' ? [record.id] : m.incidentsAttributedTo(ref)));
    const external = Array.isArray(o.external_references) ? (o.external_references as Record<string, unknown>[]) : [];
    body = ReportRecord.parse({
      name: str(o.name) ?? oid,
      published: str(o.published) ?? '',
      description: str(o.description),
      types: strs(o.report_types),
      externalReferences: external
        .filter((e) => str(e.source_name))
        .map((e) => ({ source: str(e.source_name), url: str(e.url), externalId: str(e.external_id), description: str(e.description) })),
      refs: refs.map((x) => x.record),
      incidents: [...new Set(incidents)].sort(),
    });
    m.r.mapped('report', 'object_refs', body.incidents.length ? 'source of its incidents' : 'source of actors only');
  }
  if (!body) return undefined;
  // A report names the records it is about (by id), as an attribution names both ends: it is marked at least as
  // they are, so that no reader learns of a record through a report that links it.
  const related = o[X_REPORT] === undefined ? strs(o.object_refs).filter((ref) => recordRef(m, ref) !== undefined) : [];
  return { id: m.idFor(o, 'rpt'), body, marking: m.marking(o, related), source: m.source(o) };
}
