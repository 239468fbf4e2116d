// The store's versions (the knowledge base's, the sign-in lookups', the incident list's and the sanctions register's),
// read in one statement.
// A request may be answered from any read sent after it arrived: whatever was committed before it arrived is then
// seen. Each read is numbered when it is sent, and a request is stamped on arrival with the number of reads sent so
// far (`arrivalStamp`, taken before it waits its turn: fair-turns.ts), so every request that arrived before a read was
// sent shares it, at each of its steps (the sign-in lookup, then the view or the incident page). A caller without a
// stamp gets a read sent after it asked; the asks of one event-loop turn share one read.
import type { Db } from '../store/db';
import { storeVersions, type StoreVersions } from '../store/store-versions';

/** Reads sent by every VersionReads of the process: a read numbered above a request's stamp was sent after it arrived. */
let sent = 0;

/** A request's stamp on arrival: reads sent from now on are numbered above it. */
export function arrivalStamp(): number {
  return sent;
}

interface Read {
  number: number;
  versions: Promise<StoreVersions>;
}

export class VersionReads {
  /** The newest read answered, and the one still under way (if any). */
  private answered: { number: number; versions: StoreVersions } | undefined;
  private underWay: Read | undefined;
  /** The read to be sent at the next turn, for the asks of this one. */
  private next: Promise<StoreVersions> | undefined;
  private reads = 0;

  constructor(private readonly db: Db) {}

  /** The versions from a read sent after `arrived` (a stamp), or, without one, after this call. */
  private get(arrived: number | undefined): Promise<StoreVersions> {
    if (arrived !== undefined) {
      if (this.answered && this.answered.number > arrived) return Promise.resolve(this.answered.versions);
      if (this.underWay && this.underWay.number > arrived) return this.underWay.versions;
    }
    // One read under way at a time: the next is sent at the turn after it is answered, for every ask made meanwhile.
    this.next ??= new Promise<StoreVersions>((resolve) => {
      const sendNext = () => setImmediate(() => resolve(this.send()));
      if (this.underWay) this.underWay.versions.then(sendNext, sendNext);
      else sendNext();
    });
    return this.next;
  }

  private send(): Promise<StoreVersions> {
    this.next = undefined;
    this.reads++;
    const read: Read = { number: ++sent, versions: storeVersions(this.db) };
    this.underWay = read;
    const settle = (versions?: StoreVersions) => {
      if (versions && (!this.answered || read.number > this.answered.number)) this.answered = { number: read.number, versions };
      if (this.underWay === read) this.underWay = undefined;
    };
    read.versions.then(settle, () => settle());
    return read.versions;
  }

  /** The sign-in lookups' version (auth-lookups.ts). */
  async auth(arrived?: number): Promise<number> {
    return (await this.get(arrived)).auth;
  }

  /** The knowledge base's version, 'empty' before the first seed: what every derived view is keyed by. */
  async kb(arrived?: number): Promise<string> {
    return (await this.get(arrived)).kb ?? 'empty';
  }

  /** The incident version (migration 0095): what the incident list's kept pages are keyed by. */
  async incident(arrived?: number): Promise<number> {
    return (await this.get(arrived)).incident;
  }

  /** The sanctions register's version (its imports): what plans and screenings are keyed by. */
  async sanctions(arrived?: number): Promise<string> {
    return (await this.get(arrived)).sanctions;
  }

  /** Reads sent so far. */
  get count(): number {
    return this.reads;
  }
}
