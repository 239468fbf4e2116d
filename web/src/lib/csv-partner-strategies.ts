// A partner's national cybersecurity strategies as rows of its page's CSV: each strategy dated no more precisely than
// its sources date it, the remarks of a date, the dataset's count and the counted strategies no source here dates.
import type { PartnerProfile } from '../api-types';
import type { CsvCell } from './csv';
import { citationsText } from './citation';
import { formatDate } from './format';

const SECTION = 'National cybersecurity strategies';

/** The rows of the page's Strategies panel: section, fact, what, from, until, sources (none when none are recorded). */
export function strategyRows(strategies: PartnerProfile['nationalStrategies']): CsvCell[][] {
  if (!strategies) return [];
  const rows: CsvCell[][] = strategies.strategies.map((s) => [
    SECTION,
    s.title,
    [`adopted ${formatDate(s.adopted)}`, s.first ? 'first' : '', s.dateAsGiven ? `the source writes ${s.dateAsGiven}: read as a ${s.precision}` : '', s.unverified ? 'unverified' : '', s.note ?? ''].filter(Boolean).join('; '),
    String(s.adopted),
    '',
    citationsText(s.sources),
  ]);
  for (const n of strategies.datedNotes) rows.push([SECTION, `Remark of ${formatDate(n.date)}`, [n.text, n.unverified ? 'unverified' : ''].filter(Boolean).join('; '), String(n.date), '', citationsText(n.sources)]);
  const c = strategies.counted;
  if (c) {
    rows.push([SECTION, 'Counted by a dataset', `${c.count} ${c.count === 1 ? 'strategy' : 'strategies'} in ${c.period}`, c.period.slice(0, 4), c.period.slice(5), citationsText(c.sources)]);
    const u = strategies.undated;
    if (u) rows.push([SECTION, `Counted, not dated (${u.count})`, [`date unknown: ${u.note}`, u.unverified ? 'unverified' : ''].filter(Boolean).join('; '), '', '', citationsText(c.sources)]);
  }
  if (!strategies.strategies.length && !rows.length) rows.push([SECTION, 'None adopted by this date', '', '', '', '']);
  return rows;
}
