// A partner's recorded votes on the UN General Assembly's cyber resolutions as the CLI's partner command prints them,
// then where that record stops (the voting data's last day) and what the sources give after it, each with its sources;
// the same lines for the other records that stop at a date (the UN cybercrime convention's signatures, the Paris Call's
// supporters).
import type { CoverageView } from '../core/kb/record-coverage';
import { coverageText, laterFactText } from '../core/kb/record-coverage-text';
import type { UnVoteEntry } from '../core/records/positions';
import { table, words, type Cite } from './table';

export function unVotesText(votes: readonly UnVoteEntry[], coverage: CoverageView | null, cite: Cite): string[] {
  const head = 'UN General Assembly votes on cyber resolutions';
  const rows = votes.map((v) => [v.date, v.resolution, `${words(v.vote)}${v.unverified ? ' (unverified)' : ''}`, cite(v.sources)]);
  return [
    head,
    rows.length ? table(['Date', 'Resolution', 'Vote', 'Sources'], rows) : '  none recorded by this date',
    ...coverageLines(coverage, cite),
  ];
}

/** Where a record stops, as indented lines: the coverage with its sources, then each later fact with its own. */
export function coverageLines(coverage: CoverageView | null, cite: Cite): string[] {
  if (!coverage) return [];
  return [`  ${coverageText(coverage)}  [${cite(coverage.sources)}]`, ...coverage.later.map((l) => `  After the record: ${laterFactText(l)}  [${cite(l.sources)}]`)];
}
