// The toolbox's views as tables for their CSV files: the cyber-sanctions register and an incident's response plan.
// The register is public (TLP:CLEAR); a plan carries its incident's marking.
import type { CsvCell } from './csv';
import type { SanctionsView } from '../sanctions-types';
import type { PlanMeasure, TlpLevel } from '../toolbox-types';
import { citationsText } from './citation';
import type { ExportTable } from './csv-export';
import { isRecord, textOf } from './describe';
import { decisionCell } from './decision-words';
import { humanise } from './format';
import { attributionSentence } from './measure-attribution';

/** Every target listed on the date, then those delisted since an earlier listing. */
export function sanctionsTable(v: SanctionsView, asOf: string | undefined): ExportTable {
  const row = (t: SanctionsView['targets'][number], state: string): CsvCell[] => [
    t.name,
    t.kind === 'person' ? 'Person' : 'Entity',
    state,
    t.annexEntry,
    t.since,
    t.delistedOn ?? '',
    t.state ?? '',
    t.incidents.join('; '),
    t.summary ?? '',
    `${t.reasons.citation} ${t.reasons.url}`,
  ];
  return {
    view: 'sanctions',
    asOf,
    tlp: 'clear',
    headers: ['Name', 'Kind', 'Listing', 'Annex entry', 'Listed since', 'Delisted on', 'State tied to', 'Incidents named', 'Summary', 'Source (statement of reasons)'],
    rows: [...v.targets.map((t) => row(t, 'Listed')), ...v.delisted.map((t) => row(t, 'Delisted'))],
  };
}

/** The plan's measures in escalation order: open or closed, who decides how, on which basis, why, on whose word. */
export function planTable(measures: PlanMeasure[], incident: { id: string; title: string }, tlp: TlpLevel, asOf: string | undefined): ExportTable {
  const rows = measures.map((m, i): CsvCell[] => [
    i + 1,
    m.title,
    humanise(m.category),
    m.available ? 'Open' : 'Closed',
    decisionCell(m.decision),
    m.legalBasis.map((b) => (isRecord(b) ? textOf(b.label ?? b) : textOf(b))).join('; '),
    [...m.reasons.map((r) => `${r.kind === 'advisory' ? 'Consider' : r.holds ? 'Met' : 'Not met'}: ${r.text}`), ...(m.attribution ? [attributionSentence(m.attribution)] : [])].join(' | '),
    citationsText([...(m.sources ?? []), ...m.reasons.flatMap((r) => r.sources)]),
  ]);
  return {
    view: 'plan',
    subject: incident.title,
    asOf,
    tlp,
    headers: ['Order', 'Measure', 'Category', 'Open or closed', 'Decision', 'Legal basis', 'Reasons', 'Sources'],
    rows,
  };
}
