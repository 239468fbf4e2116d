// What the rules read besides the incident itself: the facts derived from it on its own dates (membership of the
// Union, the sanctions criteria's factors and targets, who attributed what) and from the other half of the product
// (the observatory's record of the initiator state) and from reviewed data (states under EU restrictive measures).
import { isValidIsoMonth, monthName, type IsoDate } from '../dates';
import { countryNameOf } from '../exchange/country-names';
import type { Relations } from '../kb/relations';
import { EU_CODE, UNKNOWN_COUNTRY, type IncidentInput } from './incident';
import { isMemberStateAt, isNatoMemberAt, joinedSince, MEMBER_STATE_TERRITORIES, memberState, memberStatesAt } from './member-states';
import { regimesAgainst, type RestrictiveRegime, type RestrictiveRegimesFile } from './regimes';
import { regimeOn, type SanctionsFile } from './sanctions';
import { sanctionsTargetsOf, type SanctionsTarget } from './sectors';
import { severityRank, type SeverityFile } from './severity';
import type { Source } from '../provenance';
import { ratification } from '../kb/budapest-in-force-text';
import { deriveTransitJustice, transitThirdStatesOf } from './transit';
import { weightsOn, type WeightedVotes } from './vote-weighted';

/** What a plan is made with beyond the incident. */
export interface PlanContext {
  /** The day the plan is made: the observatory and the restrictive measures are read as of this day. */
  asOf: IsoDate;
  regimes: RestrictiveRegimesFile;
  /** The observatory's record of the initiator state on `asOf`; null when no initiator state is known. */
  initiatorRelations: Relations | null;
  /** The cyber-sanctions framework (data/toolbox/sanctions.yaml), read on `asOf`; null where the plan does not consult it. */
  sanctions: SanctionsFile | null;
  /** The observatory's record of each transit state outside the Union on `asOf`; absent where the plan does not consult it. */
  transitRelations?: readonly Relations[];
  /** The weighted votes of data/council/voting-rules.yaml, for a plan dated before the double majority; absent: not read. */
  weightedVotes?: WeightedVotes;
}

export interface Derived {
  /**
   * Victim countries that were member states on the incident's start date, or that joined the Union while it was still
   * going on and are members on the plan's date (Croatia, hit in May 2013 by an attack going on when it joined on
   * 1 July 2013): the clauses concern the state's position when it invokes them.
   */
  memberStateVictims: string[];
  /** Member states hit (on the start date) that are no longer members on the plan's date (the United Kingdom after 31 January 2020). */
  formerMemberVictims: string[];
  /** Victim countries hit as third states (not a member state as above, an EU institution or unknown). */
  thirdStateVictims: string[];
  /** Member states hit that were NATO allies on the start date, or joined NATO while it went on and are allies on the plan's date. */
  natoAllyVictims: string[];
  initiatorThirdState: boolean;
  /** Transit states (the incident's `transit`) that were not member states on the start date: infrastructure outside the Union. */
  transitThirdStates: string[];
  /** Transit states that were member states on the start date: no démarche, the Union's own channels. */
  transitMemberStates: string[];
  /** Transit states outside the Union that have ratified the Budapest Convention, as the observatory records it on the plan's date. */
  transitBudapestParties: string[];
  /** Factors of significant effect present (Decision (CFSP) 2019/797, Art. 2), as ids. */
  significanceFactors: string[];
  sanctionsTargets: Exclude<SanctionsTarget, null>[];
  initiatorRegimes: RestrictiveRegime[];
  /** The cyber-sanctions regime on the plan's date: not yet adopted, in force, past its last recorded expiry, or not consulted. */
  sanctionsRegime: 'not-adopted' | 'in-force' | 'expired' | 'not-consulted';
  /** The phrases rule texts may quote as {name}. */
  phrases: Record<PhraseName, string>;
  /** The sources of what a phrase states, where it reads reviewed data: a reason quoting the phrase cites them too. */
  phraseSources: Partial<Record<PhraseName, Source[]>>;
}

export const PHRASE_NAMES = ['unknownVictims', 'significanceFactors', 'sanctionsTargets', 'initiatorRegimes', 'initiatorDialogues', 'criminalJusticeRelations', 'attributions', 'initiator', 'sanctionsRegime', 'natoStanding', 'asOf', 'qmvRule', 'rqmvRule', 'territoryVictims', 'outsideNato', 'delegationGap', 'formerMembers', 'joinedAfter', 'transit', 'externalThreat', 'demarcheAddressees', 'transitThirdStates', 'transitBudapest', 'transitCriminalJustice', 'transitMemberStates', 'attackEnd'] as const;
export type PhraseName = (typeof PHRASE_NAMES)[number];

export interface Situation {
  incident: IncidentInput;
  context: PlanContext;
  derived: Derived;
}

const FACTOR_WORDS: Record<string, string> = {
  'scale-or-severity': 'the scale or severity of the disruption (severity high or above)',
  'essential-services-disrupted': 'disruption of essential services',
  'physical-damage': 'physical damage',
  'loss-of-life': 'loss of life',
  'persons-affected': 'persons affected',
  'member-states-concerned': 'several member states concerned',
  'economic-loss': 'economic loss',
  'economic-benefit': 'economic benefit gained by the perpetrator',
  'data-stolen': 'data stolen or breached',
  'commercially-sensitive-data': 'commercially sensitive data accessed',
};

/** Decision (CFSP) 2019/797, Art. 2: the factors that bear on whether an effect is significant, where recorded. */
function significanceFactors(i: IncidentInput, scale: SeverityFile, memberVictims: number): string[] {
  const e = i.effects;
  const out: string[] = [];
  if (severityRank(scale, e.severity) >= severityRank(scale, 'high')) out.push('scale-or-severity');
  if (e.disruptsEssentialServices) out.push('essential-services-disrupted');
  if (e.physicalDamage) out.push('physical-damage');
  if (e.lossOfLife) out.push('loss-of-life');
  if ((e.personsAffected ?? 0) > 0) out.push('persons-affected');
  if (memberVictims >= 2) out.push('member-states-concerned');
  if ((e.economicLoss ?? 0) > 0) out.push('economic-loss');
  if (e.economicBenefit) out.push('economic-benefit');
  if (e.dataStolen) out.push('data-stolen');
  if (e.commerciallySensitiveData) out.push('commercially-sensitive-data');
  return out;
}

function describeFactors(ids: string[], i: IncidentInput, memberVictims: string[]): string {
  if (ids.length === 0) return 'none recorded';
  return ids
    .map((id) => {
      if (id === 'persons-affected') return `${(i.effects.personsAffected ?? 0).toLocaleString('en-GB')} persons affected`;
      if (id === 'economic-loss') return `economic loss of EUR ${(i.effects.economicLoss ?? 0).toLocaleString('en-GB')}`;
      if (id === 'member-states-concerned') return `${memberVictims.length} member states concerned (${memberVictims.join(', ')})`;
      return FACTOR_WORDS[id] ?? id;
    })
    .join('; ');
}

/** The groups of Decision (CFSP) 2019/797 Art. 1(4) and (5) in words: plans show no vocabulary code. */
const TARGET_WORDS: Record<Exclude<SanctionsTarget, null>, string> = {
  'critical-infrastructure': 'critical infrastructure (Art. 1(4)(a))',
  'essential-services': 'services necessary for essential social or economic activities (Art. 1(4)(b))',
  'critical-state-functions': 'critical State functions (Art. 1(4)(c))',
  'classified-information': 'the storage or processing of classified information (Art. 1(4)(d))',
  'government-emergency-response': 'government emergency response teams (Art. 1(4)(e))',
  'union-institutions': "the Union's institutions, bodies, offices and agencies (Art. 1(5))",
};

export function describeAttributions(i: IncidentInput): string {
  if (i.attribution.length === 0) return 'no attribution is recorded';
  return i.attribution
    .map((a) => `${a.kind} by ${a.by} (${a.confidence} confidence, ${a.public ? 'public' : 'not public'})`)
    .join('; ');
}

function describeDialogues(r: Relations | null, country: string | null): string {
  if (country === null) return 'no initiator state is known';
  if (r === null || !r.covered) return `the observatory holds no record of the EU's relations with ${country}`;
  const active = r.cyberDialogues.map((d) => `${d.name}${d.cyberSpecific ? '' : ' (cyber among other topics)'}`);
  const inactive = r.inactiveCyberDialogues.map((d) => `${d.name} (${d.status === 'unknown' ? 'status unknown: no report in three years' : d.status})`);
  const parts = [active.length ? `active: ${active.join('; ')}` : `no active cyber-related dialogue with ${r.name ?? country}`];
  if (inactive.length) parts.push(`not active: ${inactive.join('; ')}`);
  return parts.join('; ');
}

function describeCriminalJustice(r: Relations | null, country: string | null): string {
  if (country === null) return 'no initiator or host state is known';
  if (r === null || !r.covered) return `the observatory holds no record of agreements with ${country} (no MLA, extradition, Europol or Eurojust agreement is recorded; check before relying on it)`;
  const name = r.name ?? country;
  const agreements = r.criminalJusticeAgreements.map((a) => `${a.title} (${a.status})`);
  const b = r.budapestConvention;
  const status = b === null ? '' : b.status === 'ratified' ? `${ratification(b.inForce)}${b.bound ? '' : ': not yet bound'}` : b.status;
  const budapest = b ? `Budapest Convention: ${status}${b.stance ? `, ${b.stance}` : ''}` : 'Budapest Convention: no status recorded';
  return `${agreements.length ? `with ${name}: ${agreements.join('; ')}` : `no MLA, extradition, Europol or Eurojust agreement with ${name}`}; ${budapest}`;
}

/** When a renewal was decided, no more precisely than its source dates it: "2021-05-17", "May 2020" or "2023". */
function decidedText(decided: string | null): string {
  if (decided === null) return '';
  return isValidIsoMonth(decided) ? monthName(decided) : decided;
}

/** The cyber-sanctions regime on the plan's date, in words (Decision (CFSP) 2019/797, its renewals). */
function describeSanctionsRegime(file: SanctionsFile | null, asOf: IsoDate): { state: Derived['sanctionsRegime']; text: string } {
  if (file === null) return { state: 'not-consulted', text: 'the dates of the cyber-sanctions regime were not consulted for this plan' };
  const r = regimeOn(file, asOf);
  const acts = `${file.regime.decision.act} and ${file.regime.regulation.act}`;
  if (r.state === 'not-adopted') return { state: r.state, text: `on ${asOf} the Union has no cyber-sanctions regime: ${acts} were adopted on ${r.adopted}` };
  if (r.state === 'in-force') return { state: r.state, text: `on ${asOf} the cyber-sanctions regime (${acts}) is in force until ${r.until ?? ''}, as decided in ${decidedText(r.decided)}` };
  return { state: r.state, text: `on ${asOf} the cyber-sanctions regime (${acts}) is past its last recorded expiry, ${r.until ?? 'unknown'}, and no later renewal is recorded: check that the Council renewed it before listing under it` };
}

/**
 * The member states hit, each as an ally or not (member-states.ts), in words: a plan that hits an ally and a state
 * outside NATO (Austria, Cyprus, Ireland, Malta) says which channel is whose. A state that joined NATO after the start
 * is an ally for the attack if it joined while the attack went on and the plan is made after that day (Finland from
 * 4 April 2023); one that joined after the attack ended was not an ally while it was attacked.
 */
function describeNatoStanding(i: IncidentInput, members: readonly string[], allies: readonly string[], asOf: IsoDate): string {
  if (members.length === 0) return 'no member state is among the victims';
  const name = (c: string) => memberState(c)?.name ?? c;
  const one = (c: string): string => {
    const since = memberState(c)?.natoSince ?? null;
    if (!isMemberStateAt(c, asOf)) {
      const ally = isNatoMemberAt(c, asOf) ? 'an ally outside the Union on that date, as Norway is: its Article 5 is for it to invoke in NATO, not a step of this EU plan' : 'not a NATO ally on that date';
      return `${name(c)} was hit while a member state but has left the Union (a member state until ${memberState(c)?.memberUntil ?? '?'}) by the plan's date (${asOf}), so it is ${ally}`;
    }
    if (since !== null && since <= i.start) return `${name(c)} was a NATO ally when the attack began (${i.start})`;
    const joined = joinedSince(since, i, asOf);
    if (joined === 'during' && allies.includes(c)) return `${name(c)} joined NATO on ${since ?? ''} while the attack was still going on and is an ally on the plan's date (${asOf})`;
    if (joined === 'after') {
      return `${name(c)} joined NATO on ${since ?? ''}, after the attack ${i.end !== undefined ? `ended (${i.end})` : 'as recorded (no end and not marked ongoing: record its end, or mark it ongoing, if it went on after that day)'}, so it was not an ally while it was attacked: Article 5 answers an armed attack against an ally, and the allies' obligation did not bind them towards it then`;
    }
    if (since !== null && asOf < since) return `${name(c)} is not a NATO ally on the plan's date (${asOf}): it joins on ${since}`;
    return `${name(c)} ${isNatoMemberAt(c, asOf) ? 'is' : 'was'} not a NATO ally on ${i.start}`;
  };
  return members.map(one).join('; ');
}

/**
 * Victim states that joined the Union after the attack ended, as the record shows, and are members on the plan's date:
 * they were hit as third states (bendiek2018: the clauses are for member states that "are victims"), which the plan says
 * rather than a bare "no member state".
 */
function describeJoinedAfter(i: IncidentInput, asOf: IsoDate): string {
  const after = [...new Set(i.victims.map((v) => v.country))].filter((c) => isMemberStateAt(c, asOf) && joinedSince(memberState(c)?.memberSince, i, asOf) === 'after');
  if (after.length === 0) return '';
  const ended = i.end !== undefined ? `the attack ended on ${i.end}` : 'the record shows no end and the attack is not marked ongoing (record its end, or mark it ongoing, if it went on after the accession)';
  const names = after.map((c) => `${memberState(c)?.name ?? c} (a member state from ${memberState(c)?.memberSince ?? '?'})`).join(', ');
  return ` ${names} joined the Union after the attack: ${ended}, so it was hit as a third state. The solidarity and mutual assistance clauses are for a member state that is the victim, and the other member states owed it no aid under them while it was attacked; as a member state now it takes part in the Council's diplomatic response and can ask the Union for political support (a declaration of solidarity), and a measure for a third state hit (restrictive measures serving a CFSP objective) still reads the attack.`;
}

/**
 * Art. 238(3)(a) and (b) TFEU: a qualified majority takes 55 % of the members, a reinforced one 72 % (the figures of
 * data/council/voting-rules.yaml), counted here over the Council of the plan's date: 15 and 20 of 27, 16 and 21 of the
 * 28 members up to 31 January 2020.
 */
function membersFor(percent: number, asOf: IsoDate): string {
  const n = memberStatesAt(asOf).length;
  return `${Math.ceil((percent * n) / 100)} of ${n}`;
}

/**
 * The qualified majority and the reinforced one as the Council counts them on the plan's date: the double majority
 * from 1 November 2014 (a member could still ask for the weighted votes until 31 March 2017), the weighted votes of
 * Protocol No 36, Art. 3(3) before it, the Treaties of the time before 1 December 2009. What the vote simulator counts.
 */
export function qualifiedMajorities(asOf: IsoDate, weighted: WeightedVotes | undefined): { qmvRule: string; rqmvRule: string } {
  const n = memberStatesAt(asOf).length;
  const doubleFrom = weighted?.doubleMajorityFrom ?? '2014-11-01';
  if (asOf >= doubleFrom) {
    const onRequest =
      weighted && asOf <= weighted.requestUntil
        ? `; until ${weighted.requestUntil} a member may ask that the vote be counted in weighted votes instead (${weighted.basis})`
        : '';
    return {
      qmvRule: `55 % of the members, ${membersFor(55, asOf)} on the plan's date, representing 65 % of the population${onRequest}`,
      rqmvRule: `72 % of the members (${membersFor(72, asOf)}) representing 65 % of the population${onRequest}`,
    };
  }
  const period = weighted ? weightsOn(weighted, asOf) : undefined;
  if (!weighted || !period) {
    const why = asOf < (weighted?.firstDay ?? '2009-12-01') ? 'under the Treaties then in force' : `(Protocol No 36, Art. 3)`;
    return {
      qmvRule: `counted in weighted votes on the plan's date, before the double majority of ${doubleFrom}, ${why}; the weights are not read for this plan`,
      rqmvRule: `counted in weighted votes ${why}, cast by more of the members`,
    };
  }
  const members = (m: WeightedVotes['members']['qmv']) => (m.strictlyMore ? Math.floor((m.num * n) / m.den) + 1 : Math.ceil((m.num * n) / m.den));
  const check = `a member may ask to check that they hold ${weighted.populationCheckPercent} % of the population`;
  const votes = `${period.threshold} of the ${period.total} weighted votes`;
  return {
    qmvRule: `counted in weighted votes on the plan's date, before the double majority of ${doubleFrom} (${weighted.basis}): ${votes}, cast by a majority of the members (${members(weighted.members.qmv)} of ${n}); ${check}`,
    rqmvRule: `${votes} cast by at least two thirds of the members (${members(weighted.members.rqmv)} of ${n}); ${check}`,
  };
}

/** The other member states outside NATO on the plan's date, which owe Art. 42(7) TEU aid in their own way. */
function describeOutsideNato(asOf: IsoDate, victims: readonly string[]): string {
  const names = memberStatesAt(asOf)
    .filter((m) => !victims.includes(m.code) && !isNatoMemberAt(m.code, asOf))
    .map((m) => m.name);
  if (names.length === 0) return 'every other member state is in NATO, and all';
  return `the member states outside NATO on ${asOf} (${names.join(', ')})`;
}

/** Victims recorded under the code of a part of a member state (Réunion as RE): the plan names the member state. */
function describeTerritoryVictims(i: IncidentInput): string {
  const parts = [...new Set(i.victims.map((v) => v.country))].flatMap((code) => {
    const t = MEMBER_STATE_TERRITORIES[code];
    if (!t || i.start < t.since) return [];
    return [`${code} (${t.name}) is part of ${memberState(t.of)?.name ?? t.of}, ${t.kind}: record the victim as ${t.of} to read the member-state responses for it`];
  });
  return parts.length ? ` ${parts.join('; ')} (Art. 349 and 355 TFEU, unverified).` : '';
}

/** Victims whose country is unknown (imports keep them): the measures that need a victim member state ask for it. */
function describeUnknownVictims(i: IncidentInput): string {
  const unknown = i.victims.filter((v) => v.country === UNKNOWN_COUNTRY);
  if (unknown.length === 0) return '';
  const what = unknown.map((v) => [v.name, v.region ? `region ${v.region}` : null].filter(Boolean).join(', ') || 'unnamed').join('; ');
  return ` The country of ${unknown.length === 1 ? 'a victim' : `${unknown.length} victims`} is unknown (${what}): if a member state was hit, record which one to open these responses.`;
}

/** Derives once, for every rule of a plan, what the incident and the context say. */
export function deriveSituation(incident: IncidentInput, context: PlanContext, scale: SeverityFile): Situation {
  // Membership read on the start date, and for a state that joined since, on the plan's date if the attack was still
  // going on when it joined (the clauses and Article 5 concern the state's position when it invokes them).
  const countries = [...new Set(incident.victims.map((v) => v.country))];
  const joinedWhileHit = (since: IsoDate | null | undefined) => joinedSince(since, incident, context.asOf) === 'during';
  const memberStateVictims = countries.filter((c) => isMemberStateAt(c, incident.start) || (isMemberStateAt(c, context.asOf) && joinedWhileHit(memberState(c)?.memberSince)));
  const thirdStateVictims = countries.filter((c) => c !== EU_CODE && c !== UNKNOWN_COUNTRY && !memberStateVictims.includes(c));
  const formerMemberVictims = memberStateVictims.filter((c) => !isMemberStateAt(c, context.asOf));
  // A state hit while a member but gone by the plan's date is an ally outside the Union then, as Norway is: the plan's
  // Article 5 reads the member states hit that are still members (describeNatoStanding names the one that left).
  const natoAllyVictims = memberStateVictims.filter((c) => !formerMemberVictims.includes(c) && (isNatoMemberAt(c, incident.start) || joinedWhileHit(memberState(c)?.natoSince)));
  const country = incident.initiator.country;
  const initiatorThirdState = country !== null && !isMemberStateAt(country, incident.start);
  const transitThirdStates = transitThirdStatesOf(incident);
  const transitJustice = deriveTransitJustice(incident, transitThirdStates, context.transitRelations, context.asOf);
  const factors = significanceFactors(incident, scale, memberStateVictims.length);
  const targets = sanctionsTargetsOf(incident.victims.map((v) => v.sector));
  const inForce = regimesAgainst(context.regimes, country, context.asOf);
  const regimes = inForce.filter((r) => r.coversDualUse);
  // A regime that does not reach dual-use items (an arms embargo alone) is named, so the plan says why it does not count.
  const notDualUse = inForce.filter((r) => !r.coversDualUse).map((x) => `${x.title} (${x.act}, since ${x.from}) does not reach them`);
  const sanctionsRegime = describeSanctionsRegime(context.sanctions, context.asOf);
  const r = context.initiatorRelations;
  return {
    incident,
    context,
    derived: {
      memberStateVictims,
      formerMemberVictims,
      thirdStateVictims,
      natoAllyVictims,
      initiatorThirdState,
      transitThirdStates,
      transitMemberStates: transitJustice.memberStates,
      transitBudapestParties: transitJustice.budapestParties,
      significanceFactors: factors,
      sanctionsTargets: targets,
      initiatorRegimes: regimes,
      sanctionsRegime: sanctionsRegime.state,
      phrases: {
        unknownVictims: describeUnknownVictims(incident),
        territoryVictims: describeTerritoryVictims(incident),
        outsideNato: describeOutsideNato(context.asOf, memberStateVictims),
        delegationGap: describeDelegationGap(country, initiatorThirdState, transitThirdStates, incident.context.euDelegationInTransitCountry === true),
        transit: describeTransit(incident),
        externalThreat: describeExternalThreat(country, initiatorThirdState, transitThirdStates),
        demarcheAddressees: describeDemarcheAddressees(incident, initiatorThirdState, transitThirdStates),
        formerMembers: formerMemberVictims.map((c) => `${memberState(c)?.name ?? c} (a member state until ${memberState(c)?.memberUntil ?? '?'})`).join(', ') || 'none',
        significanceFactors: describeFactors(factors, incident, memberStateVictims),
        sanctionsTargets: targets.length ? targets.map((t) => TARGET_WORDS[t]).join('; ') : 'none of the listed kinds',
        initiatorRegimes: regimes.length ? regimes.map((x) => `${x.title} (${x.act}, since ${x.from})`).join('; ') : `no EU restrictive measures reaching dual-use exports are recorded against ${country ?? 'an unknown state'} on ${context.asOf}${notDualUse.length ? ` (${notDualUse.join('; ')})` : ''}`,
        initiatorDialogues: describeDialogues(r, country),
        criminalJusticeRelations: describeCriminalJustice(r, country),
        attributions: describeAttributions(incident),
        initiator: country ?? 'the unknown initiator state',
        sanctionsRegime: sanctionsRegime.text,
        natoStanding: describeNatoStanding(incident, memberStateVictims, natoAllyVictims, context.asOf),
        joinedAfter: describeJoinedAfter(incident, context.asOf),
        attackEnd: incident.end !== undefined ? `ended on ${incident.end}` : 'is recorded as over, with no end date',
        asOf: context.asOf,
        ...qualifiedMajorities(context.asOf, context.weightedVotes),
        ...transitJustice.phrases,
      },
      phraseSources: transitJustice.sources,
    },
  };
}

/** A plan context with nothing beyond the incident: no observatory record, no regimes, no sanctions framework. */
export function bareContext(asOf: IsoDate): PlanContext {
  return { asOf, regimes: { regimes: [] }, initiatorRelations: null, sanctions: null };
}

/** Rule texts may quote derived phrases as {name}; unknown names are refused when the data is loaded. */
/** Which of the démarche's and talks' needs fails: the initiator's country unknown, a member state, or no delegation given; and the transit states'. */
function describeDelegationGap(country: string | null, thirdState: boolean, transit: readonly string[], transitDelegation: boolean): string {
  const initiator =
    country === null
      ? "the initiator's country is unknown"
      : !thirdState
        ? `the initiator's country (${countryNameOf(country)}) is a member state`
        : `the incident does not record an EU delegation in ${countryNameOf(country)} (set "EU delegation in the initiator's country" if there is one)`;
  if (transit.length === 0) return initiator;
  if (transitDelegation) return initiator;
  return `${initiator}, and none is recorded in the transit ${transit.length === 1 ? 'state' : 'states'} ${namesOf(transit)} (set "EU delegation in the transit country" if there is one)`;
}

const namesOf = (codes: readonly string[]) => codes.map((c) => `${countryNameOf(c)} (${c})`).join(', ');

/** The transit states in words, each as inside or outside the Union on the start date. */
function describeTransit(i: IncidentInput): string {
  const codes = [...new Set(i.transit ?? [])];
  if (codes.length === 0) return 'no transit state is recorded';
  return codes.map((c) => `${countryNameOf(c)} (${c}${isMemberStateAt(c, i.start) ? ', a member state' : ''})`).join(', ');
}

/** What makes the attack an external threat (Decision (CFSP) 2019/797, Art. 1(2)), in words. */
function describeExternalThreat(country: string | null, thirdState: boolean, transit: readonly string[]): string {
  const parts: string[] = [];
  if (thirdState && country !== null) parts.push(`the initiator's country, ${countryNameOf(country)} (${country}), is a third state (Art. 1(2)(a), (c))`);
  if (transit.length > 0) parts.push(`the attack was carried out through infrastructure outside the Union, in ${namesOf(transit)} (Art. 1(2)(b))`);
  return parts.join('; and ');
}

/** To whom a démarche or talks can go, through which EU delegation. */
function describeDemarcheAddressees(i: IncidentInput, thirdState: boolean, transit: readonly string[]): string {
  const parts: string[] = [];
  const country = i.initiator.country;
  if (thirdState && country !== null && i.context.euDelegationInInitiatorCountry) parts.push(`the EU delegation in ${countryNameOf(country)}, the initiator's country, can deliver the message to its government`);
  if (transit.length > 0 && i.context.euDelegationInTransitCountry === true) {
    parts.push(`the EU delegation in the transit ${transit.length === 1 ? 'state' : 'states'} ${namesOf(transit)} can deliver it to ${transit.length === 1 ? 'that government' : 'those governments'}`);
  }
  return parts.join('; ');
}

export function fillPhrases(text: string, s: Situation): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => ((PHRASE_NAMES as readonly string[]).includes(name) ? s.derived.phrases[name as PhraseName] : whole));
}

export function unknownPhrases(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1] ?? '').filter((n) => !(PHRASE_NAMES as readonly string[]).includes(n));
}
