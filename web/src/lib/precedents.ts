// Precedents in words: dates with the precision the sources give, the similarity as a percentage, how long it took.
import type { RankedPrecedent } from '../toolbox-types';
import { formatDate } from './format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2018`, `Apr 2018` or `4 Oct 2018`: never more precise than the source. */
export function formatPartialDate(value: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month?.[1] && month[2]) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} ${month[1]}`;
  return formatDate(value);
}

export const similarity = (p: RankedPrecedent): string => `${Math.round(p.score * 100)}%`;

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** "Attribution after 168 days; response after 820 days", leaving out what is not known; empty when neither is. */
export function timing(p: RankedPrecedent): string {
  return [
    ...(p.daysToAttribution !== null ? [`attribution after ${days(p.daysToAttribution)}`] : []),
    ...(p.daysToResponse !== null ? [`response after ${days(p.daysToResponse)}`] : []),
  ]
    .join('; ')
    .replace(/^a/, 'A');
}

/** One response as a line: when, who, what, by which act. */
export const responseText = (r: RankedPrecedent['responses'][number]): string =>
  `${formatPartialDate(r.date)}: ${r.by} — ${r.what}${r.act ? ` (${r.act})` : ''}`;

/** One attribution as a line: what kind, by whom, when. */
export const attributionText = (a: RankedPrecedent['attribution'][number]): string =>
  `${a.kind} by ${a.by}${a.date ? `, ${formatPartialDate(a.date)}` : ''}`;
