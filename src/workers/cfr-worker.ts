// A worker thread that reads CFR files and maps their rows (cfr-rows.ts starts it): the mapped incidents go to the
// import's thread a part at a time, which plans, writes and audits them meanwhile. At most `inFlight` parts wait there
// unanswered; the worker reads on once one is answered. The mapping's report (rows, mappings, problems with their
// lines) and each file's SHA-256 come with the last message.
import { hash } from 'node:crypto';
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '../core/errors';
import { CfrMapping, newReport, ReportBuilder, type CfrResponseTable, type ExchangeTables, type ImportReport } from '../core/exchange/index';
import type { IncidentVocabulary } from '../core/toolbox/index';
import { streamCsvFile } from '../store/exchange-files';

export interface CfrJob {
  files: string[];
  vocabulary: IncidentVocabulary;
  tables: ExchangeTables;
  responses: CfrResponseTable;
  /** Incidents per part handed over. */
  size: number;
  /** Parts handed over and not yet answered, at most. */
  inFlight: number;
}

/** The mapping's share of the report: everything but the written counts, which the import's thread keeps. */
export type MappedReport = Pick<ImportReport, 'read' | 'types' | 'mapped' | 'mappings' | 'problems' | 'rows' | 'review'>;

export type CfrMessage =
  | { part: unknown[] }
  | { progress: number }
  | { done: { report: MappedReport; sources: string[] } }
  | { error: { message: string; code?: string | undefined; issues?: unknown } };

const port = parentPort;
if (!port) throw new Error('cfr-worker runs as a worker thread');
const job = workerData as CfrJob;
const sha1 = (text: string) => hash('sha1', text, 'hex');

let open = 0;
let answered: (() => void) | undefined;
port.on('message', () => {
  open--;
  answered?.();
});
/** Waits until fewer than `inFlight` parts are unanswered. */
const room = () => (open < job.inFlight ? Promise.resolve() : new Promise<void>((resolve) => (answered = resolve)));

async function run(): Promise<void> {
  const report = newReport('cfr', [], false);
  const mapping = new CfrMapping(job.vocabulary, new ReportBuilder(report), job.tables, job.responses, sha1);
  const flush = async (all: boolean) => {
    while (mapping.pending >= job.size || (all && mapping.pending > 0)) {
      await room();
      open++;
      port?.postMessage({ part: mapping.take(job.size) } satisfies CfrMessage);
    }
  };
  const sources: string[] = [];
  // Bytes read over all files, as the import's thread counts them (exchange-service.ts, `overall`).
  let before = 0;
  for (const file of job.files) {
    const read = await streamCsvFile(file, (row, line) => mapping.row(line, row), (done) => port?.postMessage({ progress: before + done } satisfies CfrMessage), { every: job.size, run: () => flush(false) });
    before += fs.statSync(file).size;
    sources.push(read.sha256);
  }
  await flush(true);
  mapping.finish();
  const { read, types, mapped, mappings, problems, rows, review } = report;
  port?.postMessage({ done: { report: { read, types, mapped, mappings, problems, rows, review }, sources } } satisfies CfrMessage);
}

run().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  port.postMessage({ error: isAppError(error) ? { message, code: error.code, issues: error.issues } : { message } } satisfies CfrMessage);
});
