// The persons and entities a STIX incident identifies behind it, read from STIX's own objects (what
// stix-export-identified.ts writes): the incident attributed-to a threat actor whose real identity (threat-actor
// attributed-to identity) is an identity of the same name, of identity_class individual (a person) or organization
// (an entity). Such a relationship names who is behind the incident, not who said so: it counts as an attribution
// too only when it names its author (created_by_ref).
import type { StixObject } from './stix-checks';
import type { IdentifiedKind } from './stix-export-identified';

const KIND_OF_CLASS: Record<string, IdentifiedKind> = { individual: 'person', organization: 'entity' };

export interface Identified {
  kind: IdentifiedKind;
  name: string;
  /** The identity read for it, whose name the incident copies. */
  identity: string;
}

const name = (o: StixObject | undefined) => (typeof o?.name === 'string' && o.name.trim() ? o.name.trim() : undefined);

/**
 * The person or entity a threat actor the incident is attributed to stands for, if it is one: `realIdentities` are
 * the attributed-to relationships from the actor, `object` the kept objects by id.
 */
export function identifiedBy(actor: StixObject | undefined, realIdentities: readonly StixObject[], object: (id: string) => StixObject | undefined): Identified | undefined {
  const actorName = name(actor);
  if (actor?.type !== 'threat-actor' || actorName === undefined) return undefined;
  for (const rel of realIdentities) {
    const identity = object(String(rel.target_ref));
    const kind = identity?.type === 'identity' && typeof identity.identity_class === 'string' ? KIND_OF_CLASS[identity.identity_class] : undefined;
    if (kind && name(identity) === actorName) return { kind, name: actorName, identity: String(identity?.id) };
  }
  return undefined;
}

/** The initiator's lists of names, from what was identified (in the bundle's order). */
export function identifiedLists(found: readonly Identified[]): { identifiedPersons: string[]; identifiedEntities: string[] } {
  return { identifiedPersons: found.filter((f) => f.kind === 'person').map((f) => f.name), identifiedEntities: found.filter((f) => f.kind === 'entity').map((f) => f.name) };
}
