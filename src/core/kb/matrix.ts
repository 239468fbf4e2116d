// The partner x instrument matrix: for each partner, its position on each multilateral instrument and its agreements.
import type { IsoDate } from '../dates';
import type { Source } from '../provenance';
import { AgreementType, MembershipId } from '../vocabularies';
import type { Dataset } from './dataset';
import { listPartners } from './partners';
import { buildProfile } from './profile';

export interface MatrixCell {
  value: string | null;
  sources: Source[];
}

export const POSITION_COLUMNS = ['budapest-convention', 'internet-governance', 'wcit-2012'] as const;

export function instrumentColumns(): string[] {
  return [...POSITION_COLUMNS, ...MembershipId.options, ...AgreementType.options.map((t) => `agreement:${t}`)];
}

export function instrumentMatrix(dataset: Dataset, asOf: IsoDate | undefined) {
  const columns = instrumentColumns();
  const rows = listPartners(dataset).map(({ id, name }) => {
    const p = buildProfile(dataset, id, asOf);
    const cells: Record<string, MatrixCell> = {};
    const pos = (v: { value: string; stance?: string | undefined; sources: Source[] } | null): MatrixCell =>
      v ? { value: v.stance ? `${v.value} (${v.stance})` : v.value, sources: v.sources } : { value: null, sources: [] };
    cells['budapest-convention'] = pos(p.positions.budapestConvention);
    cells['internet-governance'] = pos(p.positions.internetGovernance);
    cells['wcit-2012'] = pos(p.positions.wcit2012);
    for (const m of MembershipId.options) {
      const found = p.membershipDetails.find((d) => d.id === m);
      cells[m] = found ? { value: found.role ?? 'member', sources: found.sources } : { value: null, sources: [] };
    }
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
