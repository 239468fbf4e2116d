// Which STIX object an actor record goes out as, and with which of STIX's own properties. A record from STIX keeps the
// type it came as and its properties; a dataset's actor (EuRepoC's attributed initiators, kept with the dataset's own
// category as their type) goes out as the STIX object and vocabulary its category means, and only as far as the
// category says: the category itself stays in the record's extension.
import type { ActorRecord } from './records';

export interface StixActorShape {
  type: ActorRecord['kind'];
  /** threat-actor-type-ov values; none when not known. */
  threatActorTypes: string[];
  /** attack-resource-level-ov value, when known. */
  resourceLevel: string | undefined;
}

/**
 * EuRepoC's initiator categories (attributed_initiator_category, EuRepoC codebook) in STIX 2.1 terms:
 * - "State": a threat actor, not an identity. Threat actors are "actual individuals, groups, or organizations believed
 *   to be operating with malicious intent" (STIX 2.1, Threat Actor), which a state an incident is attributed to is;
 *   an identity with the dataset's class said only that it exists. Its type is nation-state and its resource level
 *   government, the two values the spec's vocabularies give a state (threat-actor-type-ov, attack-resource-level-ov);
 *   its sophistication and motivation are not coded, so not given.
 * - "Non-state actor, state-affiliation suggested", "Non-state-group", "Individual hacker(s)": threat actors (as the
 *   dataset's records already are) with no type: a suggested affiliation is no nation-state, and neither a group nor
 *   an individual tells crime, activism or thrill (criminal, activist, hacker) apart.
 * - "Unknown - not attributed": a threat actor of no type.
 */
export const DATASET_ACTOR_CLASSES: Record<string, { type: 'threat-actor'; threatActorTypes: string[]; resourceLevel?: string }> = {
  State: { type: 'threat-actor', threatActorTypes: ['nation-state'], resourceLevel: 'government' },
  'Non-state actor, state-affiliation suggested': { type: 'threat-actor', threatActorTypes: [] },
  'Non-state-group': { type: 'threat-actor', threatActorTypes: [] },
  'Individual hacker(s)': { type: 'threat-actor', threatActorTypes: [] },
  'Unknown - not attributed': { type: 'threat-actor', threatActorTypes: [] },
};

/** The STIX type and vocabulary values of an actor record (its own when it came from STIX, its dataset class's otherwise). */
export function stixActorShape(b: ActorRecord, fromStix: boolean): StixActorShape {
  const classes = fromStix ? [] : b.types.map((t) => DATASET_ACTOR_CLASSES[t]).filter((c) => c !== undefined);
  if (!classes.length || classes.length !== b.types.length) return { type: b.kind, threatActorTypes: b.types, resourceLevel: b.resourceLevel };
  // Several categories (EuRepoC rows disagreeing on one initiator): the types they all agree on, none else.
  const agreed = (pick: (c: (typeof classes)[number]) => string[]) => pick(classes[0]!).filter((v) => classes.every((c) => pick(c).includes(v)));
  const levels = agreed((c) => (c.resourceLevel ? [c.resourceLevel] : []));
  return { type: 'threat-actor', threatActorTypes: agreed((c) => c.threatActorTypes), resourceLevel: b.resourceLevel ?? levels[0] };
}
