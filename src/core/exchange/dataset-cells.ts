// Reading the cells of research datasets: Python list literals (`['Armenia']`, `[['ASIA', 'CSTO']]`),
// `; `-joined parallel lists whose items may hold `;` inside brackets, and placeholders for "no value".

/** Values EuRepoC and CFR use for "nothing known"; EuRepoC separates "Not available" from "Unknown", both map to none. */
const NONE = new Set(['', 'not available', 'unknown', 'n', 'nat', 'nan', 'none', 'n/a', '[]']);

/** The longest placeholder above: a longer text is a value, and is not lower-cased to be told so (descriptions run to kilobytes). */
const NONE_LONGEST = Math.max(...[...NONE].map((v) => v.length));

export function isNone(value: string | undefined): boolean {
  if (value === undefined) return true;
  const s = value.trim();
  return s.length <= NONE_LONGEST && NONE.has(s.toLowerCase());
}

/** The strings of a Python list literal, nested lists flattened; a plain string is one value. */
export function pyList(cell: string): string[] {
  const s = cell.trim();
  if (!s.startsWith('[')) return isNone(s) ? [] : [s];
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const q = s[i];
    if (q === "'" || q === '"') {
      let v = '';
      i++;
      while (i < s.length && s[i] !== q) {
        if (s[i] === '\\' && i + 1 < s.length) i++;
        v += s[i];
        i++;
      }
      out.push(v);
    }
    i++;
  }
  return out;
}

/** Splits a `; `-joined list at top level (not inside brackets), keeping empty items so that parallel lists align. */
export function splitList(cell: string): string[] {
  if (!cell.trim()) return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of cell) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (ch === ';' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** `2022-09-14 00:00:00` or `2022-09-14` to `2022-09-14`; anything else to undefined. */
export function isoDay(value: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00:00)?$/.exec((value ?? '').trim());
  return m?.[1];
}

/** `M/D/YYYY` (the CFR tracker's export) to `YYYY-MM-DD`, checking that the day exists. */
export function usDate(value: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!m) return isoDay(value);
  const [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
