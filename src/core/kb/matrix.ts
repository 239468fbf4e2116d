// The partner x instrument matrix: for each partner, its position on each multilateral instrument and its agreements.
// A membership cell reads "no" only where a source says so (a not-member entry, e.g. a member list that leaves the
// partner out); a cell without any sourced entry stays `null`, shown as "no data". A cell of an instrument that did not
// yet exist on the as-of date reads "not yet" (`notYet` names the date the instrument began, with its sources).
import { toDate, type IsoDate } from '../dates';
import { holdsAt, valueAt, type Source } from '../provenance';
import { isMember, type Membership } from '../records/membership';
import type { BudapestEntry } from '../records/positions';
import { AgreementType, MembershipId } from '../vocabularies';
import { entryIntoForceOf, type BudapestEntryIntoForce } from './budapest-in-force';
import { matrixInForceText } from './budapest-in-force-text';
import type { Dataset } from './dataset';
import { listPartners, requirePartner } from './partners';
import { buildProfile } from './profile';

export interface MatrixCell {
  value: string | null;
  sources: Source[];
  /** Set when the instrument began after the as-of date: the date it began (its sources are the cell's sources). */
  notYet?: IsoDate;
}

export const POSITION_COLUMNS = ['budapest-convention', 'internet-governance', 'wcit-2012'] as const;

/** The value a cell shows for a partner that a source places outside the instrument. */
export const NOT_MEMBER = 'no';

/**
 * The date each instrument of the matrix began, as reviewed data with its source: before it, its column reads "not yet"
 * for every partner. An instrument not listed here existed before the period the knowledge base covers.
 */
export const INSTRUMENT_START: Readonly<Record<string, { from: IsoDate; reason: string; sources: Source[] }>> = {
  'paris-call': {
    from: '2018-11-12' as IsoDate,
    reason: 'The Paris Call for Trust and Security in Cyberspace was launched in Paris on 12 November 2018.',
    sources: [
      { ref: 'https://incyber.org/en/the-united-states-joins-paris-call-for-cybersecurity/', locator: 'InCyber news: the Paris Call and its nine principles (launched November 2018)' },
      { ref: 'https://www.telecompaper.com/news/us-signs-up-to-paris-call-for-trust-and-security-in-cyberspace-initiative--1403990', locator: 'the Paris Call of 2018, which the US did not then join' },
    ],
  },
  'un-cybercrime-convention': {
    from: '2024-12-24' as IsoDate,
    reason: 'The UN General Assembly adopted the UN Convention against Cybercrime by consensus on 24 December 2024 (resolution 79/243).',
    sources: [
      { ref: 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml', locator: 'UN Treaty Collection, chapter XVIII-16: adoption by GA resolution 79/243 of 24 December 2024' },
      { ref: 'https://www.mofa.go.jp/fp/is_sc/pagewe_000001_00080.html', locator: 'Ministry of Foreign Affairs of Japan: adoption by the General Assembly, 24 December 2024' },
    ],
  },
};

/** The "not yet" cell of an instrument that began after the date, or null where it existed (or no date is given). */
export function notYetCell(column: string, asOf: IsoDate | undefined): MatrixCell | null {
  const start = INSTRUMENT_START[column];
  if (!start || asOf === undefined || toDate(asOf) >= toDate(start.from)) return null;
  return { value: null, sources: start.sources, notYet: start.from };
}

export function instrumentColumns(): string[] {
  return [...POSITION_COLUMNS, ...MembershipId.options, ...AgreementType.options.map((t) => `agreement:${t}`)];
}

/** The entry of one instrument that holds at the date: a membership before a sourced absence, the latest-starting first. */
export function membershipCell(entries: readonly Membership[], id: string, asOf: IsoDate | undefined): MatrixCell {
  const holding = entries
    .filter((m) => m.id === id && holdsAt(m.from, m.until, asOf))
    .sort((a, b) => Number(isMember(b)) - Number(isMember(a)) || (toDate(a.from) < toDate(b.from) ? 1 : -1));
  const m = holding[0];
  if (!m) return { value: null, sources: [] };
  const value = isMember(m) ? (m.role ?? 'member') : (m.role ?? NOT_MEMBER);
  const session = m.session ? ` ${m.session}` : '';
  return { value: `${value}${session}${m.unverified ? ' (unverified)' : ''}`, sources: m.sources };
}

/**
 * The Budapest cell of a ratification: the Convention binds a state from its entry into force, not from the deposit
 * (`budapest-in-force.ts`), so the cell says the deposit's day and whether the Convention is in force on the date; a
 * source that states the day is cited beside the position's.
 */
function budapestCell(history: readonly BudapestEntry[], plain: MatrixCell, view: { unverified?: boolean | undefined } | null, asOf: IsoDate | undefined): MatrixCell {
  const current = valueAt<string, BudapestEntry>(history, asOf);
  const inForce = view && current ? budapestInForceWords(history, current, asOf, view.unverified === true) : null;
  if (!inForce) return plain;
  return { value: inForce.words, sources: withStatedDay(plain.sources, inForce) };
}

/** A position's sources and, after them, those that state the day of entry into force (none where it is derived) not already cited. */
export function withStatedDay<S extends Source>(sources: readonly S[], inForce: Pick<BudapestEntryIntoForce, 'derived' | 'sources'>): (S | Source)[] {
  const cited = new Set(sources.map((s) => `${s.ref} ${s.locator}`));
  const stated = inForce.derived ? [] : inForce.sources.filter((s) => !cited.has(`${s.ref} ${s.locator}`));
  return [...sources, ...stated];
}

/**
 * The words of the matrix's Budapest cell for an entry of the partner's history (`matrixInForceText`: the deposit and
 * whether the Convention is in force on the date), with the entry into force they rest on; null where the entry is no
 * ratification or its entry into force cannot be given. The compare view's row uses it, so both say the same.
 */
export function budapestInForceWords(history: readonly BudapestEntry[], entry: BudapestEntry, asOf: IsoDate | undefined, entryUnverified = false): (BudapestEntryIntoForce & { words: string }) | null {
  const inForce = entryIntoForceOf(history, entry);
  if (!inForce) return null;
  const bound = asOf === undefined ? null : inForce.date <= asOf;
  return { ...inForce, words: matrixInForceText(inForce, bound, entryUnverified) };
}

export function instrumentMatrix(dataset: Dataset, asOf: IsoDate | undefined) {
  const columns = instrumentColumns();
  const rows = listPartners(dataset, asOf).map(({ id, name }) => {
    const p = buildProfile(dataset, id, asOf);
    const memberships = requirePartner(dataset, id).file.memberships;
    const cells: Record<string, MatrixCell> = {};
    // A value that rests on an unverified entry says so, as a membership's does.
    const pos = (v: { value: string; stance?: string | undefined; unverified?: boolean | undefined; sources: Source[] } | null): MatrixCell =>
      v ? { value: `${v.stance ? `${v.value} (${v.stance})` : v.value}${v.unverified ? ' (unverified)' : ''}`, sources: v.sources } : { value: null, sources: [] };
    cells['budapest-convention'] = budapestCell(requirePartner(dataset, id).file.positions.budapestConvention, pos(p.positions.budapestConvention), p.positions.budapestConvention, asOf);
    cells['internet-governance'] = pos(p.positions.internetGovernance);
    cells['wcit-2012'] = pos(p.positions.wcit2012);
    for (const m of MembershipId.options) cells[m] = membershipCell(memberships, m, asOf);
    // The UN cybercrime convention's signatories are memberships; a partner the sources say did not sign has only the
    // position (UN Treaty Collection, press), which the cell shows rather than "no data".
    if (cells['un-cybercrime-convention']?.value === null && p.positions.unCybercrimeConvention) cells['un-cybercrime-convention'] = pos(p.positions.unCybercrimeConvention);
    for (const t of AgreementType.options) {
      const found = p.agreements.filter((a) => a.type === t);
      cells[`agreement:${t}`] = found.length
        ? { value: found.map((a) => `${a.status}${a.statusUnverified ? ' (unverified)' : ''}`).join(', '), sources: found.flatMap((a) => a.sources) }
        : { value: null, sources: [] };
    }
    for (const col of columns) {
      const notYet = notYetCell(col, asOf);
      if (notYet) cells[col] = notYet;
    }
    return { id, name, cells };
  });
  return { asOf: asOf ?? null, columns, rows };
}
export type InstrumentMatrix = ReturnType<typeof instrumentMatrix>;
