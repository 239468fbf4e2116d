// The server's start seeds the knowledge base in a short-lived process of its own (the same script, run with
// --seed-only): parsing and validating the data files and writing them leaves tens of megabytes of garbage and a grown
// young generation in a heap, and a process that exits gives all of it back, where the server's heap would keep it.
// The seed itself is the one of every start (seedStore: one transaction, ordered by a lock on PostgreSQL).
import { fork } from 'node:child_process';
import { seedStore, type Seeder } from '../app/workbench';
import { readConfig } from '../config';
import { AppError, isAppError, type ErrorCode } from '../core/errors';
import type { SeedReport } from '../store/kb-repository';

/** The argument that makes the server's script seed and exit instead of serving. */
export const SEED_ONLY = '--seed-only';

type SeedMessage = { report: SeedReport } | { error: { code?: ErrorCode; message: string } };

/** Runs this script again with --seed-only (same Node options, same environment) and answers its seed report. */
export const seedInChildProcess: Seeder = () =>
  new Promise<SeedReport>((resolve, reject) => {
    const script = process.argv[1];
    if (!script) return reject(new Error('cannot tell which script to run for the seed'));
    const child = fork(script, [SEED_ONLY], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answer: SeedMessage | undefined;
    child.on('message', (m: SeedMessage) => (answer = m));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (answer && 'report' in answer) resolve(answer.report);
      else if (answer) reject(answer.error.code ? new AppError(answer.error.code, answer.error.message) : new Error(answer.error.message));
      else reject(new Error(`the seed of the knowledge base stopped (${signal ?? `exit code ${code}`}) without a report`));
    });
  });

/** What the script does with --seed-only: seeds the database of the configuration and sends the report. */
export async function seedOnly(): Promise<void> {
  let message: SeedMessage;
  try {
    message = { report: await seedStore(readConfig()) };
  } catch (error) {
    message = { error: isAppError(error) ? { code: error.code, message: error.message } : { message: error instanceof Error ? error.message : String(error) } };
  }
  await new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  process.disconnect?.();
}
