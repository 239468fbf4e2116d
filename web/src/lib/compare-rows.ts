// The dimensions on which partners are compared side by side: the assessment's (from /api/compare) and the
// knowledge base's facts (from each profile), each cell with its sources.
import type { CompareResult, ExplanationStep, PartnerProfile, PositionView, Source } from '../api-types';
import { uniqueSources } from './describe';
import { humanise } from './format';

export interface CompareCell {
  text: string;
  sources: Source[];
  why?: ExplanationStep[];
}

export interface CompareRow {
  group: string;
  label: string;
  cells: CompareCell[];
}

const plain = (text: string): CompareCell => ({ text, sources: [] });
const position = (v: PositionView | null): CompareCell =>
  v ? { text: `${humanise(v.value)}${v.stance ? ` (${humanise(v.stance)})` : ''}`, sources: v.sources } : plain('—');

const GROUPS: [RegExp, string][] = [
  [/^(orientation|maturity)$/, 'Assessment'],
  [/^dimension:/, 'Dimensions'],
  [/^purpose:/, 'Purposes'],
  [/^metric:/, 'Institutions'],
  [/^position:/, 'Multilateral alignment'],
];

function fromCompare(result: CompareResult, ids: string[]): CompareRow[] {
  return result.rows.map((r) => ({
    group: GROUPS.find(([re]) => re.test(r.key))?.[1] ?? 'Assessment',
    label: r.title,
    cells: ids.map((id) => {
      const v = r.values[id];
      if (!v || v.value === null) return plain('—');
      const top = v.top ?? [];
      return {
        text: typeof v.value === 'number' ? String(v.value) : humanise(v.value),
        sources: uniqueSources(top.flatMap((t) => t.sources ?? [])),
        why: top,
      };
    }),
  }));
}

function fromProfiles(profiles: PartnerProfile[], withPositions: boolean): CompareRow[] {
  const rows: CompareRow[] = [];
  const count = (group: string, label: string, f: (p: PartnerProfile) => number) =>
    rows.push({ group, label, cells: profiles.map((p) => plain(String(f(p)))) });
  count('Institutions', 'Documents', (p) => p.documents.length);
  count('Institutions', 'Documents substantial on cyber', (p) => p.documents.filter((d) => d.cyberMention === 'substantial').length);
  count('Institutions', 'Dialogues (any status)', (p) => p.dialogues.length);
  count('Institutions', 'Summit or ministerial dialogues', (p) => p.dialogues.filter((d) => d.level === 'summit' || d.level === 'ministerial').length);
  rows.push({
    group: 'Legal framework',
    label: 'Agreements',
    cells: profiles.map((p) => ({
      text: p.agreements.length ? p.agreements.map((a) => `${humanise(a.type)}: ${humanise(a.status)}`).join('; ') : '—',
      sources: uniqueSources(p.agreements.flatMap((a) => a.sources)),
    })),
  });
  if (withPositions) {
    rows.push({ group: 'Multilateral alignment', label: 'Budapest Convention', cells: profiles.map((p) => position(p.positions.budapestConvention)) });
    rows.push({ group: 'Multilateral alignment', label: 'UN Convention against Cybercrime', cells: profiles.map((p) => position(p.positions.unCybercrimeConvention ?? null)) });
    rows.push({ group: 'Multilateral alignment', label: 'Internet governance', cells: profiles.map((p) => position(p.positions.internetGovernance)) });
    rows.push({ group: 'Multilateral alignment', label: 'WCIT-12', cells: profiles.map((p) => position(p.positions.wcit2012)) });
  }
  rows.push({
    group: 'Multilateral alignment',
    label: 'Memberships',
    cells: profiles.map((p) => ({
      text: p.memberships.length ? p.memberships.map(humanise).join(', ') : '—',
      sources: uniqueSources(p.membershipDetails.flatMap((m) => m.sources)),
    })),
  });
  count('Delivery and trust', 'Cooperation delivered', (p) => p.cooperation.length);
  count('Delivery and trust', 'Tensions named', (p) => p.tensions.length);
  rows.push({ group: 'Delivery and trust', label: 'Perceived as', cells: profiles.map((p) => position(p.perception)) });
  return rows;
}

const ORDER = ['Assessment', 'Dimensions', 'Purposes', 'Institutions', 'Legal framework', 'Multilateral alignment', 'Delivery and trust'];

export function compareRows(profiles: PartnerProfile[], result: CompareResult | undefined): CompareRow[] {
  const ids = profiles.map((p) => p.id);
  const rows = [...(result ? fromCompare(result, ids) : []), ...fromProfiles(profiles, !result)];
  return rows.map((r, i) => ({ r, i })).sort((a, b) => ORDER.indexOf(a.r.group) - ORDER.indexOf(b.r.group) || a.i - b.i).map(({ r }) => r);
}
