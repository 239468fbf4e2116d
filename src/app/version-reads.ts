// The store's versions (the knowledge base's and the sign-in lookups'), read in one statement once per turn of the
// event loop for every request that asked for either during that turn, each read made after they asked (TurnRead). A
// signed-in read needs both, one after the other; requests at either step in the same turn share the one read.
import type { Db } from '../store/db';
import { storeVersions, type StoreVersions } from '../store/store-versions';
import { TurnRead } from './derived-cache';

export class VersionReads {
  private readonly reads: TurnRead<StoreVersions>;

  constructor(db: Db) {
    this.reads = new TurnRead(() => storeVersions(db));
  }

  /** The sign-in lookups' version (auth-lookups.ts). */
  async auth(): Promise<number> {
    return (await this.reads.get()).auth;
  }

  /** The knowledge base's version, 'empty' before the first seed: what every derived view is keyed by. */
  async kb(): Promise<string> {
    return (await this.reads.get()).kb ?? 'empty';
  }

  /** Reads made so far. */
  get count(): number {
    return this.reads.reads;
  }
}
