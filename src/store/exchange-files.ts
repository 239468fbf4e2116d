// Reading exchange files from disk: the OASIS STIX schemas, STIX bundles streamed object by object (a
// 100 MB bundle is never held as text or as one parsed tree), and CSV files streamed row by row.
import fs from 'node:fs';
import path from 'node:path';
import { parser } from 'stream-json';
import { Assembler } from 'stream-json/assembler.js';
import { CsvReader, CsvSyntaxError } from '../core/exchange/csv';
import type { SchemaDocument } from '../core/exchange/stix-schemas';
import { AppError } from '../core/errors';

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
 * Streams a JSON document: elements of `objects` (or of a top-level array) are assembled and handed over one
 * at a time; the other top-level properties are assembled whole. A file that is not JSON gives an AppError
 * with the parser's message.
 */
export async function streamJsonFile(file: string, handlers: JsonHandlers, progress?: Progress): Promise<void> {
  const total = fileSize(file);
  const input = fs.createReadStream(file);
  let read = 0;
  input.on('data', (chunk) => {
    read += chunk.length;
    progress?.(read, total);
  });
  const tokens = parser.asStream({ packValues: true, streamValues: false });
  const top: Record<string, unknown> = {};
  let depth = 0;
  let key: string | null = null;
  let inObjects = false;
  let rootArray = false;
  let asm: Assembler | null = null;
  let target: 'object' | 'top' = 'top';
  let targetKey = '';
  const finish = () => {
    const value = asm?.current;
    asm = null;
    if (target === 'object') handlers.object(value);
    else top[targetKey] = value;
  };
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown) => {
      input.destroy();
      reject(error instanceof AppError ? error : new AppError('invalid_import', `"${path.basename(file)}" is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, [{ path: 'file', message: 'not JSON' }]));
    };
    tokens.on('data', (t: { name: string; value?: unknown }) => {
      try {
        if (asm) {
          asm.consume(t as Parameters<Assembler['consume']>[0]);
          if (asm.done) finish();
          return;
        }
        const element = (inObjects && depth === 2) || (rootArray && depth === 1);
        if (element || (depth === 1 && !rootArray && key !== null && t.name !== 'keyValue')) {
          if (t.name === 'endArray') {
            depth--;
            inObjects = false;
            return;
          }
          if (!element && key === 'objects' && t.name === 'startArray') {
            inObjects = true;
            depth++;
            key = null;
            return;
          }
          target = element ? 'object' : 'top';
          targetKey = key ?? '';
          if (!element) key = null;
          asm = new Assembler();
          asm.consume(t as Parameters<Assembler['consume']>[0]);
          if (asm.done) finish();
          return;
        }
        if (t.name === 'startObject') depth++;
        else if (t.name === 'startArray') {
          depth++;
          if (depth === 1) rootArray = true;
        } else if (t.name === 'endObject' || t.name === 'endArray') depth--;
        else if (t.name === 'keyValue' && depth === 1) key = String(t.value);
        else if (depth === 0) throw new AppError('invalid_import', `"${path.basename(file)}" holds a single JSON value, not a STIX object or bundle`, [{ path: '(root)', message: 'expected an object' }]);
      } catch (error) {
        fail(error);
      }
    });
    tokens.on('error', fail);
    input.on('error', fail);
    tokens.on('end', () => resolve());
    input.pipe(tokens);
  });
  handlers.top(top);
}

/** Streams a CSV file: the header, then each record as an object keyed by it, with its line number. */
export async function streamCsvFile(file: string, onRow: (row: Record<string, string>, line: number) => void, progress?: Progress): Promise<string[]> {
  const total = fileSize(file);
  const reader = new CsvReader();
  let header: string[] | null = null;
  let read = 0;
  const take = (records: { line: number; cells: string[] }[]) => {
    for (const r of records) {
      if (!header) {
        header = r.cells.map((c) => c.trim());
        continue;
      }
      const row: Record<string, string> = {};
      header.forEach((h, i) => (row[h] = r.cells[i] ?? ''));
      onRow(row, r.line);
    }
  };
  try {
    for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      read += Buffer.byteLength(chunk as string);
      take(reader.push(chunk as string));
      progress?.(read, total);
    }
    take(reader.end());
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new AppError('invalid_import', `"${path.basename(file)}" is not valid CSV: ${error.message}`, [{ path: `line ${error.line}`, message: error.message }]);
    throw error;
  }
  return header ?? [];
}
