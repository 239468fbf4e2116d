// What the STIX import holds of an object until the end of the bundle (relationships may come in any order, so the
// objects a record may be made of or may read are held until then): only the properties the mapping reads
// (stix-import.ts, stix-sources.ts, stix-victims.ts), with the texts a bundle repeats (ids and the references to
// them, timestamps, marking ids) held once per import instead of once per occurrence. Ids and references are held as
// the text of their entry in the import's table of ids (stix-ids.ts); a relationship's entry gets the entries of its ends.
import { X_ACTOR, X_ATTRIBUTION, X_ID, X_INCIDENT, X_INCIDENT_ATTRIBUTION, X_INCIDENT_IDENTIFIED, X_INCIDENT_INITIATOR, X_REPORT, X_SIGHTING } from './stix-custom';
import type { StixObject } from './stix-checks';
import type { StixId, StixIds } from './stix-ids';

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

/** References to other objects, whose text recurs across a bundle. */
const REFERENCES = new Set(['created_by_ref', 'source_ref', 'target_ref', 'sighting_of_ref']);
/** Timestamps, whose text recurs from one object to the next. */
const TIMESTAMPS = new Set(['created', 'modified', 'start_time', 'first_seen', 'last_seen', 'published']);
/** Lists of references. */
const SHARED_LISTS = new Set(['object_marking_refs', 'where_sighted_refs', 'object_refs']);

/** One per import: the texts seen, each held once. */
export class StixCompactor {
  constructor(private readonly ids: StixIds) {}

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
   * A new object with the mapped properties of `o`, in their order, with recurring texts shared; `id` is the entry of
   * `o.id`. A relationship's entry gets the entries of its source and target.
   */
  compact(o: StixObject, id: StixId): StixObject {
    const out: Record<string, unknown> = {};
    id.source = undefined;
    id.target = undefined;
    for (const key of Object.keys(o)) {
      if (!MAPPED_PROPERTIES.has(key)) continue;
      const value = o[key];
      if (key === 'id' && value === id.text) out[key] = id.text;
      else if (typeof value === 'string' && REFERENCES.has(key)) {
        const ref = this.ids.entry(value);
        out[key] = ref.text;
        if (key === 'source_ref') id.source = ref;
        else if (key === 'target_ref') id.target = ref;
      } else if (typeof value === 'string' && TIMESTAMPS.has(key)) out[key] = this.text(value);
      else if (Array.isArray(value) && SHARED_LISTS.has(key)) out[key] = value.map((x: unknown) => (typeof x === 'string' ? this.ids.entry(x).text : x));
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
