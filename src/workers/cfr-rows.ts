// CFR rows read and mapped on a worker thread (cfr-worker.ts) while the import's thread writes the incidents mapped
// before: each part is handed to `put` in order and answered once written, so that few parts wait (memory stays that
// of a few parts). The worker's failure (a file that is not CSV, a mapping that throws, the thread dying) rejects with
// the error the import's thread would have thrown, so that the import's transaction rolls back whole.
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ErrorIssue } from '../core/errors';
import type { Imported } from '../core/exchange/index';
import type { CfrJob, CfrMessage, MappedReport } from './cfr-worker';
import { startWorker } from './threads';

/** Parts mapped ahead of the writes: enough that the writes never wait for the mapping, few enough to hold little. */
export const CFR_PARTS_IN_FLIGHT = 4;

export interface CfrMapped {
  report: MappedReport;
  /** Each file's SHA-256, in the order given. */
  sources: string[];
}

export interface CfrWorkerHooks {
  put(incidents: Imported<unknown>[]): Promise<void>;
  /** Bytes read so far over all the files. */
  progress?(done: number): void;
  /** The worker once started (tests stop it to show that the import then fails whole). */
  started?(worker: Worker): void;
}

export async function mapCfrOnWorker(job: Omit<CfrJob, 'inFlight'>, hooks: CfrWorkerHooks): Promise<CfrMapped> {
  const worker = startWorker('cfr-worker', { workerData: { ...job, inFlight: CFR_PARTS_IN_FLIGHT } satisfies CfrJob });
  hooks.started?.(worker);
  const inbox: CfrMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  const fail = (reason: string) => {
    failure ??= new Error(`The CFR rows could not be mapped: ${reason}`);
    wake?.();
  };
  worker.on('message', (m: CfrMessage) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (e) => fail(e.message));
  worker.on('exit', (code) => fail(`the worker stopped (exit code ${code})`));
  const next = async (): Promise<CfrMessage> => {
    for (;;) {
      const m = inbox.shift();
      if (m) return m;
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  };
  try {
    for (;;) {
      const m = await next();
      if ('part' in m) {
        await hooks.put(m.part as Imported<unknown>[]);
        worker.postMessage('written');
      } else if ('progress' in m) hooks.progress?.(m.progress);
      else if ('done' in m) return m.done;
      else if (m.error.code) throw new AppError(m.error.code as ErrorCode, m.error.message, m.error.issues as ErrorIssue[]);
      else throw new Error(`The CFR rows could not be mapped: ${m.error.message}`);
    }
  } finally {
    failure ??= new Error('stopped');
    void worker.terminate();
  }
}
