// What the STIX import holds of an object until the end of the bundle (relationships may come in any order, so the
// objects a record may be made of or may read are held until then): only the properties the mapping reads
// (stix-import.ts, stix-sources.ts, stix-victims.ts), with the texts a bundle repeats (ids and the references to
// them, timestamps, marking ids) held once per import instead of once per occurrence.
import { X_ACTOR, X_ATTRIBUTION, X_ID, X_INCIDENT, X_INCIDENT_ATTRIBUTION, X_INCIDENT_IDENTIFIED, X_INCIDENT_INITIATOR, X_REPORT, X_SIGHTING } from './stix-custom';
import type { StixObject } from './stix-checks';

/** Every property the mapping reads, of any type it keeps; a property a type does not have is simply absent. */
export const MAPPED_PROPERTIES: ReadonlySet<string> = new Set([
  'type',
  'id',
  'created',
  'modified',
  'created_by_ref',
  'object_marking_refs',
  'name',
  'description',
  'aliases',
  'threat_actor_types',
  'sophistication',
  'resource_level',
  'primary_motivation',
  'first_seen',
  'last_seen',
  'identity_class',
  'sectors',
  'labels',
  'country',
  'region',
  'relationship_type',
  'source_ref',
  'target_ref',
  'confidence',
  'start_time',
  'definition_type',
  'definition',
  'sighting_of_ref',
  'where_sighted_refs',
  'count',
  'summary',
  'object_refs',
  'published',
  'report_types',
  'external_references',
  X_ID,
  X_INCIDENT,
  X_ACTOR,
  X_ATTRIBUTION,
  X_SIGHTING,
  X_REPORT,
  X_INCIDENT_ATTRIBUTION,
  X_INCIDENT_IDENTIFIED,
  X_INCIDENT_INITIATOR,
]);

/** Properties whose text recurs across a bundle: an object's id and references to it, and timestamps. */
const SHARED_TEXT = new Set(['id', 'created', 'modified', 'created_by_ref', 'source_ref', 'target_ref', 'sighting_of_ref', 'start_time', 'first_seen', 'last_seen', 'published']);
/** Lists of references, whose elements recur in the same way. */
const SHARED_LISTS = new Set(['object_marking_refs', 'where_sighted_refs', 'object_refs']);

/** One per import: the texts seen, each held once. */
export class StixCompactor {
  private readonly texts = new Map<string, string>();
  /** The text asked for last and its copy: timestamps repeat from one property and one object to the next. */
  private last: string | undefined;
  private lastCopy = '';

  /** The one copy of this text that the import holds. */
  text(s: string): string {
    if (s === this.last) return this.lastCopy;
    this.last = s;
    this.lastCopy = this.lookup(s);
    return this.lastCopy;
  }

  private lookup(s: string): string {
    const known = this.texts.get(s);
    if (known !== undefined) return known;
    this.texts.set(s, s);
    return s;
  }

  /**
   * A new object with the mapped properties of `o`, in their order, with recurring texts shared. `id`: the shared
   * copy of `o.id`, when the caller has already asked `text` for it (one look-up less per object).
   */
  compact(o: StixObject, id?: string): StixObject {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(o)) {
      if (!MAPPED_PROPERTIES.has(key)) continue;
      const value = o[key];
      if (key === 'id' && id !== undefined && value === id) out[key] = id;
      else if (typeof value === 'string' && SHARED_TEXT.has(key)) out[key] = this.text(value);
      else if (Array.isArray(value) && SHARED_LISTS.has(key)) out[key] = value.map((x: unknown) => (typeof x === 'string' ? this.text(x) : x));
      else out[key] = value;
    }
    return out as StixObject;
  }

  clear(): void {
    this.texts.clear();
    this.last = undefined;
    this.lastCopy = '';
  }
}
