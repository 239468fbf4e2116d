// A partner's national cybersecurity strategies as the CLI's partner command prints them: each dated no more precisely
// than its sources date it, the date as the source writes it where it is read as a year or a month, and a line saying
// that no score reads them.
import { displayDate, precisionOf, toDate } from '../core/dates';
import type { StrategiesView } from '../core/kb/national-strategies';
import { table, type Cite } from './table';

const when = (d: string | number) => displayDate(toDate(d), precisionOf(d));

export function strategiesText(view: StrategiesView | null, cite: Cite): string[] {
  const head = 'National cybersecurity strategies (shown, not scored)';
  if (!view) return [head, '  none recorded'];
  const rows = view.strategies.map((s) => [
    `${when(s.adopted)}${s.dateAsGiven ? ` (written ${s.dateAsGiven}, read as a ${s.precision})` : ''}`,
    s.first ? 'yes' : '',
    `${s.title}${s.unverified ? ' (unverified)' : ''}`,
    cite(s.sources),
  ]);
  return [
    head,
    view.hadStrategy ? table(['Adopted', 'First', 'Title', 'Sources'], rows) : '  none adopted by this date',
    ...(view.counted ? [`  Counted: ${view.counted.count} ${view.counted.count === 1 ? 'strategy' : 'strategies'} in ${view.counted.period}  [${cite(view.counted.sources)}]`] : []),
    ...(view.undated ? [`  Date unknown for ${view.undated.count} of them${view.undated.unverified ? ' (unverified)' : ''}: ${view.undated.note}`] : []),
    ...view.datedNotes.map((n) => `  ${when(n.date)}: ${n.text}  [${cite(n.sources)}]`),
  ];
}
