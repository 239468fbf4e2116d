// The partner x instrument matrix: for each partner, its position on each multilateral instrument and its agreements.
// A membership cell reads "no" only where a source says so (a not-member entry, e.g. a member list that leaves the
// partner out); a cell without any sourced entry stays `null`, shown as "no data".
import { toDate, type IsoDate } from '../dates';
import { holdsAt, type Source } from '../provenance';
import { isMember, type Membership } from '../records/membership';
import { AgreementType, MembershipId } from '../vocabularies';
import type { Dataset } from './dataset';
import { listPartners, requirePartner } from './partners';
import { buildProfile } from './profile';

export interface MatrixCell {
  value: string | null;
  sources: Source[];
}

export const POSITION_COLUMNS = ['budapest-convention', 'internet-governance', 'wcit-2012'] as const;

/** The value a cell shows for a partner that a source places outside the instrument. */
export const NOT_MEMBER = 'no';

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

export function instrumentMatrix(dataset: Dataset, asOf: IsoDate | undefined) {
  const columns = instrumentColumns();
  const rows = listPartners(dataset, asOf).map(({ id, name }) => {
    const p = buildProfile(dataset, id, asOf);
    const memberships = requirePartner(dataset, id).file.memberships;
    const cells: Record<string, MatrixCell> = {};
    const pos = (v: { value: string; stance?: string | undefined; sources: Source[] } | null): MatrixCell =>
      v ? { value: v.stance ? `${v.value} (${v.stance})` : v.value, sources: v.sources } : { value: null, sources: [] };
    cells['budapest-convention'] = pos(p.positions.budapestConvention);
    cells['internet-governance'] = pos(p.positions.internetGovernance);
    cells['wcit-2012'] = pos(p.positions.wcit2012);
    for (const m of MembershipId.options) cells[m] = membershipCell(memberships, m, asOf);
    for (const t of AgreementType.options) {
      const found = p.agreements.filter((a) => a.type === t);
      cells[`agreement:${t}`] = found.length
        ? { value: found.map((a) => a.status).join(', '), sources: found.flatMap((a) => a.sources) }
        : { value: null, sources: [] };
    }
    return { id, name, cells };
  });
  return { asOf: asOf ?? null, columns, rows };
}
export type InstrumentMatrix = ReturnType<typeof instrumentMatrix>;
