// The stored state of an import's records once its writes are done, for its memo: the state read before the run
// with each write's changes applied (core/exchange/import-memo.ts, `stateAfterWrite`), instead of every record read
// back after the writes (up to about 1 s of a 100,000-object import). Ids the run neither read nor wrote are read.
import type { StoredRecord } from '../core/exchange/import-plan';
import { stateAfterWrite, type MemoIds, type SettledWrite } from '../core/exchange/import-memo';
import { RECORD_KINDS } from '../core/exchange/records';
import type { ExchangeConn } from './exchange-schema';
import { storedState } from './exchange-state';

export class WrittenState {
  private readonly after = new Map<string, StoredRecord>();
  private readonly known: Set<string> | undefined;

  /**
   * `before`: the state read before the run of the ids in `read`; `read` undefined: the store held no record before
   * the run, so that every id the run did not write has none.
   */
  constructor(
    private readonly before: ReadonlyMap<string, StoredRecord>,
    read: readonly MemoIds[] | undefined,
    private readonly afterWrite = stateAfterWrite,
  ) {
    this.known = read && new Set(read.flatMap((ids) => RECORD_KINDS.flatMap((k) => ids[k])));
  }

  /** Records the writes of a part, in the order they were written. */
  note(written: readonly SettledWrite[]): void {
    for (const s of written) {
      const { id } = s.w.item;
      this.after.set(id, this.afterWrite(this.after.get(id) ?? this.before.get(id), s));
      this.known?.add(id);
    }
  }

  /** The state of `ids` now, as `storedState` would read it inside the run's transaction. */
  async of(trx: ExchangeConn, ids: MemoIds): Promise<Map<string, StoredRecord>> {
    const out = new Map<string, StoredRecord>();
    const unread = { ...ids };
    for (const kind of RECORD_KINDS) {
      unread[kind] = [];
      for (const id of ids[kind]) {
        const s = this.after.get(id) ?? this.before.get(id);
        if (this.known && !this.known.has(id)) unread[kind].push(id);
        else if (s) out.set(id, s);
      }
    }
    if (RECORD_KINDS.some((k) => unread[k].length)) for (const [id, s] of await storedState(trx, unread)) out.set(id, s);
    return out;
  }
}
