// Starts at most a few requests per turn of the event loop, so that a busy server keeps accepting new connections.
// Since libuv 1.45 (Node 20) a process accepts one new connection per loop turn (libuv pull request 3696; the effect
// is nodejs/node issue 57364). When one turn runs every waiting request to completion, as it does with synchronous
// SQLite, a turn lasts as long as all of them together and a burst of new clients waits in the kernel's queue for
// tens of seconds. Admitting a few requests per turn keeps turns short: new connections are accepted while the
// existing ones are served, and past a bound the server answers 503 at once instead of letting clients time out.
// Each request is stamped on arrival, before it waits its turn (version-reads.ts: reads sent after it arrived serve it).
import type { FastifyInstance } from 'fastify';
import { arrivalStamp } from '../app/version-reads';
import { AppError } from '../core/errors';

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's stamp on arrival (arrivalStamp); undefined on a server without the admission hook. */
    arrival: number | undefined;
  }
}

export interface FairTurnOptions {
  /** Requests started per loop turn. */
  perTurn: number;
  /** Requests waiting beyond this are refused with 503 and Retry-After. */
  maxWaiting: number;
}

export const DEFAULT_FAIR_TURNS: FairTurnOptions = { perTurn: 4, maxWaiting: 4000 };

/** A FIFO of waiting starts, drained `perTurn` at a time from setImmediate (after the turn's I/O, accepts included). */
export function fairTurns(opts: FairTurnOptions) {
  let waiting: (() => void)[] = [];
  let head = 0;
  let scheduled = false;
  const turn = () => {
    scheduled = false;
    for (let n = 0; n < opts.perTurn && head < waiting.length; n++) {
      const start = waiting[head];
      waiting[head++] = noop;
      start?.();
    }
    if (head >= waiting.length) {
      waiting = [];
      head = 0;
    } else schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(turn);
  };
  return {
    /** Queues `start`; false when the queue is full (the caller refuses the request). */
    admit(start: () => void): boolean {
      if (waiting.length - head >= opts.maxWaiting) return false;
      waiting.push(start);
      schedule();
      return true;
    },
    get waiting(): number {
      return waiting.length - head;
    },
  };
}

function noop() {}

/** Registers the admission hook; it must run before any other onRequest hook so that their work is admitted too. */
export function registerFairTurns(app: FastifyInstance, opts: FairTurnOptions = DEFAULT_FAIR_TURNS): void {
  const turns = fairTurns(opts);
  app.decorateRequest('arrival', undefined);
  app.addHook('onRequest', (req, _reply, done) => {
    req.arrival = arrivalStamp();
    if (turns.admit(() => done())) return;
    done(new AppError('overloaded', 'The server is busy: try again in a few seconds'));
  });
}
