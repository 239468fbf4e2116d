// The CFR Cyber Operations Tracker's CSV export to the product's incidents. Sponsors and victims are free text:
// countries, demonyms, places, organisations and regions named in them are mapped through the reviewed table
// data/exchange/victims.yaml, the text is kept as the victim's or initiator's name, and an operation whose victim
// names no state is kept with an unknown victim. The Response cell ("Denouncement https://…") becomes an
// attribution or a response observation in a toolbox category, and, where the reviewed table of cfr-responses.ts
// maps its phrase to a measure and the EU or a member state took it, a response taken.
import { isAppError } from '../errors';
import { type IncidentVocabulary } from '../toolbox/incident';
import { severityIds } from '../toolbox/severity';
import { mapCfrResponses, type CfrResponseTable } from './cfr-responses';
import { isNone, usDate } from './dataset-cells';
import { sectorFromTable, type ExchangeTables, type VictimTable } from './mapping-tables';
import { UNKNOWN_VICTIM_COUNTRY, describeFound, readVictimText, victimsOf } from './victim-text';
import { recordId } from './hash';
import { emptyBatch, type ImportBatch } from './records';
import { validateImportedIncident } from './records';
import type { ReportBuilder } from './report';
import type { Row } from './eurepoc';

export const CFR_COLUMNS = ['Title', 'Date', 'Affiliations', 'Description', 'Response', 'Victims', 'Sponsor', 'Type', 'Category', 'Sources_1', 'Sources_2', 'Sources_3'] as const;

export const CFR_SOURCE = { ref: 'https://www.cfr.org/cyber-operations/', locator: 'Council on Foreign Relations, Cyber Operations Tracker, CSV export' };

/** Type (the tracker's glossary, adapted from US-CERT, NCSC and SANS) to a threat category and a rank on the severity scale. */
const TYPE: Record<string, { category: string; rank: number }> = {
  espionage: { category: 'cyber-espionage', rank: 0 },
  'financial theft': { category: 'cyber-crime', rank: 0 },
  doxing: { category: 'hybrid', rank: 0 },
  defacement: { category: 'hybrid', rank: 0 },
  'denial of service': { category: 'hybrid', rank: 1 },
  'data destruction': { category: 'cyber-warfare', rank: 2 },
  sabotage: { category: 'cyber-warfare', rank: 2 },
};

/** The states a free text names (by name, demonym, abbreviation, place or organisation), in the order written. */
export function countriesInFreeText(text: string, table: VictimTable): string[] {
  return [...new Set(readVictimText(text, table).found.flatMap((f) => (f.country ? [f.country] : [])))];
}

/** The Response cell: its leading words (Denouncement, Criminal charges, Hack Back …) and the URLs after them. */
export function parseResponse(cell: string): { kind: string; urls: string[] } | undefined {
  const urls = cell.match(/https?:\/\/\S+/g) ?? [];
  const kind = cell.replace(/https?:\/\/\S+/g, ' ').replace(/\s+/g, ' ').trim().replace(/[,;:]$/, '');
  if (isNone(kind)) return urls.length ? { kind: 'Unknown', urls } : undefined;
  return { kind, urls };
}

/** Response kinds: who they say attributed what, or what kind of measure they were. */
const RESPONSE: Record<string, { attribution?: 'political' | 'legal'; category?: string; note: string }> = {
  denouncement: { attribution: 'political', category: 'stabilising', note: 'a public denouncement by the victim government' },
  confirmation: { attribution: 'political', note: 'the victim government confirmed the operation' },
  'criminal charges': { attribution: 'legal', category: 'criminal-justice', note: 'criminal charges' },
  sanctions: { attribution: 'political', category: 'restrictive', note: 'sanctions' },
  denial: { note: 'the sponsor denied involvement' },
  'hack back': { category: 'member-state-support', note: 'a hack back by the victim' },
};

/**
 * The CFR mapping one row at a time, so that an edge may map each row as it reads it and keep no rows: `row` for each
 * data row in file order, then `finish` for the batch. `sha1`: SHA-1 of a text as hex for the record ids, the
 * platform's when the edge gives it (the same digest, faster).
 */
export class CfrMapping {
  private readonly batch = emptyBatch();
  private readonly levels: string[];
  private readonly seen = new Set<string>();
  private taken = 0;

  constructor(
    private readonly vocabulary: IncidentVocabulary,
    private readonly r: ReportBuilder,
    private readonly tables: ExchangeTables,
    private readonly table?: CfrResponseTable,
    private readonly sha1?: (text: string) => string,
  ) {
    this.levels = severityIds(vocabulary.severity);
  }

  /** One data row and its line in the file. */
  row(line: number, row: Row): void {
    const { r, tables, table, levels, seen, batch, vocabulary, sha1 } = this;
    r.report.read++;
    r.type('operation row');
    const obj = `line ${line}`;
    const title = (row.Title ?? '').trim();
    if (!title) {
      r.skip(obj, 'Title', 'no title');
      return;
    }
    const start = usDate(row.Date ?? '');
    if (!start) {
      r.skip(obj, 'Date', `"${row.Date ?? ''}" is not a date (M/D/YYYY); the toolbox needs a start date`);
      return;
    }
    const key = `cfr:${title}|${start}`;
    if (seen.has(key)) {
      r.skip(obj, 'Title', `"${title}" on ${start} appears twice; the first row is used`);
      return;
    }
    seen.add(key);

    const victimText = (row.Victims ?? '').trim();
    const categories = (row.Category ?? '').split(/[,;]/).map((c) => c.trim()).filter(Boolean);
    const { sector, unknown } = sectorFromTable(tables.sectors, 'cfr', categories.slice(0, 1));
    r.mapped('victim sector', row.Category ?? '', unknown.length ? `${sector} (not in the table)` : sector);
    const reading = readVictimText(victimText, tables.victims);
    const victims = victimsOf(reading, sector, victimText || undefined);
    const inferred: string[] = [];
    for (const f of reading.found) {
      r.mapped('victim', f.text, describeFound(f));
      if (f.by !== 'country name') inferred.push(f.country ? 'victims.country' : 'victims.region');
    }
    for (const a of reading.ambiguous) {
      r.mapped('victim', a.text, `for review (${a.candidates.join(' or ')})`);
      r.toReview(obj, 'Victims', victimText, `"${a.text}" could mean ${a.candidates.join(' or ')}; not resolved`);
    }
    const unknownVictim = victims.every((v) => v.country === UNKNOWN_VICTIM_COUNTRY && !v.region);
    if (unknownVictim) r.mapped('victim', reading.ambiguous.length ? '(only words flagged for review)' : '(no state, organisation or region named)', 'unknown (ZZ)');
    const victimCountries = victims.map((v) => v.country).filter((c) => c !== UNKNOWN_VICTIM_COUNTRY);

    const type = TYPE[(row.Type ?? '').trim().toLowerCase()];
    if (!type) r.warn(obj, 'Type', `"${row.Type ?? ''}" is not a type of the tracker's glossary; category cyber-espionage, lowest severity`);
    const category = type?.category ?? 'cyber-espionage';
    r.mapped('category', row.Type ?? '', category);
    const severity = levels[Math.min(type?.rank ?? 0, levels.length - 1)] as string;
    r.mapped('severity', row.Type ?? '', severity);

    const sponsorText = (row.Sponsor ?? '').trim();
    const sponsors = countriesInFreeText(sponsorText, tables.victims);
    r.mapped('sponsor', sponsorText.length > 40 ? `${sponsorText.slice(0, 40)}…` : sponsorText || '(empty)', sponsors[0] ?? '(kept as text)');
    const affiliation = (row.Affiliations ?? '').trim();
    const initiatorName = affiliation || (sponsors.length ? undefined : sponsorText || undefined);

    const response = parseResponse(row.Response ?? '');
    const rule = response ? RESPONSE[response.kind.toLowerCase()] : undefined;
    if (response) r.mapped('response', response.kind, rule ? (rule.category ?? rule.attribution ?? 'noted') : 'noted (unknown kind)');
    const taken = response && table ? mapCfrResponses(table, response.kind, row.Response ?? '', { date: start, victims: victimCountries, named: countriesInFreeText(response.kind, tables.victims), urls: response.urls }) : undefined;
    for (const t of taken?.responses ?? []) r.mapped('response taken', response?.kind ?? '', t.measure);
    for (const u of taken?.unmapped ?? []) r.mapped('responses not mapped', u, 'kept in the import details');
    for (const o of taken?.byOthers ?? []) r.mapped('responses by others', `${o.phrase} by ${o.by}`, `kept as a response by its actor (${o.actor}), no toolbox measure`);
    const attribution = rule?.attribution
      ? [{ kind: rule.attribution, by: victimCountries[0] ? `government of ${victimCountries[0]}` : 'the victim government (not named)', confidence: 'high', public: true }]
      : [];

    const raw = {
      title,
      ...(row.Description?.trim() ? { summary: row.Description.trim() } : {}),
      start,
      category,
      victims,
      effects: { severity },
      initiator: { type: sponsorText ? 'state-sponsored' : 'unknown', country: sponsors[0] ?? null, ...(initiatorName ? { name: initiatorName } : {}) },
      attribution,
      responses: taken?.responses ?? [],
    };
    try {
      const body = validateImportedIncident(raw, vocabulary);
      const sources = [row.Sources_1, row.Sources_2, row.Sources_3].map((s) => (s ?? '').trim()).filter(Boolean);
      batch.incidents.push({
        id: recordId('inc', key, sha1),
        body,
        marking: null,
        source: { format: 'cfr', key, modified: null },
        details: {
          source: CFR_SOURCE,
          sources,
          victimsText: victimText,
          sponsorText,
          ...(response ? { response: { kind: response.kind, urls: response.urls, category: rule?.category ?? null, note: rule?.note ?? null } } : {}),
          ...(taken?.byOthers.length ? { responsesByOthers: taken.byOthers.map((o) => ({ ...o, date: start })) } : {}),
        },
      });
      r.kept(inferred, unknownVictim);
    } catch (error) {
      if (!isAppError(error)) throw error;
      for (const i of error.issues) r.skip(obj, i.path, `${i.message}; operation skipped`);
    }
  }

  /** How many mapped incidents `take` can hand over. */
  get pending(): number {
    return this.batch.incidents.length;
  }

  /** The first `max` incidents not yet taken, let go here (an edge writing them as it goes holds no batch). */
  take(max = Infinity): ImportBatch['incidents'] {
    const out = this.batch.incidents.splice(0, max);
    this.taken += out.length;
    return out;
  }

  /** The batch of every row given (less what `take` handed over; counted all the same). */
  finish(): ImportBatch {
    this.r.report.mapped = { ...this.r.report.mapped, incident: this.taken + this.batch.incidents.length };
    return this.batch;
  }
}

/** Every row of a CFR export (see CfrMapping). */
export function mapCfr(rows: Iterable<{ line: number; row: Row }>, vocabulary: IncidentVocabulary, r: ReportBuilder, tables: ExchangeTables, table?: CfrResponseTable, sha1?: (text: string) => string): ImportBatch {
  const mapping = new CfrMapping(vocabulary, r, tables, table, sha1);
  for (const { line, row } of rows) mapping.row(line, row);
  return mapping.finish();
}
