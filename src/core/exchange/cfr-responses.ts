// The CFR tracker's Response phrases as responses taken (the incident's `responses`, which the response plan lists
// as `taken`): the reviewed table data/exchange/cfr-responses.yaml says which phrase is which measure. Only what the
// EU or a member state (at the operation's date) did is a toolbox measure; a third state's act is kept as its own.
import { z } from 'zod';
import { AppError } from '../errors';
import { parseOrThrow } from '../zod-issues';
import type { IsoDate } from '../dates';
import { isMemberStateAt } from '../toolbox/member-states';
import { countryCodeOf, countryNameOf } from './country-names';

const Text = z.string().trim().min(1);
const Source = z.object({ ref: Text, locator: Text }).strict();

export const CfrResponseTable = z
  .object({
    source: Source,
    responses: z.array(z.object({ phrase: Text, measure: Text, why: Text, source: Source }).strict()).min(1),
    unmapped: z.array(z.object({ phrase: Text, why: Text }).strict()).default([]),
    responders: z.array(z.object({ host: Text, by: Text }).strict()).default([]),
  })
  .strict();
export type CfrResponseTable = z.output<typeof CfrResponseTable>;

/** Lower case, accents off, spaces single: "Démarche" and "demarche" are one phrase. */
export const normalisePhrase = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** Checks the table and that each measure is one of the toolbox's: a typo must stop the import, not drop responses. */
export function parseCfrResponseTable(raw: unknown, measureIds: readonly string[]): CfrResponseTable {
  const table = parseOrThrow(CfrResponseTable, raw, 'corrupt_data', 'data/exchange/cfr-responses.yaml');
  const unknown = table.responses.filter((r) => !measureIds.includes(r.measure));
  if (unknown.length) {
    throw new AppError('corrupt_data', `data/exchange/cfr-responses.yaml names measures that data/toolbox/measures.yaml lacks: ${unknown.map((r) => r.measure).join(', ')}`);
  }
  const phrases = [...table.responses, ...table.unmapped].map((r) => normalisePhrase(r.phrase));
  const twice = phrases.filter((p, i) => phrases.indexOf(p) !== i);
  if (twice.length) throw new AppError('corrupt_data', `data/exchange/cfr-responses.yaml lists the phrase "${twice[0]}" twice`);
  return table;
}

export interface CfrResponseContext {
  /** The row's date: the tracker dates operations, not responses. */
  date: string;
  victims: readonly string[];
  /** Countries named in the cell's words (without its URLs). */
  named: readonly string[];
  urls: readonly string[];
}

export interface MappedCfrResponses {
  responses: { measure: string; date: string; by: string; note: string }[];
  /** Phrases that map to no measure (reviewed or not). */
  unmapped: string[];
  /** Phrases that name a measure's kind of act, taken by a third state or by a responder the tracker does not name. */
  byOthers: { phrase: string; measure: string; by: string; actor: 'third-state' | 'not stated' }[];
}

/** EU for the Union, a member state at the date, else a third state; a name no table knows is a third state too. */
function responderKind(by: string, date: string): 'eu' | 'member-state' | 'third-state' {
  if (by === 'European Union') return 'eu';
  const code = countryCodeOf(by);
  return code && isMemberStateAt(code, date as IsoDate) ? 'member-state' : 'third-state';
}

const hostOf = (url: string) => /^https?:\/\/([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';

const byPhrase = new WeakMap<CfrResponseTable, Map<string, CfrResponseTable['responses'][number]>>();

/** The table's responses by normalised phrase, built once per table (the first row of a phrase, as a search finds it). */
function responsesByPhrase(table: CfrResponseTable): Map<string, CfrResponseTable['responses'][number]> {
  let m = byPhrase.get(table);
  if (!m) {
    m = new Map();
    for (const r of table.responses) {
      const key = normalisePhrase(r.phrase);
      if (!m.has(key)) m.set(key, r);
    }
    byPhrase.set(table, m);
  }
  return m;
}

/** The measures a Response cell names, dated and attributed as well as the tracker allows, each saying what it assumed. */
export function mapCfrResponses(table: CfrResponseTable, kind: string, cell: string, ctx: CfrResponseContext): MappedCfrResponses {
  const phrases = kind.split(/[,;]|\band\b/i).map((p) => p.trim()).filter(Boolean);
  const out: MappedCfrResponses = { responses: [], unmapped: [], byOthers: [] };
  const byHost = ctx.urls.map(hostOf).flatMap((h) => table.responders.filter((r) => h === r.host || h.endsWith(`.${r.host}`)).map((r) => r.by));
  let responders: string[];
  let assumed = '';
  if (ctx.named.length) responders = ctx.named.map(countryNameOf);
  else if (byHost.length) responders = [...new Set(byHost)];
  else {
    responders = ctx.victims.map(countryNameOf);
    assumed = ' The tracker names no responder: the victim state(s) are taken.';
  }
  const by = responders.join(', ');
  const euOrMember = responders.length > 0 && responders.every((x) => responderKind(x, ctx.date) !== 'third-state');
  const rows = responsesByPhrase(table);
  for (const phrase of phrases) {
    const row = rows.get(normalisePhrase(phrase));
    if (!row) {
      out.unmapped.push(phrase);
      continue;
    }
    if (out.responses.some((r) => r.measure === row.measure) || out.byOthers.some((r) => r.measure === row.measure)) continue;
    if (!euOrMember) {
      out.byOthers.push({ phrase, measure: row.measure, by: by || 'not stated', actor: responders.length ? 'third-state' : 'not stated' });
      continue;
    }
    out.responses.push({ measure: row.measure, date: ctx.date, by, note: `CFR Cyber Operations Tracker, Response: "${cell.trim()}". Dated with the operation: the tracker gives no date for the response.${assumed}` });
  }
  return out;
}
