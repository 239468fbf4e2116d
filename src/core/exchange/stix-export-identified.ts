// The persons and entities an incident's record identifies behind it (initiator.identifiedPersons and
// identifiedEntities) as STIX objects other tools read: each a threat actor whose real identity is an identity of
// the same name (an individual or an organisation), and the incident attributed-to that threat actor. Marked as the
// incident; the import takes them for the names the incident's extension holds, and a tool without the extension
// reads the names back from the objects alone (stix-identified.ts).
import { stixIdFor } from './hash';
import type { RestateContext, RestatedIncident } from './stix-export-attributions';
import { X_INCIDENT_IDENTIFIED, X_INCIDENT_INITIATOR } from './stix-custom';

/** The identity_class (STIX 2.1 identity-class-ov) of each list of names the record keeps. */
export const IDENTIFIED_CLASS = { person: 'individual', entity: 'organization' } as const;
export type IdentifiedKind = keyof typeof IDENTIFIED_CLASS;

/**
 * In STIX 2.1 terms: a threat actor is one of the "actual individuals, groups, or organizations believed to be
 * operating with malicious intent", which is what the record says of a person or entity it identifies behind the
 * incident; the identity is who that threat actor really is ("threat-actor attributed-to identity: the Threat Actor's
 * real identity is the related Identity", the relationship the spec suggests), and its identity_class says whether a
 * person or an organisation. Neither type, sophistication nor resource level is known from the record: none is given.
 *
 * The threat actor, the identity and their link are one per name, kind and marking, shared between incidents of the
 * same marking (never less marked than what they reveal); the incident's link to the threat actor is its own.
 */
export function restateIdentified(incident: RestatedIncident, ctx: RestateContext): void {
  const { initiator } = incident.body;
  const lists: [IdentifiedKind, readonly string[]][] = [
    ['person', initiator.identifiedPersons],
    ['entity', initiator.identifiedEntities],
  ];
  const marks = incident.refs.join(',');
  const shared = { spec_version: '2.1', created: ctx.sharedVersion, modified: ctx.sharedVersion, object_marking_refs: incident.refs, [X_INCIDENT_INITIATOR]: true };
  for (const [kind, names] of lists) {
    names.forEach((name, n) => {
      const key = `identified:${kind}:${name}|${marks}`;
      const actor = stixIdFor('threat-actor', key);
      const identity = stixIdFor('identity', key);
      ctx.put({ type: 'threat-actor', id: actor, ...shared, name });
      ctx.put({ type: 'identity', id: identity, ...shared, name, identity_class: IDENTIFIED_CLASS[kind] });
      ctx.put({ type: 'relationship', id: stixIdFor('relationship', `${key}|attributed-to`), ...shared, relationship_type: 'attributed-to', source_ref: actor, target_ref: identity });
      ctx.put({
        type: 'relationship',
        spec_version: '2.1',
        id: stixIdFor('relationship', `${incident.id}|identified|${kind}|${n}`),
        created: incident.created,
        modified: incident.modified,
        relationship_type: 'attributed-to',
        source_ref: incident.stixId,
        target_ref: actor,
        object_marking_refs: incident.refs,
        [X_INCIDENT_IDENTIFIED]: kind,
      });
    });
  }
}
