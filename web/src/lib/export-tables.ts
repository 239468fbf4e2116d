// The observatory's views as tables for their CSV files: partner, comparison, instrument matrix, network and the
// overview's dialogues per partner per year. The
// knowledge base is public, so these carry TLP:CLEAR; every row names its sources in full.
import type { CsvCell } from './csv';
import type { ActiveDialoguesYear, Assessment, DialogueFact, Gaps, InstrumentMatrix, PartnerProfile, PartnerSummary, PositionView, Source, TimedValue } from '../api-types';
import { coverageLabel, coverageText, laterFactText, statusAsOfText } from '../../../src/core/kb/record-coverage-text';
import { positionInForceText, positionValueText, type InForceView } from '../../../src/core/kb/budapest-in-force-text';
import { activeUnverifiedText, unverifiedStatusNote } from '../../../src/core/kb/unverified-status';
import { citationsText } from './citation';
import type { CompareRow } from './compare-rows';
import type { ExportTable } from './csv-export';
import { strategyRows } from './csv-partner-strategies';
import { humanise } from './format';
import type { Network } from './network';

const period = (from: string | number | null | undefined, until?: string | number | null) => [from === null || from === undefined ? '' : String(from), until === null || until === undefined ? '' : String(until)];

const positionText = (v: TimedValue & InForceView) => `${positionValueText(v, humanise)}${v.stance ? ` (${humanise(v.stance).toLowerCase()})` : ''}`;

/** A position's value, stance, whether a source only reports it, whether it rests on an unverified entry, and what other sources say against it. */
function positionDetail(v: PositionView): string {
  return [
    positionText(v),
    positionInForceText(v) ?? '',
    v.reported ? 'first reported then, start not given' : '',
    v.unverified ? 'unverified' : '',
    v.note ?? '',
    ...(v.disagreements ?? []).map((d) => `another source says: ${d.claim} (${citationsText(d.sources)})`),
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * One row per fact of a partnership as its page shows it (documents, dialogues, agreements, positions with the UN
 * votes and memberships, cooperation, tensions and attention, national strategies), then its assessment and gaps:
 * section, fact, what it is, from, until, sources.
 */
export function partnerTable(p: PartnerProfile, asOf: string | undefined, assessment?: Assessment, gaps?: Gaps): ExportTable {
  const rows: CsvCell[][] = [];
  const add = (section: string, fact: string, detail: string, when: string[], sources: readonly Source[]) => rows.push([section, fact, detail, ...when, citationsText(sources)]);
  for (const d of p.documents) add('Documents', d.title, `${humanise(d.type)}; cyber: ${humanise(d.cyberMention).toLowerCase()}`, period(d.year), d.sources);
  for (const d of p.dialogues)
    add('Dialogues', d.name, [humanise(d.level), humanise(d.status).toLowerCase(), d.topics.map((t) => humanise(t).toLowerCase()).join(', '), unverifiedStatusNote(d)].filter(Boolean).join('; '), period(d.established), d.sources);
  for (const a of p.agreements)
    add('Agreements', a.title, [`${humanise(a.type)}: ${humanise(a.status).toLowerCase()}`, a.statusAsOf ? statusAsOfText(a.statusAsOf) : '', unverifiedStatusNote(a)].filter(Boolean).join('; '), period(a.year), a.sources);
  const positions: [string, PositionView | null | undefined][] = [
    ['Budapest Convention', p.positions.budapestConvention],
    ['UN Convention against Cybercrime', p.positions.unCybercrimeConvention],
    ['Internet governance', p.positions.internetGovernance],
    ['WCIT-12 final acts', p.positions.wcit2012],
    ['Perceived by the EU as', p.perception],
  ];
  for (const [label, v] of positions) if (v) add('Positions', label, positionDetail(v), period(v.from, v.until), v.sources);
  for (const v of p.unVotes ?? [])
    add(
      'Positions',
      `UN General Assembly resolution ${v.resolution}`,
      [humanise(v.vote), v.unverified ? 'unverified' : '', v.note ?? '', ...(v.disagreements ?? []).map((d) => `another source says: ${d.claim} (${citationsText(d.sources)})`)].filter(Boolean).join('; '),
      period(v.date),
      v.sources,
    );
  const coverageRows = (coverage: PartnerProfile['unVoteCoverage'] | undefined, section: string) => {
    if (!coverage) return;
    // Where the record stops, then each later fact the sources give, so that a reader of the file sees both.
    const label = coverageLabel(coverage.kind);
    add(section, `${label}: coverage of the record`, `${coverageText(coverage)} ${coverage.note}`, period(undefined, coverage.to), coverage.sources);
    for (const l of coverage.later) add(section, `${label}: after the record`, laterFactText(l), period(l.date), l.sources);
  };
  coverageRows(p.unVoteCoverage, 'Positions');
  coverageRows(p.unCybercrimeCoverage, 'Positions');
  for (const m of p.membershipDetails) add('Memberships', humanise(m.id), m.role ?? '', period(m.from, m.until), m.sources);
  coverageRows(p.parisCallCoverage, 'Memberships');
  for (const c of p.cooperation) add('Cooperation', c.title, c.kind ? humanise(c.kind) : '', period(c.from, c.until), c.sources);
  for (const t of p.tensions) add('Tensions', t.title, t.summary ?? '', period(t.from, t.until), t.sources);
  for (const a of p.attention) add('Attention', `${humanise(a.level)} attention, ${a.year}`, a.note, period(a.year), a.sources);
  for (const row of strategyRows(p.nationalStrategies)) rows.push(row);
  if (assessment) {
    const rule = assessment.orientationRule;
    add('Assessment', 'Orientation', `${humanise(assessment.orientation)}${rule ? `: ${rule.because}` : ''}`, period(undefined), rule?.sources ?? []);
    add('Assessment', 'Maturity (out of 100)', String(Math.round(assessment.maturity)), period(undefined), []);
    for (const d of Object.values(assessment.dimensions ?? {})) {
      const steps = Array.isArray(d.explanation) ? d.explanation : [];
      add('Assessment', d.title ?? '', String(Math.round(d.score)), period(undefined), steps.flatMap((s) => s.sources ?? []));
    }
  }
  if (gaps) {
    for (const g of gaps.gaps) add('Gaps', g.rule.title, [`lacking: ${g.lacking}`, `serves: ${g.objective.title}`].join('; '), period(undefined), [...g.rule.sources, ...g.objective.sources]);
    for (const g of gaps.met) add('Gaps', g.rule.title, `already served: ${g.objective.title}`, period(undefined), [...g.rule.sources, ...g.objective.sources]);
  }
  return { view: 'partner', subject: p.id, asOf, tlp: 'clear', headers: ['Section', 'Fact', 'What', 'From', 'Until', 'Sources'], rows };
}

/** The side-by-side table: one row per dimension, one value and one sources column per partner. */
export function compareTable(names: { id: string; name: string }[], rows: CompareRow[], asOf: string | undefined): ExportTable {
  return {
    view: 'compare',
    subject: names.map((n) => n.id).join('-'),
    asOf,
    tlp: 'clear',
    headers: ['Group', 'Dimension', ...names.map((n) => n.name), ...names.map((n) => `Sources (${n.name})`)],
    rows: rows.map((r) => [r.group, r.label, ...r.cells.map((c) => c.text), ...r.cells.map((c) => citationsText(c.sources))]),
  };
}

/** The matrix one cell a row (instrument, partner, value, sources); an empty cell reads "no data", not "no"; one of an instrument not yet begun, "not yet". */
export function matrixTable(m: InstrumentMatrix, asOf: string | undefined): ExportTable {
  const rows: CsvCell[][] = [];
  for (const col of m.columns) {
    for (const r of m.rows) {
      const cell = r.cells[col];
      rows.push([humanise(col), r.name, cell?.notYet ? `not yet (from ${cell.notYet})` : cell?.value ? humanise(cell.value) : 'no data', citationsText(cell?.sources ?? [])]);
    }
  }
  return { view: 'matrix', asOf, tlp: 'clear', headers: ['Instrument', 'Partner', 'Position, membership or agreement', 'Sources'], rows };
}

/** Nodes (with bloc and centralities), then links (with their weight), each with its sources. */
export function networkTable(net: Network, asOf: string | undefined, blocName: (bloc: string) => string): ExportTable {
  const label = new Map(net.nodes.map((n) => [n.id, n.label]));
  const number = (v: number | undefined) => (v === undefined ? '' : Math.round(v * 1000) / 1000);
  const rows: CsvCell[][] = [
    ...net.nodes.map((n) => ['Node', n.label, humanise(n.kind), n.bloc ? blocName(n.bloc) : '', number(n.degree), number(n.betweenness), '', citationsText(n.sources)]),
    ...net.edges.map((e) => [
      'Link',
      `${label.get(e.source) ?? e.source} — ${label.get(e.target) ?? e.target}`,
      e.label ? humanise(e.label) : '',
      '',
      '',
      '',
      e.weight,
      citationsText(e.sources),
    ]),
  ];
  return { view: 'network', asOf, tlp: 'clear', headers: ['Record', 'Name', 'Kind', 'Bloc', 'Degree centrality', 'Betweenness centrality', 'Weight', 'Sources'], rows };
}

/**
 * The overview's year table, one row per partner and year from `from` on (as the page shows it): how many
 * cyber-related dialogues were active at the year's end, which, and their sources; then a row per year for all
 * partners with the dialogues counted from the year first reported and those of unknown status left out.
 */
export function timelineTable(years: readonly ActiveDialoguesYear[], partners: readonly PartnerSummary[], dialogues: readonly DialogueFact[] | undefined, from: number): ExportTable {
  const byId = new Map((dialogues ?? []).map((d) => [d.id, d]));
  const names = new Map((dialogues ?? []).map((d) => [d.id, d.name]));
  const rows: CsvCell[][] = [];
  for (const y of years.filter((row) => row.year >= from)) {
    for (const p of partners) {
      const ids = y.dialogues[p.id] ?? [];
      const known = ids.map((id) => byId.get(id));
      // Active only on an unverified entry: named in a column of their own, not counted; their sources say who reports them.
      const apart = (y.activeUnverified ?? []).filter((id) => byId.get(id)?.partners.includes(p.id));
      const cited = [...known.flatMap((d) => d?.sources ?? []), ...apart.flatMap((id) => byId.get(id)?.sources ?? [])];
      rows.push([y.year, p.name, y.byPartner[p.id] ?? 0, '', '', activeUnverifiedText(apart, names), known.map((d, i) => d?.name ?? ids[i] ?? '').join('; '), citationsText(cited)]);
    }
    rows.push([y.year, 'All partners', y.total, y.startUnknown, y.statusUnknown, (y.activeUnverified ?? []).length || '', '', '']);
  }
  return {
    view: 'dialogues-per-year',
    asOf: undefined,
    tlp: 'clear',
    headers: [
      'Year',
      'Partner',
      'Active cyber-related dialogues',
      'Of which start not given (counted from first report)',
      'Status unknown (not counted)',
      'Active only on an unverified report (not counted)',
      'Dialogues',
      'Sources',
    ],
    rows,
  };
}
