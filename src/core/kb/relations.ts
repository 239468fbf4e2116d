// What the observatory holds on the EU's relations with one state on a date, for the response toolbox: the
// cyber-related dialogues, the criminal-justice agreements (MLA, extradition, Europol, Eurojust) and the
// Budapest Convention status. This is where the partnership map feeds the response plan.
import type { IsoDate } from '../dates';
import type { Source } from '../provenance';
import { labelOf } from '../labels';
import { CYBER_RELATED_TOPICS } from '../vocabularies';
import type { Dataset } from './dataset';
import { agreementView, dialogueView, dialoguesOf } from './profile';
import { valueAt } from '../provenance';
import { budapestBindingAt, entryIntoForceOf, type BudapestEntryIntoForce } from './budapest-in-force';

/** Agreement types that carry criminal-justice cooperation. */
const CRIMINAL_JUSTICE_AGREEMENTS = new Set(['mla', 'extradition', 'europol-operational', 'europol-strategic', 'eurojust', 'liaison-magistrate']);
/** Statuses under which an agreement can be used now, rather than being prepared. */
const USABLE = new Set(['in-force']);

export interface RelationDialogue {
  id: string;
  name: string;
  level: string;
  cyberSpecific: boolean;
  status: string;
  topics: string[];
  sources: Source[];
}

export interface RelationAgreement {
  id: string;
  type: string;
  title: string;
  status: string;
  usable: boolean;
  sources: Source[];
}

export interface Relations {
  state: string;
  /** False when the observatory does not cover the state: it then records nothing, which is not "none exists". */
  covered: boolean;
  name: string | null;
  asOf: IsoDate;
  /** Active dialogues with a cyber topic (renard2016, section 5), cyber-specific ones first. */
  cyberDialogues: RelationDialogue[];
  /** Cyber-related dialogues that exist but are not active on the date (dormant, on hold, planned). */
  inactiveCyberDialogues: RelationDialogue[];
  criminalJusticeAgreements: RelationAgreement[];
  /**
   * The status on the date and, for a ratification, its entry into force (stated by a source or derived from the deposit):
   * `bound` only once the Convention is in force for the state.
   */
  budapestConvention: { status: string; stance: string | null; inForce: BudapestEntryIntoForce | null; bound: boolean; sources: Source[] } | null;
  /**
   * What only unverified entries give on the date (relied on by nothing, said as it is): the status and its entry into
   * force; null when a verified entry gives the status or nothing is recorded.
   */
  budapestUnverified: { status: string; inForce: BudapestEntryIntoForce | null; sources: Source[] } | null;
}

/** The observatory's record of the EU's relations with `state` on `asOf`. */
export function relationsWith(dataset: Dataset, state: string, asOf: IsoDate): Relations {
  const entry = dataset.partners.get(state);
  if (!entry) {
    return { state, covered: false, name: null, asOf, cyberDialogues: [], inactiveCyberDialogues: [], criminalJusticeAgreements: [], budapestConvention: null, budapestUnverified: null };
  }
  const dialogues = dialoguesOf(dataset, state)
    .map((d) => dialogueView(d, asOf))
    .filter((d): d is NonNullable<typeof d> => d !== null)
    .filter((d) => d.cyberSpecific || d.topics.some((t) => CYBER_RELATED_TOPICS.includes(t)))
    // A status that rests only on an unverified entry is not one a plan may rely on: the dialogue counts as not active.
    .map((d) => ({ id: d.id, name: d.name, level: d.level, cyberSpecific: d.cyberSpecific, status: d.statusUnverified ? `reported ${labelOf(d.status)} only by an unverified source` : d.status, topics: d.topics, sources: d.sources }))
    .sort((a, b) => Number(b.cyberSpecific) - Number(a.cyberSpecific) || a.id.localeCompare(b.id));
  const agreements = entry.agreements
    .filter((a) => CRIMINAL_JUSTICE_AGREEMENTS.has(a.type))
    .map((a) => agreementView(a, asOf))
    .filter((a): a is NonNullable<typeof a> => a !== null)
    .map((a) => ({ id: a.id, type: a.type, title: a.title, status: a.status, usable: USABLE.has(a.status) && !a.statusUnverified, sources: a.sources }));
  const history = entry.file.positions.budapestConvention;
  const verified = history.filter((e) => !e.unverified);
  const budapest = valueAt(verified, asOf);
  const binding = budapestBindingAt(verified, asOf);
  const unverified = budapest ? undefined : valueAt(history, asOf);
  return {
    state,
    covered: true,
    name: entry.file.partner.name,
    asOf,
    cyberDialogues: dialogues.filter((d) => d.status === 'active'),
    inactiveCyberDialogues: dialogues.filter((d) => d.status !== 'active'),
    criminalJusticeAgreements: agreements,
    budapestConvention: budapest ? { status: budapest.value, stance: budapest.stance ?? null, inForce: binding?.inForce ?? null, bound: binding?.bound ?? false, sources: budapest.sources } : null,
    budapestUnverified: unverified ? { status: unverified.value, inForce: entryIntoForceOf(history, unverified), sources: unverified.sources } : null,
  };
}
