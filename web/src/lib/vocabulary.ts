// The closed lists the incident form offers, mirroring the toolbox contract; the server remains the judge.

export const CATEGORIES = ['cyber-crime', 'cyber-espionage', 'cyber-terrorism', 'cyber-warfare', 'hybrid'] as const;
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
  ['attempted', 'An attempted attack'],
] as const;

/** The yes-or-no factors of significant effect (Decision (CFSP) 2019/797); the amounts are fields of their own. */
export const FACTOR_FLAGS = [
  ['economicBenefit', 'The perpetrator gained an economic benefit'],
  ['dataStolen', 'Data were stolen, or a large data breach occurred'],
  ['commerciallySensitiveData', 'Commercially sensitive data were accessed'],
] as const;

export const CONTEXT_FLAGS = [
  ['euDelegationInInitiatorCountry', "EU delegation in the initiator's country"],
  ['delegationHeadRecalled', 'Head of that delegation recalled'],
  ['euDelegationInTransitCountry', 'EU delegation in a transit country'],
  ['victimCapacitiesOverwhelmed', "Victim's capacities overwhelmed"],
  ['assistanceRequested', 'Victim has requested assistance'],
  ['otherMeansExhausted', 'All other means exhausted'],
  ['urgent', 'A quick reaction is needed'],
  ['euPositionAdopted', 'An EU act or position already exists'],
  ['defenceImplications', 'Military or defence implications'],
  ['cfspObjectiveIdentified', 'CFSP objective of a sanction stated'],
  ['mutualAssistanceInvoked', 'A member state has invoked Art. 42(7) TEU'],
  ['agreementOfAllCannotBeSought', 'Agreement of all member states cannot be sought in time'],
] as const;

/** Help beneath a check box: where the circumstance it records comes from. */
export const FLAG_HELP: Readonly<Record<string, string>> = {
  attempted: 'Decision (CFSP) 2019/797, Art. 1(1): attempted cyber-attacks with a potentially significant effect are covered.',
  mutualAssistanceInvoked:
    'Bendiek (2018): the solidarity and mutual-assistance clauses “can be invoked after severe cyber attacks”; the victim member state invokes Art. 42(7) TEU.',
  agreementOfAllCannotBeSought:
    'Bendiek (2018), “Stability”: when a quick reaction is needed and the agreement of the 27 cannot be sought, the High Representative may speak under her own responsibility.',
};

/** Who made an attribution; empty lets the server read it from the “By” field. */
export const ATTRIBUTOR_TYPES = [
  ['', 'Work it out from “By”'],
  ['member-state', 'A member state'],
  ['eu', 'The EU (Council, High Representative)'],
  ['third-state', 'A third state'],
  ['international-organisation', 'An international organisation'],
  ['private', 'A private firm'],
  ['other', 'Someone else'],
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

/**
 * The network's blocs, in hues that no other legend uses: not the orientation's green, brown and red, nor the
 * maturity blues, so that one colour means one thing across the app (a test holds them apart).
 */
export const BLOC_COLOURS = ['#a21caf', '#4338ca', '#db2777', '#0f766e'];
