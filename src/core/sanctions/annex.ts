// Reads a consolidated annex transcription (the EU Journal sanctions CSV format, data/sanctions/FORMAT.md) into
// annex entries, or refuses the whole file naming the row and column of the first problems. Pure: the text comes
// from the edge.
import { transliterate } from 'transliteration';
import { isValidIsoDate, type IsoDate } from '../dates';
import { AppError, allowedList, type ErrorIssue } from '../errors';
import { parseCsv, withHeader } from '../exchange/csv';

/** The consolidated file's header, exactly, in order (FORMAT.md, "File naming and headers"). */
export const ANNEX_HEADER = [
  'celex', 'recordId', 'programKey', 'annex', 'measure', 'startDate', 'reason', 'schema', 'name', 'alias', 'weakAlias', 'previousName',
  'country', 'nationality', 'jurisdiction', 'birthDate', 'birthPlace', 'position', 'passportNumber', 'gender', 'appearance', 'ethnicity',
  'fatherName', 'motherName', 'incorporationDate', 'legalForm', 'sector', 'registrationNumber', 'taxNumber', 'idNumber', 'innCode',
  'ogrnCode', 'kppCode', 'okpoCode', 'leiCode', 'swiftBic', 'ticker', 'imoNumber', 'mmsi', 'flag', 'address', 'phone', 'email', 'website', 'notes',
] as const;

/** The annex parts of Regulation (EU) 2019/796: I.A natural persons, I.B legal persons, entities and bodies. */
export const ANNEX_PARTS = { 'I.A': 'person', 'I.B': 'entity' } as const;
const SCHEMAS = { Person: 'person', LegalEntity: 'entity', Organization: 'entity', Company: 'entity' } as const;
const CELEX = /^[0-9][0-9]{4}[A-Z]{1,2}[0-9]{4}$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * Columns kept as identifying details (multi-valued, as printed): every entity column of the format other than the
 * name and aliases, so that no printed value of a row is read and dropped unsaid (the INN and OGRN codes of an
 * entity of the annex were).
 */
const DETAIL_COLUMNS = [
  'nationality', 'country', 'jurisdiction', 'birthDate', 'birthPlace', 'gender', 'position', 'passportNumber', 'idNumber', 'registrationNumber', 'taxNumber',
  'incorporationDate', 'legalForm', 'address', 'phone', 'email', 'website', 'notes', 'weakAlias', 'previousName', 'appearance', 'ethnicity', 'fatherName',
  'motherName', 'sector', 'innCode', 'ogrnCode', 'kppCode', 'okpoCode', 'leiCode', 'swiftBic', 'ticker', 'imoNumber', 'mmsi', 'flag',
] as const;
export type DetailColumn = (typeof DETAIL_COLUMNS)[number];

export interface AnnexEntry {
  /** Deterministic: derived from the name, so that re-importing the same entry finds it again. */
  id: string;
  kind: 'person' | 'entity';
  celex: string;
  annex: keyof typeof ANNEX_PARTS;
  /** The entry number printed in the annex part (renumbered by the Council when entries leave). */
  entry: number;
  name: string;
  /** Alias column values; comma-separated lists and ‘quoted’ monikers split into single names. */
  aliases: string[];
  /** Quoted single-word aliases and other online handles. */
  monikers: string[];
  /** The printed listing date, as a calendar date. */
  listedOn: IsoDate;
  /**
   * The restrictive measure the row imposes, as printed (FORMAT.md, "Sanctions metadata columns": one measure a row;
   * "Asset freeze" for every entry of Regulation 2019/796, the travel ban being the Decision's). Optional only for an
   * entry stored before the reader kept it.
   */
  measure?: string;
  /** The statement of reasons, exactly as printed. */
  reason: string;
  details: Partial<Record<DetailColumn, string[]>>;
}

/** Parses and checks a whole annex file; any problem refuses the file (AppError invalid_import with row and column). */
export function parseAnnex(text: string): AnnexEntry[] {
  const records = parseCsv(text);
  const issues: ErrorIssue[] = [];
  const header = records[0] ?? [];
  const expected = ANNEX_HEADER.join(',');
  if (header.join(',') !== expected) {
    // The first column that differs, past the end of the shorter of the two (a column more or fewer).
    let at = 0;
    while (at < Math.max(header.length, ANNEX_HEADER.length) && header[at] === ANNEX_HEADER[at]) at++;
    const cell = (cells: readonly string[]) => (at < cells.length ? `"${cells[at]}"` : 'the end of the row');
    issues.push({ path: 'row 1', message: `the header must be the consolidated annex header; column ${at + 1} is ${cell(header)}, expected ${cell(ANNEX_HEADER)}` });
    throw refuse(issues);
  }
  const entries: AnnexEntry[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const problem = (column: string, message: string) => issues.push({ path: `row ${row}, column ${column}`, message });
    if (cells.length !== ANNEX_HEADER.length) {
      issues.push({ path: `row ${row}`, message: `has ${cells.length} cells, the header ${ANNEX_HEADER.length}` });
      return;
    }
    const r = withHeader(ANNEX_HEADER, cells.map((c) => c.trim()));
    if (!CELEX.test(r.celex ?? '')) problem('celex', `"${r.celex}" is not a bare CELEX number (e.g. 32019R0796)`);
    else if (entries[0] && r.celex !== entries[0].celex) problem('celex', `"${r.celex}" differs from the file's first row (${entries[0].celex})`);
    if (r.programKey !== 'EU-CYB') problem('programKey', `"${r.programKey}" is not the cyber-sanctions programme: allowed EU-CYB`);
    const annex = r.annex as keyof typeof ANNEX_PARTS;
    if (!(annex in ANNEX_PARTS)) problem('annex', `"${r.annex}" is not a part of Annex I: allowed ${allowedList(Object.keys(ANNEX_PARTS))}`);
    const kind = SCHEMAS[r.schema as keyof typeof SCHEMAS];
    if (!kind) problem('schema', `"${r.schema}" is not allowed: allowed ${allowedList(Object.keys(SCHEMAS))}`);
    else if (annex in ANNEX_PARTS && ANNEX_PARTS[annex] !== kind) problem('schema', `a ${r.schema} cannot stand in annex part ${annex}`);
    if (!r.name) problem('name', 'is empty; every entry needs a name');
    const entry = Number(r.recordId);
    if (!/^[1-9][0-9]*$/.test(r.recordId ?? '')) problem('recordId', `"${r.recordId}" is not an entry number`);
    const listedOn = printedDate(r.startDate ?? '');
    if (!listedOn) problem('startDate', `"${r.startDate}" is not a listing date (d.m.yyyy, yyyy-mm-dd or "2 December 2025")`);
    if (!r.reason) problem('reason', 'is empty; every listing has a statement of reasons');
    if (!r.measure) problem('measure', 'is empty; every row names the measure it imposes (e.g. Asset freeze)');
    const key = `${r.annex} ${r.recordId}`;
    if (seen.has(key)) problem('recordId', `entry ${key} repeats row ${seen.get(key)}`);
    seen.set(key, row);
    if (!kind || !listedOn || !r.name || !r.measure || !(annex in ANNEX_PARTS)) return;
    const split = (column: string) => {
      try {
        return multi(r[column] ?? '');
      } catch (e) {
        problem(column, (e as Error).message);
        return [];
      }
    };
    const { aliases, monikers } = aliasesOf(split('alias'), kind);
    const details: AnnexEntry['details'] = {};
    for (const c of DETAIL_COLUMNS) {
      const values = split(c);
      if (values.length) details[c] = values;
    }
    entries.push({ id: targetId(r.name), kind, celex: r.celex ?? '', annex, entry, name: r.name, aliases, monikers, listedOn, measure: r.measure, reason: r.reason ?? '', details });
  });
  const ids = new Map<string, string>();
  for (const e of entries) {
    if (ids.has(e.id)) issues.push({ path: `entry ${e.annex} ${e.entry}, column name`, message: `"${e.name}" gives the same target id as entry ${ids.get(e.id)}` });
    ids.set(e.id, `${e.annex} ${e.entry}`);
  }
  if (issues.length) throw refuse(issues);
  return entries;
}

function refuse(issues: ErrorIssue[]): AppError {
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ');
  return new AppError('invalid_import', `The annex file is malformed, nothing was imported: ${shown}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`, issues);
}

/**
 * A stable id from a name: "GAO Qiang" → gao-qiang; parenthesised acronyms dropped; a long name is cut before its
 * "of the ..." (the GRU's centres) or at 60 characters.
 */
export function targetId(name: string): string {
  let slug = transliterate(name.replace(/\([^)]*\)/g, ' '))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  if (slug.length > 48 && slug.includes('-of-the-')) slug = slug.slice(0, slug.indexOf('-of-the-'));
  if (slug.length <= 60) return slug;
  return slug.slice(0, 61).replace(/-[^-]*$/, '');
}

/** The printed listing date: 30.7.2020, 2020-07-30 or 30 July 2020. */
export function printedDate(s: string): IsoDate | undefined {
  let y: number, m: number, d: number;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const worded = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(s);
  if (dotted) [d, m, y] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
  else if (worded) [d, m, y] = [Number(worded[1]), MONTHS.indexOf((worded[2] ?? '').toLowerCase()) + 1, Number(worded[3])];
  else if (isValidIsoDate(s)) return s as IsoDate;
  else return undefined;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidIsoDate(iso) ? (iso as IsoDate) : undefined;
}

/** A multi-valued cell: values separated by `;`, a value holding `;` or `"` CSV-quoted (FORMAT.md, "Values"). */
export function multi(cell: string): string[] {
  if (!cell) return [];
  const values: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (quoted) {
      if (ch === '"' && cell[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur.trim() === '') quoted = true;
    else if (ch === ';') {
      values.push(cur.trim());
      cur = '';
    }
    else cur += ch;
  }
  if (quoted) throw new Error('has an unclosed quote');
  values.push(cur.trim());
  if (values.some((v) => v === '')) throw new Error('has an empty value between separators');
  return values;
}

const QUOTED = /^[‘'"“](.+?)[’'"”]$/;

// The annex prints some aliases as one comma-separated list ("Anzu Team, Holy Souls, ...") and online monikers in
// quotes (‘Dena’). None of the regime's names contains a comma, so a list is split into names; a quoted value or a
// single Latin word given for a person is a moniker. Reviewed against all 38 entries (docs/adr/0004-sanctions-screening.md).
function aliasesOf(values: string[], kind: AnnexEntry['kind']): { aliases: string[]; monikers: string[] } {
  const aliases: string[] = [];
  const monikers: string[] = [];
  for (const v of values) {
    for (const part of v.split(/,\s+/)) {
      const q = QUOTED.exec(part.trim());
      const name = (q?.[1] ?? part).trim();
      if (!name) continue;
      const handle = kind === 'person' && (q !== null || /^[\p{Script=Latin}0-9._-]+$/u.test(name));
      (handle ? monikers : aliases).push(name);
    }
  }
  return { aliases: [...new Set(aliases)], monikers: [...new Set(monikers)] };
}
