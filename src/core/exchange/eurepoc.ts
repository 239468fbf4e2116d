// EuRepoC Global Database 1.1 (with its attribution and receiver tables) to the product's records: incidents
// with victims, effects, initiator and attributions; the attributed initiators as actors; and the political
// and legal responses by who took them, so that what the EU and its member states did sits beside what the
// toolbox would have allowed. Every incident is kept (a receiver that is a region, an organisation or unknown is a
// victim too); every mapping is counted in the report, and rows are counted by what was inferred.
import { isAppError } from '../errors';
import { CODINGS_MAX, type DatasetCoding, type IncidentInput, type IncidentVocabulary } from '../toolbox/incident';
import { sectorInfo } from '../toolbox/sectors';
import { severityIds } from '../toolbox/severity';
import { countryCodeOf } from './country-names';
import { isNone, isoDay, pyList } from './dataset-cells';
import { legalResponses, politicalResponses } from './eurepoc-responses';
import { recordId } from './hash';
import { sectorFromTable, type ExchangeTables } from './mapping-tables';
import { ActorRecord, emptyBatch, type AttributionRecord, type ImportBatch } from './records';
import { validateImportedIncident } from './records';
import type { ReportBuilder } from './report';
import { eurepocReceiver } from './eurepoc-victims';
import { UNKNOWN_VICTIM_COUNTRY } from './victim-text';
import { inferredStart } from './eurepoc-dates';

export type { ResponseObservation } from './eurepoc-responses';

export type Row = Record<string, string>;

export const EUREPOC_SOURCE = { ref: 'https://zenodo.org/records/7848941', locator: 'EuRepoC Global Database, release 1.1' };

/** The columns an import needs in each file; a file without them is not the release 1.1 layout. */
export const EUREPOC_COLUMNS = {
  incidents: ['ID', 'name', 'description', 'start_date', 'end_date', 'incident_type', 'receiver_country', 'receiver_category', 'initiator_name', 'initiator_country', 'initiator_category', 'weighted_cyber_intensity', 'political_response_type'],
  attributions: ['incident_ID', 'attribution_type', 'attribution_basis', 'attributing_actor', 'attributed_initiator', 'attributed_initiator_country', 'attributed_initiator_category'],
  receivers: ['ID', 'receiver_country', 'receiver_name', 'receiver_category'],
} as const;

const INITIATOR_TYPE: Record<string, 'state' | 'state-sponsored' | 'non-state' | 'unknown'> = {
  State: 'state',
  'Non-state actor, state-affiliation suggested': 'state-sponsored',
  'Non-state-group': 'non-state',
  'Individual hacker(s)': 'non-state',
  'Unknown - not attributed': 'unknown',
};

/**
 * The columns of the global database that no field of the product is read from but that the incident keeps as
 * EuRepoC's own codings (`codings` of the incident schema, cell by cell with the row they come from): the inclusion
 * criteria, how the incident became known, the regions, conflict issues and HIIK intensities, the attribution sources,
 * zero-days, MITRE ATT&CK techniques, the intensity and impact scores (disruption and hijacking among them: the
 * product reads only whether there was a disruption), the incident's source addresses, and the legal indicators (state
 * responsibility, breach of international law, evidence for sanctions, the legal attribution reference, the response
 * justified). No rule of the toolbox reads them.
 */
export const EUREPOC_CODED_COLUMNS = [
  'inclusion_criteria',
  'inclusion_criteria_subcode',
  'source_incident_detection_disclosure',
  'receiver_region',
  'attributed_initiator_subcategory',
  'sources_attribution',
  'cyber_conflict_issue',
  'offline_conflict_issue',
  'offline_conflict_name_HIIK',
  'offline_conflict_intensity',
  'zero_days',
  'zero_days_subcode',
  'MITRE_initial_access',
  'MITRE_impact',
  'user_interaction',
  'disruption',
  'hijacking',
  'data_theft',
  'physical_effects_temporal',
  'unweighted_cyber_intensity',
  'target_multiplier',
  'impact_indicator',
  'impact_indicator_value',
  'functional_impact',
  'intelligence_impact',
  'political_impact_affected_entities',
  'political_impact_affected_entities_exact_value',
  'political_impact_third_countries',
  'political_impact_third_countries_exact_value',
  'economic_impact',
  'economic_impact_exact_value',
  'economic_impact_currency',
  'state_responsibility_indicator',
  'IL_breach_indicator',
  'IL_breach_indicator_subcode',
  'evidence_for_sanctions_indicator',
  'legal_attribution_reference',
  'legal_attribution_reference_subcode',
  'legal_response_indicator',
  'casualties',
  'sources_url',
] as const;

/**
 * The columns no field reads and no coding keeps, because each is a count of rows the import keeps otherwise: the
 * attribution rows of the incident (number_of_attributions; each row is an attribution or a statement of one) and its
 * political and legal responses (number_of_political_responses, number_of_legal_responses; each response is kept in
 * the import details, and those the toolbox knows on the incident). The report counts the rows whose cell holds a value.
 */
export const EUREPOC_UNREAD_COLUMNS = ['number_of_attributions', 'number_of_political_responses', 'number_of_legal_responses'] as const;

/**
 * The column of the receiver dataset no field reads: a receiver's regions (ASIA; CENTAS; CSTO), which the global
 * database's receiver_region, kept as a coding of the incident, gives for all its receivers. The report counts the rows
 * whose cell holds a value.
 */
export const EUREPOC_UNREAD_RECEIVER_COLUMNS = ['receiver_region'] as const;

/**
 * The columns of the attribution dataset an attribution keeps as its statement, cell by cell (statement below): all
 * but the incident and the initiator, which the attribution record names (its subject and its actor). The report says
 * per column where the cells holding a value went: the attribution record's statements, the statement of the
 * incident's attribution (a row naming no initiator, which no record keeps), or nowhere with a row left out.
 */
const STATEMENT_COLUMNS = ['attribution_ID', 'attribution_date', 'attribution_type', 'attribution_basis', 'attributing_actor', 'attribution_it_company', 'attributing_country', 'attributed_initiator_country', 'attributed_initiator_category'] as const;

/** Counts where the cells of an attribution row that hold a value went, per column. */
function accountCells(a: Row, where: string, r: ReportBuilder): void {
  for (const c of STATEMENT_COLUMNS) if (!isNone(a[c])) r.mapped('attribution columns', c, where);
}

/**
 * Whether a cell holds a coding: EuRepoC writes "Not available" (and an empty list, `[]`) where a column was not coded,
 * and keeps "Unknown" and "None" as codings of their own (the coders could not tell; no data theft, no user
 * interaction), so those are kept as written.
 */
export function isCoded(value: string | undefined): value is string {
  if (value === undefined) return false;
  const s = value.trim();
  return s !== '' && s !== '[]' && s.toLowerCase() !== 'not available';
}

export interface EurepocInput {
  incidents: Iterable<Row>;
  /** Rows of EuRepoC_Attribution_dataset, by incident_ID. */
  attributions: Map<string, Row[]>;
  /** Rows of EuRepoC_Receiver_dataset, by ID. */
  receivers: Map<string, Row[]>;
}

export type EurepocFileKind = 'incidents' | 'attributions' | 'receivers';

/** Which of the release's three files a row comes from, told by its columns; null for none of them. */
export function eurepocFileKind(row: Row): EurepocFileKind | null {
  if ('attribution_type' in row && 'incident_ID' in row) return 'attributions';
  if ('start_date' in row) return 'incidents';
  if ('receiver_category' in row) return 'receivers';
  return null;
}

/** The rows of the three files as the mapping reads them: incidents in order, the others grouped by incident id. */
export class EurepocRows implements EurepocInput {
  readonly incidents: Row[] = [];
  readonly attributions = new Map<string, Row[]>();
  readonly receivers = new Map<string, Row[]>();

  add(kind: EurepocFileKind, row: Row): void {
    if (kind === 'incidents') this.incidents.push(row);
    else this.group(kind === 'attributions' ? this.attributions : this.receivers, ((kind === 'attributions' ? row.incident_ID : row.ID) ?? '').trim(), row);
  }

  /** Lets the rows go (once mapped). */
  clear(): void {
    this.incidents.length = 0;
    this.attributions.clear();
    this.receivers.clear();
  }

  private group(m: Map<string, Row[]>, key: string, row: Row): void {
    const list = m.get(key);
    if (list) list.push(row);
    else m.set(key, [row]);
  }
}

const clean = (v: string | undefined) => (isNone(v) ? undefined : (v as string).trim());
const normName = (n: string) => n.trim().toLowerCase().replace(/\s+/g, ' ');

/** weighted_cyber_intensity (1-15 in the codebook, 0-10 in release 1.1) to a rank on the severity scale. */
function severityRank(intensity: number): number {
  if (!Number.isFinite(intensity) || intensity <= 1) return 0;
  if (intensity <= 3) return 1;
  if (intensity <= 6) return 2;
  return 3;
}

/** What the mapping of a release keeps from row to row: its inputs, the batch, and the counts the report gets at the end. */
interface EurepocRun {
  input: EurepocInput;
  vocabulary: IncidentVocabulary;
  r: ReportBuilder;
  tables: ExchangeTables;
  sha1: ((text: string) => string) | undefined;
  batch: ImportBatch;
  actors: Map<string, ActorRecord>;
  levels: string[];
  measures: Set<string>;
  seen: Set<string>;
  /** The incidents mapped, so that the rows of the other two files whose incident is not among them are named. */
  mappedIds: Set<string>;
  unread: Map<string, number>;
  unreadReceiver: Map<string, number>;
  coded: Map<string, number>;
}

/** `sha1`: SHA-1 of a text as hex for the record ids, the platform's when the edge gives it (the same digest, faster). */
export function mapEurepoc(input: EurepocInput, vocabulary: IncidentVocabulary, r: ReportBuilder, tables: ExchangeTables, sha1?: (text: string) => string): ImportBatch {
  const run: EurepocRun = {
    input,
    vocabulary,
    r,
    tables,
    sha1,
    batch: emptyBatch(),
    actors: new Map(),
    levels: severityIds(vocabulary.severity),
    measures: new Set(vocabulary.measureIds ?? []),
    seen: new Set(),
    mappedIds: new Set(),
    unread: new Map(),
    unreadReceiver: new Map(),
    coded: new Map(),
  };
  // Each row is mapped by small functions of its own. One loop holding the whole row's mapping was compiled again by
  // V8's optimizing compiler at each import (on the stack, part-way through the loop, and dropped again once the
  // import's objects it was specialised to were collected), which cost about as much CPU as the mapping itself.
  for (const row of input.incidents) mapRow(run, row);
  const { batch, actors, coded, unread, unreadReceiver, seen, mappedIds } = run;
  for (const c of EUREPOC_CODED_COLUMNS) {
    const n = coded.get(c);
    if (n) r.mapped('columns kept as EuRepoC codings', c, `${n} incident(s) with a coding`);
  }
  for (const [c, n] of unread) r.mapped('columns not imported', c, `${n} row(s) with a value (a count of rows kept otherwise)`);
  for (const [c, n] of unreadReceiver) r.mapped('columns not imported', `${c} (receiver dataset)`, `${n} row(s) with a value (the global database's receiver_region, kept as a coding, gives the incident's regions)`);
  leftOut(input.attributions, 'attribution row', 'incident_ID', seen, mappedIds, r);
  leftOut(input.receivers, 'receiver row', 'ID', seen, mappedIds, r);
  for (const [id, body] of [...actors].sort(([a], [b]) => a.localeCompare(b))) {
    batch.actors.push({ id, body, marking: null, source: { format: 'eurepoc', key: `eurepoc-actor:${normName(body.name)}`, modified: null } });
  }
  r.report.mapped = { ...r.report.mapped, incident: batch.incidents.length, actor: batch.actors.length, attribution: batch.attributions.length };
  return batch;
}

/** One row of the global database: its incident with its attribution records and actors, or a skip in the report. */
function mapRow(run: EurepocRun, row: Row): void {
  const { input, r, vocabulary, seen } = run;
  for (const c of EUREPOC_UNREAD_COLUMNS) if (!isNone(row[c])) run.unread.set(c, (run.unread.get(c) ?? 0) + 1);
  r.report.read++;
  r.type('incident row');
  const eid = row.ID?.trim() ?? '';
  const obj = `eurepoc:${eid || `row ${r.report.read}`}`;
  if (!/^\d+$/.test(eid)) {
    r.skip(obj, 'ID', `"${eid}" is not an EuRepoC incident ID`);
    return;
  }
  if (seen.has(eid)) {
    r.skip(obj, 'ID', 'the file holds this ID twice; the first row is used');
    return;
  }
  seen.add(eid);
  const attributionRows = input.attributions.get(eid) ?? [];
  const receiverRows = input.receivers.get(eid) ?? [];

  const inferred: string[] = [];
  let start = isoDay(row.start_date);
  if (!start) {
    const fallback = inferredStart(row, attributionRows);
    if (!fallback) {
      r.skip(obj, 'start_date', 'no start date, and no end, attribution or response date, nor a year in its name, description or sources: the toolbox needs a start date');
      return;
    }
    r.warn(obj, 'start_date', `empty; ${fallback.date} (${fallback.from}) used as start`);
    r.mapped('start date inferred', fallback.from, 'start');
    inferred.push('start');
    start = fallback.date;
  }
  let end = isoDay(row.end_date);
  if (end && end < start) {
    r.warn(obj, 'end_date', `${end} is before the start ${start}; left out`);
    end = undefined;
  }

  const { kept, unknownVictim } = victimsOfRow(run, row, receiverRows, obj, inferred);

  const types = (row.incident_type ?? '').split(';').map((t) => t.trim());
  const initiatorCats = [...attributionRows.map((a) => a.attributed_initiator_category ?? ''), ...pyList(row.initiator_category ?? '')].filter((c) => !isNone(c));
  const subcats = pyList(row.initiator_category_subcode ?? '').join(' ');
  const conflict = row.offline_conflict_intensity_subcode ?? '';
  const category = categoryOf(types, initiatorCats, subcats, conflict);
  r.mapped('category', category.because, category.value);

  const rank = severityRank(Number(row.weighted_cyber_intensity));
  const severity = run.levels[Math.min(rank, run.levels.length - 1)] as string;
  r.mapped('severity', `weighted_cyber_intensity ${row.weighted_cyber_intensity || '(empty)'}`, severity);
  const critical = kept.some((v) => ['critical-infrastructure', 'essential-services'].includes(sectorInfo(v.sector).target ?? ''));
  const physical = !isNone(row.physical_effects_spatial) && row.physical_effects_spatial !== 'none';

  // Initiator: the first attribution naming a country, else the main table's initiator cells.
  const named = attributionRows.find((a) => countryCodeOf(a.attributed_initiator_country ?? '')) ?? attributionRows[0];
  const initiatorCountry = countryCodeOf(named?.attributed_initiator_country ?? '') ?? pyList(row.initiator_country ?? '').map(countryCodeOf).find((c) => c);
  const initiatorCat = clean(named?.attributed_initiator_category) ?? initiatorCats[0] ?? '';
  const initiatorType = INITIATOR_TYPE[initiatorCat] ?? 'unknown';
  r.mapped('initiator type', initiatorCat, initiatorType);
  const initiatorName = clean(named?.attributed_initiator) ?? pyList(row.initiator_name ?? '').map(clean).find((n) => n);

  // The rows whose attribution goes into the incident's own list, by their place among the incident's rows.
  const onIncident = new Set<number>();
  const attribution = incidentAttributions(r, attributionRows, obj, start, onIncident);
  const { observations, responses } = responsesOfRow(run, row, obj, start);

  const raw = {
    // The name whole: one longer than a title may be is refused below with its row, never cut short unsaid.
    title: clean(row.name) ?? `EuRepoC incident ${eid}`,
    ...(clean(row.description) ? { summary: clean(row.description) } : {}),
    start,
    ...(end ? { end } : {}),
    category: category.value,
    victims: kept,
    effects: { severity, disruptsEssentialServices: row.has_disruption === 'True' && critical, physicalDamage: physical },
    initiator: { type: initiatorType, country: initiatorCountry ?? null, ...(initiatorName ? { name: initiatorName } : {}) },
    attribution,
    responses,
    ...codingsOf(row, obj, r),
  };
  let incident: IncidentInput;
  try {
    incident = validateImportedIncident(raw, vocabulary);
  } catch (error) {
    if (!isAppError(error)) throw error;
    for (const i of error.issues) r.skip(obj, i.path, `${i.message}; incident skipped`);
    return;
  }
  r.kept(inferred, unknownVictim);
  for (const c of Object.keys(incident.codings?.[0]?.cells ?? {})) run.coded.set(c, (run.coded.get(c) ?? 0) + 1);
  const id = recordId('inc', obj, run.sha1);
  run.mappedIds.add(eid);
  run.batch.incidents.push({ id, body: incident, marking: null, source: { format: 'eurepoc', key: obj, modified: null }, details: { source: EUREPOC_SOURCE, responses: observations } });
  attributionRecords(run, attributionRows, obj, id, onIncident);
}

/**
 * The incident's victims from the receiver table (one row per receiver), else from the list-valued cells of the main
 * table; `inferred` gets the fields read from a name.
 */
function victimsOfRow(run: EurepocRun, row: Row, receiverRows: Row[], obj: string, inferred: string[]): { kept: IncidentInput['victims']; unknownVictim: boolean } {
  const { r, tables } = run;
  for (const x of receiverRows) for (const c of EUREPOC_UNREAD_RECEIVER_COLUMNS) if (!isNone(x[c])) run.unreadReceiver.set(c, (run.unreadReceiver.get(c) ?? 0) + 1);
  const receivers = receiverRows.length
    ? receiverRows.map((x) => ({ country: x.receiver_country ?? '', name: x.receiver_name ?? '', category: x.receiver_category ?? '', subcode: clean(x.receiver_category_subcode) }))
    : pyList(row.receiver_country ?? '').map((country, i) => ({ country, name: pyList(row.receiver_name ?? '')[i] ?? '', category: pyList(row.receiver_category ?? '')[i] ?? '', subcode: undefined as string | undefined }));
  const victims: IncidentInput['victims'] = [];
  const keys = new Set<string>();
  /** Per receiver row: the victims it gave, and whether any was new (else an earlier row gave the same victim). */
  const fromRow: { victims: IncidentInput['victims']; added: boolean }[] = [];
  for (const rec of receivers) {
    // The category with its subcode where the table has it ("Critical infrastructure: Energy"), else the category.
    const withSub = rec.subcode ? `${rec.category}: ${rec.subcode}` : undefined;
    const fine = withSub ? sectorFromTable(tables.sectors, 'eurepoc', [withSub]) : undefined;
    const { sector, unknown } = fine && !fine.unknown.length ? fine : sectorFromTable(tables.sectors, 'eurepoc', [rec.category]);
    r.mapped('victim sector', fine && !fine.unknown.length ? (withSub as string) : rec.category, unknown.length ? `${sector} (not in the table)` : sector);
    const found = eurepocReceiver(tables.victims, rec.country, rec.category, clean(rec.name), sector);
    r.mapped('victim', `${rec.country || '(empty)'}${found.fromName ? ` / ${found.fromName}` : ''}`, found.how);
    if (found.inferred) inferred.push(found.inferred);
    if (found.review) r.toReview(obj, 'receiver_country', rec.country, found.review);
    const from = { victims: found.victims, added: false };
    fromRow.push(from);
    for (const v of found.victims) {
      const key = `${v.country}|${v.region ?? ''}|${v.sector}|${v.name ?? ''}`;
      if (keys.has(key)) continue;
      keys.add(key);
      victims.push(v);
      from.added = true;
    }
  }
  if (!receivers.length) r.mapped('victim', '(no receiver)', 'unknown (ZZ)');
  // A known victim makes the unknown ones of the same row redundant ("Global (region)" beside "Ukraine" stays: a region
  // says more, and so does a receiver's name: "Unknown" beside "Ukraine" with a name is a victim of its own).
  const knownVictims = victims.filter((v) => v.country !== UNKNOWN_VICTIM_COUNTRY || v.region || v.name);
  const kept = knownVictims.length ? knownVictims : [{ country: UNKNOWN_VICTIM_COUNTRY, sector: victims[0]?.sector ?? 'private' }];
  const unknownVictim = kept.every((v) => v.country === UNKNOWN_VICTIM_COUNTRY && !v.region);
  if (receiverRows.length) {
    for (const from of fromRow) {
      r.type('receiver row');
      const inKept = from.victims.some((v) => kept.includes(v));
      r.mapped('receiver row', from.added ? (inKept ? 'a victim' : 'an unknown receiver beside a known victim') : 'the same victim as an earlier row', from.added ? (inKept ? 'victim' : 'left out') : 'merged');
    }
  }
  return { kept, unknownVictim };
}

/** The incident's own attributions: the rows naming an attributor and an initiator, country or type (their places go into `onIncident`). */
function incidentAttributions(r: ReportBuilder, attributionRows: Row[], obj: string, start: string, onIncident: Set<number>) {
  return attributionRows.flatMap((a, n) => {
    const by = clean(a.attributing_actor) ?? clean(a.attribution_it_company) ?? clean(a.attributing_country) ?? clean(a.attribution_basis);
    if (!by || (isNone(a.attributed_initiator) && isNone(a.attributed_initiator_country) && isNone(a.attribution_type))) return [];
    onIncident.add(n);
    // No attribution record keeps a row naming no initiator: the incident's attribution keeps its cells.
    const own = isNone(a.attributed_initiator) ? { statement: statement(a, attributionRowName(a, n)) } : {};
    const kind = attributionKind(a.attribution_type ?? '');
    r.mapped('attribution kind', a.attribution_type ?? '', kind);
    const confidence = attributionConfidence(a.attribution_basis ?? '');
    r.mapped('attribution confidence', a.attribution_basis ?? '', confidence);
    let date = isoDay(a.attribution_date);
    if (date && date < start) {
      r.warn(obj, `attributions.${n}.attribution_date`, `${date} is before the start ${start}; date left out`);
      date = undefined;
    }
    return [{ kind, by, confidence, public: true, ...(date ? { date } : {}), ...own }];
  });
}

/** The row's political and legal responses as observed, and those the toolbox knows as the incident's responses. */
function responsesOfRow(run: EurepocRun, row: Row, obj: string, start: string) {
  const { r, tables, measures } = run;
  const observations = [...politicalResponses(tables.eurepocResponses, row, start), ...legalResponses(tables.eurepocResponses, row, start)];
  const responses: { measure: string; date: string; by: string; note?: string }[] = [];
  for (const o of observations) {
    const who = o.actorKind ?? (o.review ? 'for review' : 'not said');
    r.mapped(`${o.kind} response`, `${o.subtype ?? o.type} by ${who}`, o.measure ?? (o.category ? `${o.category} (kept as a response by its actor)` : '(outside the toolbox)'));
    if (o.review) r.toReview(obj, `${o.kind}_response_country`, `${o.subtype ?? o.type}: ${o.country ?? '?'} / ${o.actor ?? '?'}`, `who acted is unclear: ${o.review}; mapped to no measure`);
    if (!o.measure) continue;
    if (measures.size && !measures.has(o.measure)) {
      r.warn(obj, 'political_response_type_subcode', `measure "${o.measure}" is not in the measures catalogue; response kept only in the import details`);
      o.measure = null;
      continue;
    }
    if (!o.date || o.date < start) {
      r.warn(obj, `${o.kind}_response_date`, `${o.subtype ?? o.type}: ${o.date ? `${o.date} is before the start ${start}` : 'no date'}; kept only in the import details`);
      continue;
    }
    responses.push({ measure: o.measure, date: o.date, by: o.actor ?? o.country ?? 'European Union', note: `EuRepoC ${o.kind} response: ${o.subtype ?? o.type} (${o.actorKind === 'eu' ? 'the EU' : 'a member state'})` });
  }
  return { observations, responses };
}

/** Attributed initiators become actors, each attribution an attribution record (one per incident and initiator). */
function attributionRecords(run: EurepocRun, attributionRows: Row[], obj: string, id: string, onIncident: Set<number>): void {
  const { r, actors, sha1 } = run;
  /** The attribution record of each incident and initiator: its id, the row it was made from and the rows it keeps. */
  const recordRows = new Map<string, { id: string; row: string; statements: AttributionStatement[] }>();
  for (const [n, a] of attributionRows.entries()) {
    r.type('attribution row');
    const row = attributionRowName(a, n);
    const name = clean(a.attributed_initiator);
    if (!name) {
      if (onIncident.has(n)) {
        r.mapped('attribution row', 'no initiator named', 'on the incident only');
        accountCells(a, "the statement of the incident's attribution", r);
      } else {
        r.mapped('attribution row', 'no attributor, or no initiator, country or type', 'left out');
        accountCells(a, 'left out with its row', r);
        r.warn(obj, `attributions.${n}`, `${row} names no attributor, or no initiator, initiator country or attribution type; left out`);
      }
      continue;
    }
    const actorId = recordId('act', `eurepoc-actor:${normName(name)}`, sha1);
    const [first, ...aliases] = name.split('/').map((s) => s.trim()).filter(Boolean);
    const country = countryCodeOf(a.attributed_initiator_country ?? '') ?? null;
    const prior = actors.get(actorId);
    const kind = (INITIATOR_TYPE[a.attributed_initiator_category ?? ''] === 'state' ? 'identity' : 'threat-actor') as 'identity' | 'threat-actor';
    const actor = ActorRecord.safeParse({
      kind: prior?.kind ?? kind,
      name: first ?? name,
      aliases: [...new Set([...(prior?.aliases ?? []), ...aliases])].sort(),
      country: prior?.country ?? country,
      types: [...new Set([...(prior?.types ?? []), ...[clean(a.attributed_initiator_category)].filter((t): t is string => !!t)])].sort(),
      uses: [],
    });
    // An initiator's name longer than an actor's may be: the row is left out, named with the limit, as the incident's
    // own initiator name would skip its incident.
    if (!actor.success) {
      r.mapped('attribution row', 'initiator not an actor', 'left out');
      accountCells(a, 'left out with its row', r);
      for (const i of actor.error.issues) r.warn(obj, `attributions.${n}.attributed_initiator`, `${row}: ${i.path.map(String).join('.')}: ${i.message}; attribution left out`);
      continue;
    }
    actors.set(actorId, actor.data);
    const atrKey = `${obj}|${actorId}`;
    const earlier = recordRows.get(atrKey);
    if (earlier !== undefined) {
      // One attribution record per incident and initiator: a further row of the pair is kept among the record's
      // statements (attributor, date, type) and named in the report with the record it went into.
      earlier.statements.push(statement(a, row));
      accountCells(a, "the attribution record's statements", r);
      r.mapped('attribution columns', 'attributed_initiator', "the attribution record's actor");
      r.mapped('attribution row', 'same incident and initiator as an earlier row', onIncident.has(n) ? 'merged (its attributor and date on the incident)' : 'merged');
      r.warn(obj, `attributions.${n}`, `${row} (${statementText(a)}) attributes it to "${name}" as ${earlier.row} does; merged into attribution record ${earlier.id}, which keeps its attributor, date and type among its statements${onIncident.has(n) ? ', as the incident\'s attributions keep its attributor and date' : ''}`);
      continue;
    }
    const date = isoDay(a.attribution_date);
    const record = { id: recordId('atr', atrKey, sha1), row, statements: [statement(a, row)] };
    recordRows.set(atrKey, record);
    r.mapped('attribution row', 'initiator named', 'attribution record');
    accountCells(a, "the attribution record's statements", r);
    r.mapped('attribution columns', 'attributed_initiator', "the attribution record's actor");
    run.batch.attributions.push({
      id: record.id,
      body: { subject: { kind: 'incident', id }, target: actorId, confidence: null, ...(clean(a.attributing_actor) ? { by: clean(a.attributing_actor) } : {}), ...(date ? { date } : {}), statements: record.statements },
      marking: null,
      source: { format: 'eurepoc', key: atrKey, modified: null },
    });
  }
}

/**
 * The row's cells of the coded columns, as the incident keeps them (DatasetCoding), with the row they come from. A
 * cell longer than the schema takes is left out and named (none in release 1.1, whose longest is 9,443 characters), so
 * that it never costs the incident.
 */
function codingsOf(row: Row, obj: string, r: ReportBuilder): { codings?: DatasetCoding[] } {
  const cells: Record<string, string> = {};
  for (const c of EUREPOC_CODED_COLUMNS) {
    const value = row[c];
    if (!isCoded(value)) continue;
    const text = value.trim();
    if (text.length > CODINGS_MAX.value) r.warn(obj, c, `${text.length.toLocaleString('en-GB')} characters, more than the ${CODINGS_MAX.value.toLocaleString('en-GB')} a coding keeps; left out`);
    else cells[c] = text;
  }
  return Object.keys(cells).length ? { codings: [{ source: `${EUREPOC_SOURCE.locator}, ID ${row.ID?.trim() ?? ''}`, cells }] } : {};
}

/**
 * Counts the attribution or receiver rows of incidents not mapped: with their incident when it was skipped (the
 * report names it), each named when no incident row of the files has their ID.
 */
function leftOut(rows: Map<string, Row[]>, kind: 'attribution row' | 'receiver row', column: string, seen: Set<string>, mappedIds: Set<string>, r: ReportBuilder): void {
  for (const [eid, list] of rows) {
    if (mappedIds.has(eid)) continue;
    for (const [n, row] of list.entries()) {
      r.type(kind);
      if (kind === 'attribution row') accountCells(row, 'left out with its row', r);
      if (seen.has(eid)) {
        r.mapped(kind, 'its incident skipped', 'left out');
        continue;
      }
      r.mapped(kind, 'no incident row with its ID', 'left out');
      const name = kind === 'attribution row' ? attributionRowName(row, n) : `receiver row ${n + 1} of this ID`;
      r.warn(`eurepoc:${eid || '(empty)'}`, column, `${name}: no row of the incidents file has this ID; left out`);
    }
  }
}

type AttributionStatement = NonNullable<AttributionRecord['statements']>[number];

/** An attribution row as its record keeps it: every cell of the row but the incident and initiator the record names. */
function statement(a: Row, row: string): AttributionStatement {
  const cells = {
    id: clean(a.attribution_ID),
    date: isoDay(a.attribution_date) ?? clean(a.attribution_date),
    type: clean(a.attribution_type),
    basis: clean(a.attribution_basis),
    by: clean(a.attributing_actor),
    company: clean(a.attribution_it_company),
    country: clean(a.attributing_country),
    initiatorCountry: clean(a.attributed_initiator_country),
    initiatorCategory: clean(a.attributed_initiator_category),
  };
  return { source: `EuRepoC ${row}`, ...Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== undefined)) };
}

/** A merged row in the report's words: who attributed it, when and how, as far as the row says. */
function statementText(a: Row): string {
  const by = clean(a.attributing_actor) ?? clean(a.attribution_it_company) ?? clean(a.attributing_country);
  return [by ? `by ${by}` : 'attributor not named', isoDay(a.attribution_date) ? `on ${isoDay(a.attribution_date)}` : 'undated', clean(a.attribution_type) ?? 'type not given'].join(', ');
}

/** An attribution row as the report names it: its attribution_ID, else its place among the incident's rows. */
function attributionRowName(a: Row, n: number): string {
  const id = clean(a.attribution_ID);
  return `attribution row ${n + 1} of the incident${id ? ` (attribution_ID ${id})` : ''}`;
}

/** The product's threat category, with the rule that gave it. */
function categoryOf(types: string[], initiators: string[], subcats: string, conflict: string): { value: string; because: string } {
  const state = initiators.some((c) => c === 'State' || c.startsWith('Non-state actor, state-affiliation'));
  if (types.includes('Ransomware') || /Criminal/.test(subcats)) return { value: 'cyber-crime', because: 'ransomware or criminal initiator' };
  if (/Terrorist/.test(subcats)) return { value: 'cyber-terrorism', because: 'terrorist initiator' };
  if (types.includes('Disruption') && state && /HIIK [45]/.test(conflict)) return { value: 'cyber-warfare', because: 'state disruption during a war (HIIK 4-5)' };
  if (types.includes('Data theft & Doxing')) return { value: 'hybrid', because: 'data theft and doxing (hack and leak)' };
  if (types.includes('Data theft')) return { value: 'cyber-espionage', because: 'data theft' };
  if (state) return { value: 'hybrid', because: 'disruption or hijacking by a state or state-affiliated initiator' };
  return { value: 'cyber-crime', because: 'disruption or hijacking by a non-state initiator' };
}

function attributionKind(type: string): 'technical' | 'political' | 'legal' {
  if (/legal action|indictment|sanctions/i.test(type)) return 'legal';
  if (/political statement/i.test(type)) return 'political';
  return 'technical';
}

function attributionConfidence(basis: string): 'low' | 'medium' | 'high' {
  if (/contested|media-based/i.test(basis)) return 'low';
  if (/receiver government|EU institution|international organization/i.test(basis)) return 'high';
  return 'medium';
}
