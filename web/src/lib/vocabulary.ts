// The closed lists the incident form offers, mirroring the toolbox contract; the server remains the judge.

export const CATEGORIES = ['cyber-crime', 'cyber-espionage', 'cyber-terrorism', 'cyber-warfare', 'hybrid'] as const;
export const SECTORS = ['government', 'critical-infrastructure', 'essential-services', 'private', 'eu-institution', 'civil-society'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const INITIATOR_TYPES = ['state', 'state-sponsored', 'non-state', 'unknown'] as const;
export const ATTRIBUTION_KINDS = ['technical', 'political', 'legal'] as const;
export const CONFIDENCE = ['low', 'medium', 'high'] as const;

export const EFFECT_FLAGS = [
  ['disruptsEssentialServices', 'Disrupts essential services'],
  ['physicalDamage', 'Physical damage'],
  ['lossOfLife', 'Loss of life'],
  ['threatensStateSurvival', "Threatens a state's survival"],
  ['armedAttack', 'Reaches an armed attack (Art. 51 UN Charter)'],
] as const;

export const CONTEXT_FLAGS = [
  ['euDelegationInInitiatorCountry', "EU delegation in the initiator's country"],
  ['delegationHeadRecalled', 'Head of that delegation recalled'],
  ['victimCapacitiesOverwhelmed', "Victim's capacities overwhelmed"],
  ['assistanceRequested', 'Victim has requested assistance'],
  ['otherMeansExhausted', 'All other means exhausted'],
  ['urgent', 'A quick reaction is needed'],
  ['euPositionAdopted', 'An EU act or position already exists'],
  ['defenceImplications', 'Military or defence implications'],
  ['cfspObjectiveIdentified', 'CFSP objective of a sanction stated'],
] as const;

export const ORIENTATION_COLOURS: Record<string, string> = {
  'results-oriented': '#1a7f37',
  'process-oriented': '#9a4d00',
  'under-delivering': '#b3261e',
};

/** Sequential blues for maturity 0–100, dark enough at the top for white labels. */
export function maturityColour(score: number): string {
  const stops = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
  const i = Math.min(stops.length - 1, Math.max(0, Math.floor((score / 100) * stops.length)));
  return stops[i] ?? '#cccccc';
}

export const BLOC_COLOURS = ['#1f5fad', '#c2410c', '#15803d', '#7e22ce', '#a16207', '#0e7490', '#be123c', '#4d7c0f'];
