// Reading exchange files from disk: the OASIS STIX schemas, STIX bundles streamed object by object (a
// 100 MB bundle is never held as text or as one parsed tree; see core/exchange/json-stream.ts), and CSV files streamed row by row; each stream also
// gives the file's SHA-256, which the audit trail records for the import.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { CsvReader, CsvSyntaxError } from '../core/exchange/csv';
import { eurepocFileKind, type EurepocFileKind, type EurepocRows } from '../core/exchange/eurepoc';
import { JsonStreamError, JsonStreamReader } from '../core/exchange/json-stream';
import { parseExchangeTables, type ExchangeTables } from '../core/exchange/mapping-tables';
import type { SchemaDocument } from '../core/exchange/stix-schemas';
import { AppError } from '../core/errors';
import { readYamlFile } from './dataset-files';

export type Progress = (done: number, total: number) => void;

const SCHEMA_DIRS = ['common', 'sdos', 'sros', 'observables'];

/** Every schema file under the folder, as the core's schema compiler wants them. */
export function readStixSchemas(dir: string): SchemaDocument[] {
  if (!fs.existsSync(path.join(dir, 'common', 'core.json'))) {
    throw new AppError('corrupt_data', `The OASIS STIX 2.1 schemas are not in ${dir} (expected common/core.json); set CYBERDIPLO_STIX_SCHEMAS to their folder`);
  }
  const docs: SchemaDocument[] = [];
  for (const sub of SCHEMA_DIRS) {
    const folder = path.join(dir, sub);
    if (!fs.existsSync(folder)) continue;
    for (const f of fs.readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
      docs.push({ path: `${sub}/${f}`, schema: JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')) as Record<string, unknown> });
    }
  }
  return docs;
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    throw new AppError('invalid_input', `Cannot read file "${file}"`, [{ path: 'file', message: 'not found or unreadable' }]);
  }
}

export interface JsonHandlers {
  /** The top-level properties other than `objects` (type, id, spec_version …), once the document ends. */
  top(value: Record<string, unknown>): void;
  /** Each element of the top-level `objects` array, or of a top-level array, as soon as it is complete. */
  object(value: unknown): void;
}

/**
 * Streams a JSON document: elements of `objects` (or of a top-level array) are parsed and handed over one at a
 * time; the other top-level properties are collected whole. A file that is not JSON gives an AppError with the
 * reader's message. Returns the SHA-256 (hex) of the bytes read.
 */
export async function streamJsonFile(file: string, handlers: JsonHandlers, progress?: Progress): Promise<string> {
  const total = fileSize(file);
  const digest = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  const top: Record<string, unknown> = {};
  const reader = new JsonStreamReader({ object: handlers.object, top: (key, value) => (top[key] = value) });
  let read = 0;
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      digest.update(bytes);
      read += bytes.length;
      reader.push(decoder.write(bytes));
      progress?.(read, total);
    }
    const rest = decoder.end();
    if (rest) reader.push(rest);
    reader.end();
  } catch (error) {
    if (!(error instanceof JsonStreamError)) throw error;
    const name = path.basename(file);
    if (error.kind === 'shape') throw new AppError('invalid_import', `"${name}" holds ${error.message}`, [{ path: '(root)', message: 'expected an object' }]);
    throw new AppError('invalid_import', `"${name}" is not valid JSON: ${error.message}`, [{ path: 'file', message: 'not JSON' }]);
  }
  handlers.top(top);
  return digest.digest('hex');
}

/**
 * Streams a CSV file: each record as an object keyed by the header, with its line number; returns the header and the
 * file's SHA-256. A record with more or fewer cells than the header, or a file that ends inside a quoted cell, refuses
 * the file (AppError invalid_import naming it, the line and the counts). `after.run` is awaited after every `after.every` rows, and at the end, before more rows are given.
 */
export async function streamCsvFile(file: string, onRow: (row: Record<string, string>, line: number) => void, progress?: Progress, after?: { every: number; run: () => Promise<void> }): Promise<{ header: string[]; sha256: string }> {
  const total = fileSize(file);
  // A row cut short (a truncated download, a file cut mid-row) or with cells run together would map its cells to the
  // wrong columns and overwrite a good record: every row must have the header's cells.
  const reader = new CsvReader({ sameWidth: true });
  const digest = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  let header: string[] | null = null;
  let read = 0;
  let rows = 0;
  const take = async (records: { line: number; cells: string[] }[]) => {
    for (const r of records) {
      if (!header) {
        header = r.cells.map((c) => c.trim());
        continue;
      }
      const row: Record<string, string> = {};
      header.forEach((h, i) => (row[h] = r.cells[i] ?? ''));
      onRow(row, r.line);
      if (after && ++rows % after.every === 0) await after.run();
    }
  };
  try {
    for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
      const bytes = chunk as Buffer;
      digest.update(bytes);
      read += bytes.length;
      await take(reader.push(decoder.write(bytes)));
      progress?.(read, total);
    }
    const rest = decoder.end();
    if (rest) await take(reader.push(rest));
    await take(reader.end());
    await after?.run();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new AppError('invalid_import', `"${path.basename(file)}" is not valid CSV: ${error.message}`, [{ path: `line ${error.line}`, message: error.message }]);
    throw error;
  }
  return { header: header ?? [], sha256: digest.digest('hex') };
}

/**
 * The header row of a CSV file (its first record, cells trimmed, as streamCsvFile gives it), reading no further than
 * that record: [] for an empty file; null when the text up to it is not CSV (streaming the file then reports why).
 */
export async function readCsvHeader(file: string): Promise<string[] | null> {
  fileSize(file);
  const reader = new CsvReader();
  const decoder = new StringDecoder('utf8');
  // The chunks streamCsvFile reads, so that the reader sees the very same text.
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  const header = (records: { cells: string[] }[]) => records[0]?.cells.map((c) => c.trim());
  try {
    for await (const chunk of stream) {
      const found = header(reader.push(decoder.write(chunk as Buffer)));
      if (found) return found;
    }
    const rest = decoder.end();
    return header([...(rest ? reader.push(rest) : []), ...reader.end()]) ?? [];
  } catch (error) {
    if (error instanceof CsvSyntaxError) return null;
    throw error;
  } finally {
    stream.destroy();
  }
}

/** Streams one file of the EuRepoC release into `rows`, telling which of the three it is by its columns (null: none). */
export async function streamEurepocFile(file: string, rows: EurepocRows, progress?: Progress): Promise<{ kind: EurepocFileKind | null; header: string[]; sha256: string }> {
  let kind: EurepocFileKind | null = null;
  const read = await streamCsvFile(
    file,
    (row) => {
      kind ??= eurepocFileKind(row);
      if (kind) rows.add(kind, row);
    },
    progress,
  );
  return { kind, ...read };
}

const TABLE_FILES = ['sectors.yaml', 'victims.yaml', 'eurepoc-responses.yaml'] as const;

/** Tables already parsed, by the text of their files and the measure ids they were checked against (a few at most). */
const parsedTables = new Map<string, ExchangeTables>();

function freezeDeep<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
}

/**
 * The reviewed mapping tables of data/exchange (sectors, victims, EuRepoC responses), checked against the measure
 * ids. Parsing their YAML costs more CPU than mapping a few hundred incidents, so files whose text is the text
 * parsed before give the tables parsed then (frozen: every import shares them, with the lookups the mappers build on
 * them). A missing or broken file is reported as readYamlFile reports it, and nothing is kept.
 */
export function readExchangeTables(dataDir: string, measureIds: readonly string[]): ExchangeTables {
  const keyOf = () => {
    try {
      return JSON.stringify([...TABLE_FILES.map((name) => fs.readFileSync(path.join(dataDir, 'exchange', name), 'utf8')), measureIds]);
    } catch {
      return undefined;
    }
  };
  const key = keyOf();
  const known = key === undefined ? undefined : parsedTables.get(key);
  if (known) return known;
  const read = (name: (typeof TABLE_FILES)[number]) => readYamlFile(path.join(dataDir, 'exchange', name), dataDir).content;
  const tables = freezeDeep(parseExchangeTables({ sectors: read('sectors.yaml'), victims: read('victims.yaml'), eurepocResponses: read('eurepoc-responses.yaml') }, measureIds));
  // Kept only when the files did not change while they were parsed.
  if (key !== undefined && keyOf() === key) {
    if (parsedTables.size >= 4) parsedTables.clear();
    parsedTables.set(key, tables);
  }
  return tables;
}
