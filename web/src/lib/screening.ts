// Batch screening files in the browser: the names of an uploaded CSV or JSON file, and the results as a CSV to
// download (the same columns as the server's CSV answer and the CLI's).
import type { BatchScreenResult } from '../sanctions-types';

/** One name a row (the first cell; a header "name" is skipped), or JSON: a list of names or { names: [...] }. */
export function namesOfFile(fileName: string, text: string): string[] {
  if (/\.json$/i.test(fileName) || /^\s*[[{]/.test(text)) {
    const value = JSON.parse(text) as unknown;
    const list = value && typeof value === 'object' && !Array.isArray(value) ? (value as { names?: unknown }).names : value;
    if (!Array.isArray(list)) throw new Error('the JSON file must hold a list of names or { "names": [...] }');
    return list.map(String);
  }
  const rows = text
    .split(/\r?\n/)
    .map((line) => {
      const m = /^\s*"((?:[^"]|"")*)"/.exec(line);
      return (m ? (m[1] ?? '').replace(/""/g, '"') : (line.split(',')[0] ?? '')).trim();
    })
    .filter(Boolean);
  const names = /^(name|names|query)$/i.test(rows[0] ?? '') ? rows.slice(1) : rows;
  if (names.length === 0) throw new Error('the file holds no names');
  return names;
}

const cell = (v: string | number | boolean) => {
  const s = String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function resultsCsv(r: BatchScreenResult): string {
  const head = ['query', 'matches', 'strong', 'targetId', 'name', 'kind', 'score', 'matchedOn', 'listedSince', 'inForce'];
  const rows = r.results.map(({ query, matches }) => {
    const m = matches[0];
    return [query, matches.length, m?.strong ?? false, m?.targetId ?? '', m?.name ?? '', m?.kind ?? '', m?.score ?? '', m?.matchedOn ?? '', m?.listedSince ?? '', m?.inForce ?? ''];
  });
  return [head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
