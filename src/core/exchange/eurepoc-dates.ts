// A start date for an EuRepoC incident whose start_date is empty, from the other dates of its row, else from a
// month and year or a year its name, description or source addresses state. Each says where it came from.
import { isoDay, pyList, splitList } from './dataset-cells';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const earliest = (cells: (string | undefined)[]) =>
  cells
    .flatMap((c) => splitList(c ?? ''))
    .map((d) => isoDay(d))
    .filter((d): d is string => !!d)
    .sort()[0];

/** `in May 2022` to 2022-05-01; a lone year (2000-2099) to its 1 January. */
function dateInText(text: string): string | undefined {
  const m = new RegExp(`\\b(${MONTHS.join('|')})\\s+(20\\d\\d)\\b`, 'i').exec(text);
  if (m) return `${m[2]}-${String(MONTHS.indexOf((m[1] as string).toLowerCase()) + 1).padStart(2, '0')}-01`;
  const y = /\b(20\d\d)\b/.exec(text);
  return y ? `${y[1]}-01-01` : undefined;
}

/** `/2023/03/` in a source address to 2023-03-01, the earliest of them. */
function dateInUrls(cell: string): string | undefined {
  return pyList(cell)
    .flatMap((u) => {
      const m = /\/(20\d\d)\/(0[1-9]|1[0-2])\//.exec(u);
      return m ? [`${m[1]}-${m[2]}-01`] : [];
    })
    .sort()[0];
}

export function inferredStart(row: Record<string, string>, attributions: Record<string, string>[]): { date: string; from: string } | undefined {
  const candidates: [string | undefined, string][] = [
    [isoDay(row.end_date), 'the end date'],
    [earliest(attributions.map((a) => a.attribution_date)), 'the first attribution date'],
    [earliest([row.political_response_date, row.legal_response_date]), 'the first response date'],
    [dateInText(row.name ?? ''), 'a date in the name'],
    [dateInText(row.description ?? ''), 'a year in the description'],
    [dateInUrls(row.sources_url ?? ''), 'the earliest month in the source addresses'],
  ];
  for (const [date, from] of candidates) if (date) return { date, from };
  return undefined;
}
