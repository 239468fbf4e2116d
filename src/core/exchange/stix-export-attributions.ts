// An incident's own attributions (who attributed it, when, how surely, to which initiator) as STIX objects that other
// tools read: the initiator as a threat actor or intrusion set, one attributed-to relationship per attribution with its
// author, date and confidence. They restate what the incident's extension holds, and each carries the part it restates,
// so that the product's import takes them for that and makes no second attribution of them (stix-import.ts).
import type { IncidentInput } from '../toolbox/incident';
import { countryNameOf } from './country-names';
import { stixIdFor } from './hash';
import { X_INCIDENT_ATTRIBUTION, X_INCIDENT_INITIATOR } from './stix-custom';

type Attribution = IncidentInput['attribution'][number];

/** What the exporter gives: where to put an object, and the country location of a code (shared, unmarked). */
export interface RestateContext {
  put(o: Record<string, unknown>): void;
  location(code: string): string;
  /** The version of objects that have no history of their own (the same content always has the same id). */
  sharedVersion: string;
}

/** The incident as exported: its STIX id, record id, marking references and version. */
export interface RestatedIncident {
  stixId: string;
  id: string;
  body: IncidentInput;
  refs: string[];
  created: string;
  modified: string;
}

/**
 * STIX 2.1 Appendix A, the "Low/Med/High" scale: the value a tool writes for each level (Low 15, Med 50, High 85),
 * which the import reads back to the same level (confidenceLevel: 1-29, 30-69, 70-100).
 */
export const CONFIDENCE_VALUE = { low: 15, medium: 50, high: 85 } as const;

/** Who attributed, as an identity: the open vocabulary identity-class-ov has no class for a state, its government is an organisation. */
const AUTHOR_CLASS: Record<NonNullable<Attribution['byType']>, string> = {
  'member-state': 'organization',
  eu: 'organization',
  'third-state': 'organization',
  'international-organisation': 'organization',
  private: 'organization',
  other: 'unknown',
};

const dayStart = (date: string) => `${date}T00:00:00.000Z`;
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The objects that say who is behind the incident for each of its attributions (or those `only` keeps); none when the
 * record names neither a group nor a state behind it (an unknown or non-state initiator without a name is no object a tool could point at:
 * the extension keeps it).
 *
 * Who the initiator is, in STIX 2.1 terms:
 * - A named group (APT28, Sandworm) is an intrusion set: "a grouped set of adversary behaviors and resources with
 *   common properties believed to be orchestrated by a single organization" (STIX 2.1, Intrusion Set). What the
 *   record knows of it is the name an attribution gave its activity, not the people or organisation behind it, which
 *   is what a threat actor is ("actual individuals, groups, or organizations"); the spec's APT1 report models the
 *   same way: intrusion set APT1 attributed-to the threat actors behind it.
 * - A state (initiator state or state-sponsored, with its country) is a threat actor of type nation-state with the
 *   resource level of a government, located at its country; its sophistication is not known, so not given. A
 *   threat actor, not an identity: tools take an incident attributed-to a threat actor (OpenCTI's relationship table
 *   has incident -> threat actor, intrusion set or campaign, not identity), and a state that acts is one.
 * - A named group of a state: the incident is attributed-to the intrusion set, and the intrusion set attributed-to
 *   the state's threat actor, as the spec's examples chain them.
 *
 * Shared objects (the actors, the intrusion set's link to its state, the authors) are one per content and marking:
 * each carries the marking of the incidents it comes from, never less than what it reveals.
 */
export function restateAttributions(incident: RestatedIncident, ctx: RestateContext, only: (a: Attribution) => boolean = () => true): void {
  const { body, refs } = incident;
  const { initiator } = body;
  if (!body.attribution.some(only)) return;
  const marks = refs.join(',');
  const shared = { spec_version: '2.1', created: ctx.sharedVersion, modified: ctx.sharedVersion, object_marking_refs: refs, [X_INCIDENT_INITIATOR]: true };
  const stateCountry = (initiator.type === 'state' || initiator.type === 'state-sponsored') && initiator.country ? initiator.country : null;

  let state: string | undefined;
  if (stateCountry) {
    state = stixIdFor('threat-actor', `state:${stateCountry}|${marks}`);
    ctx.put({ type: 'threat-actor', id: state, ...shared, name: countryNameOf(stateCountry), threat_actor_types: ['nation-state'], resource_level: 'government' });
    const at = stixIdFor('relationship', `state:${stateCountry}|located-at|${marks}`);
    ctx.put({ type: 'relationship', id: at, ...shared, relationship_type: 'located-at', source_ref: state, target_ref: ctx.location(stateCountry) });
  }
  let group: string | undefined;
  if (initiator.name) {
    const key = `group:${initiator.name}|${stateCountry ?? initiator.country ?? ''}|${marks}`;
    group = stixIdFor('intrusion-set', key);
    ctx.put({ type: 'intrusion-set', id: group, ...shared, name: initiator.name });
    if (state) ctx.put({ type: 'relationship', id: stixIdFor('relationship', `${key}|attributed-to`), ...shared, relationship_type: 'attributed-to', source_ref: group, target_ref: state });
    else if (initiator.country) ctx.put({ type: 'relationship', id: stixIdFor('relationship', `${key}|originates-from`), ...shared, relationship_type: 'originates-from', source_ref: group, target_ref: ctx.location(initiator.country) });
  }
  const target = group ?? state;
  if (!target) return;

  body.attribution.forEach((a, n) => {
    // Numbered by its place in the record's list, restated or not, so that its id does not move with the others.
    if (!only(a)) return;
    const byType = a.byType ?? 'other';
    const author = stixIdFor('identity', `author:${a.by}|${byType}|${marks}`);
    ctx.put({ type: 'identity', id: author, ...shared, [X_INCIDENT_INITIATOR]: undefined, name: a.by, identity_class: AUTHOR_CLASS[byType] });
    // The author made the attribution on its date: the object's creator and creation time (STIX 2.1 common
    // properties created_by_ref and created), and the time from which the link holds (start_time, as on an
    // attribution record's relationship); kind, author type and whether it was public have no STIX property.
    const created = a.date ? dayStart(a.date) : incident.created;
    ctx.put({
      type: 'relationship',
      spec_version: '2.1',
      id: stixIdFor('relationship', `${incident.id}|attribution|${n}`),
      created_by_ref: author,
      created,
      modified: later(incident.modified, created),
      relationship_type: 'attributed-to',
      source_ref: incident.stixId,
      target_ref: target,
      confidence: CONFIDENCE_VALUE[a.confidence],
      start_time: a.date ? dayStart(a.date) : undefined,
      object_marking_refs: refs,
      [X_INCIDENT_ATTRIBUTION]: a,
    });
  });
}
