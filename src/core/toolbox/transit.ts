// What a plan can ask of the states whose infrastructure the attack went through (the incident's `transit`): outside
// the Union, what the observatory records with each on the plan's date (the Budapest Convention, the Union's MLA,
// extradition, Europol and Eurojust agreements), or plainly that nothing is recorded; inside it, the Union's own channels.
import type { IsoDate } from '../dates';
import { countryNameOf } from '../exchange/country-names';
import { ratification } from '../kb/budapest-in-force-text';
import type { Relations } from '../kb/relations';
import type { Source } from '../provenance';
import { uniqueSources } from '../unique-sources';
import type { IncidentInput } from './incident';
import { isMemberStateAt } from './member-states';

/** The observatory files the United Kingdom as UK; an incident records it by its ISO code, GB. */
export function observatoryIdOf(code: string): string {
  return code === 'GB' ? 'UK' : code;
}

/** The transit states an observatory is asked about: those outside the Union on the incident's start date. */
export function transitThirdStatesOf(incident: IncidentInput): string[] {
  return [...new Set(incident.transit ?? [])].filter((c) => !isMemberStateAt(c, incident.start));
}

export interface TransitJustice {
  /** Transit states that were member states on the start date: reached through the Union's own channels. */
  memberStates: string[];
  /** Transit states outside the Union for which the Budapest Convention is in force on the plan's date, as the observatory records it. */
  budapestParties: string[];
  phrases: { transitThirdStates: string; transitBudapest: string; transitCriminalJustice: string; transitMemberStates: string };
  /** The observatory's sources for what the phrases state (the Budapest statuses and the agreements named). */
  sources: { transitBudapest: Source[]; transitCriminalJustice: Source[] };
}

const KIND_WORDS: Record<string, string> = {
  mla: 'mutual legal assistance',
  extradition: 'extradition',
  'europol-operational': 'Europol operational',
  'europol-strategic': 'Europol strategic',
  eurojust: 'Eurojust',
  'liaison-magistrate': 'liaison magistrate',
};

const name = (code: string) => `${countryNameOf(code)} (${code})`;

/**
 * renard2014 and renard2016: the Budapest Convention binds its parties only, and the Union's MLA, extradition, Europol
 * and Eurojust agreements are what eases criminal investigations with a partner. Each transit state outside the Union is
 * read in the observatory on the plan's date; a state it does not cover is said to be unrecorded, not to have nothing.
 * A state is a party from the Convention's entry into force for it, not from its deposit (`budapest-in-force.ts`).
 */
export function deriveTransitJustice(incident: IncidentInput, thirdStates: readonly string[], relations: readonly Relations[] | undefined, asOf: IsoDate): TransitJustice {
  const memberStates = [...new Set(incident.transit ?? [])].filter((c) => isMemberStateAt(c, incident.start));
  const of = (code: string) => relations?.find((r) => r.state === observatoryIdOf(code));
  const budapestParties = thirdStates.filter((c) => of(c)?.budapestConvention?.bound === true);
  // The parties' statuses where there are any (the phrase names only them), otherwise every status the phrase gives.
  const budapestSources = (budapestParties.length ? budapestParties : thirdStates).flatMap((c) => budapestSourcesOf(of(c)));
  const allBudapestSources = thirdStates.flatMap((c) => budapestSourcesOf(of(c)));
  const agreementSources = thirdStates.flatMap((c) => (of(c)?.criminalJusticeAgreements ?? []).flatMap((a) => a.sources));
  return {
    memberStates,
    budapestParties,
    phrases: {
      transitThirdStates: thirdStates.length ? thirdStates.map(name).join(', ') : 'no transit state outside the Union is recorded',
      transitBudapest: describeBudapest(thirdStates, budapestParties, relations, of, asOf),
      transitCriminalJustice: thirdStates.length === 0 ? 'no transit state outside the Union is recorded' : thirdStates.map((c) => describeState(c, of(c), relations !== undefined, asOf)).join('; '),
      transitMemberStates: memberStates.length ? memberStates.map(name).join(', ') : 'no transit state inside the Union is recorded',
    },
    sources: { transitBudapest: uniqueSources(budapestSources), transitCriminalJustice: uniqueSources([...allBudapestSources, ...agreementSources]) },
  };
}

/** The sources of what the phrases say of a state's Budapest status: the status, its entry into force, or the unverified record. */
function budapestSourcesOf(r: Relations | undefined): Source[] {
  if (r?.budapestConvention) return [...r.budapestConvention.sources, ...(r.budapestConvention.inForce && !r.budapestConvention.inForce.derived ? r.budapestConvention.inForce.sources : [])];
  if (r?.budapestUnverified) return [...r.budapestUnverified.sources, ...(r.budapestUnverified.inForce && !r.budapestUnverified.inForce.derived ? r.budapestUnverified.inForce.sources : [])];
  return [];
}

function describeBudapest(thirdStates: readonly string[], parties: readonly string[], relations: readonly Relations[] | undefined, of: (c: string) => Relations | undefined, asOf: IsoDate): string {
  if (thirdStates.length === 0) return 'no transit state outside the Union is recorded';
  if (relations === undefined) return `the observatory was not consulted for this plan on ${thirdStates.map(name).join(', ')}`;
  if (parties.length > 0) return `${parties.map((c) => `${name(c)}, ${ratification(of(c)?.budapestConvention?.inForce ?? null)}`).join('; ')}, as the observatory records it on ${asOf}`;
  return thirdStates.map((c) => `${name(c)}: ${budapestStatus(of(c))}`).join('; ') + ` (on ${asOf})`;
}

function budapestStatus(r: Relations | undefined): string {
  if (r === undefined || !r.covered) return 'the observatory holds no record of its status';
  // relationsWith leaves out unverified entries: a status only an unverified source gives is not one to rely on.
  if (r.budapestConvention === null) return r.budapestUnverified ? `no verified status recorded; ${unverifiedRecord(r.budapestUnverified)}` : 'no verified status recorded';
  const b = r.budapestConvention;
  if (b.status !== 'ratified') return `${b.status}, not ratified`;
  if (b.bound) return ratification(b.inForce);
  return b.inForce ? `${ratification(b.inForce)}: not yet bound` : `${ratification(null)}: not relied on as bound`;
}

/** What an unverified record gives, said as such: known only from a source not checked, so relied on by nothing. */
function unverifiedRecord(u: NonNullable<Relations['budapestUnverified']>): string {
  const what = u.status === 'ratified' ? ratification(u.inForce) : u.status === 'signed' ? 'signed, not ratified' : `${u.status}, not ratified`;
  return `only an unverified source records it as ${what}, which the plan does not rely on until checked`;
}

/** One transit state: the Convention's status, the Union's agreements with it, and where none exists, that only a diplomatic request remains. */
function describeState(code: string, r: Relations | undefined, consulted: boolean, asOf: IsoDate): string {
  if (!consulted) return `${name(code)}: the observatory was not consulted for this plan; check the state's Budapest status and its agreements with the Union before relying on them`;
  if (r === undefined || !r.covered) {
    return `${name(code)}: the observatory holds no record of this state (no Budapest status and no MLA, extradition, Europol or Eurojust agreement is recorded; check before relying on one), so as far as it shows only a diplomatic request can go to it`;
  }
  const b = r.budapestConvention;
  const party = b?.bound === true;
  const pending = b?.status === 'ratified' && !party && b.inForce !== null;
  const budapest = party ? `a party to the Budapest Convention (${ratification(b.inForce)})` : `Budapest Convention ${budapestStatus(r)}`;
  const usable = r.criminalJusticeAgreements.filter((a) => a.usable);
  const agreements = r.criminalJusticeAgreements.map((a) => `${KIND_WORDS[a.type] ?? a.type}: ${a.title} (${a.status}${a.usable ? '' : ', not usable yet'})`);
  const withUnion = agreements.length ? `with the Union, ${agreements.join('; ')}` : 'no MLA, extradition, Europol or Eurojust agreement with the Union is recorded';
  let consequence = '';
  if (pending) {
    consequence = usable.length
      ? `: until ${b.inForce?.date ?? ''} the Convention's requests (preservation, mutual assistance, the 24/7 network) cannot go to it; only the Union's agreements in force named here and a diplomatic request can`
      : `: until ${b.inForce?.date ?? ''} the Convention's requests (preservation, mutual assistance, the 24/7 network) cannot go to it, and no agreement in force binds it, so only a diplomatic request can go to it`;
  } else if (!party && usable.length === 0) {
    consequence = ': neither the Convention nor an agreement in force binds it on that day, so only a diplomatic request can go to it';
  }
  return `${name(code)} on ${asOf}: ${budapest}; ${withUnion}${consequence}`;
}
