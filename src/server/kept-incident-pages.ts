// Whole answers of the incident list kept between requests: the page's bytes and entity tag, under the incident
// version (migration 0095) and a key naming everything else the answer depends on (the reader's clearance and the
// checked query). The version is read from the database after each request arrived (a read shared with the other
// requests that arrived before it was sent: version-reads.ts), and every transaction that writes an incident, a
// marking, a grant or an import link moves it, whichever process writes: a page kept at a version older than the one
// a request arrived at is never answered. A page is kept only if the version was the same before and after it was
// read (then no write committed in between), and the kept pages are bounded by their bytes, the least recently used
// going first.
// A write of one incident by this process carries the kept pages whose list the incident is in neither before nor
// after it (core/toolbox/incident-listing.ts) to the version it moved to, and drops the others (`carry`).
// A kept page gets br and gzip copies, made once off the event loop (zlib's thread pool) and counted in the bound: a
// page of 50 incidents is about 60 KB of JSON and 2-3 KB in br at world scale, and it is answered many times.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import type { Clearance } from '../core/marking/clearance';
import { listedBeforeAfter, type IncidentChange, type IncidentFilter } from '../core/toolbox/incident-listing';
import { chosenCoding, matchesTag } from './send-json';

const brotliOf = promisify(brotliCompress);
const gzipOf = promisify(gzip);

/** The bytes of kept pages at most (a page of 50 incidents at world scale is about 60 KB). */
export const KEPT_PAGE_BYTES = 16 * 1024 * 1024;
/** Counted for a kept page besides its bytes (its key, tag and entry). */
const OVERHEAD = 256;
/** Pages smaller than this are not compressed (as send-json.ts's views). */
const COMPRESS_FROM = 1024;

export interface PageAnswer {
  etag: string;
  body: Buffer;
  /** The compressed copies, once a kept page has them (the same bytes as `body` once decompressed). */
  br?: Buffer;
  gzip?: Buffer;
}

/** A page's answer from its JSON text: the UTF-8 bytes and a tag from them (as send-json.ts tags views). */
export function pageAnswer(text: string): PageAnswer {
  const body = Buffer.from(text, 'utf8');
  return { etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, body };
}

/** Whose list a page is (the reader's clearance) and under which filters: what tells whether a write moves it. */
export interface PageScope {
  clearance: Clearance;
  filter: IncidentFilter;
}

interface Kept {
  version: number;
  answer: PageAnswer;
  size: number;
  scope: PageScope | undefined;
}

export class KeptPages {
  private readonly kept = new Map<string, Kept>();
  /** Pages being read, by version and key: requests that read the same version at once share one reading. */
  private readonly reading = new Map<string, Promise<PageAnswer>>();
  private bytes = 0;
  private readonly compressing = new Set<Promise<void>>();
  /** The version the kept pages are at (read, or carried to by a write). */
  private newest = -1;
  /** The version they were read at, before any carry: a lower one read means a restored database. */
  private base = -1;

  /**
   * `settled`: resolves when no incident write of this process is under way (IncidentChanges.settled); a request that
   * reads a newer version than the kept pages' waits for it, so that a write's carry is not lost to a reader that saw
   * its commit first.
   */
  constructor(
    private readonly limit = KEPT_PAGE_BYTES,
    private readonly settled: () => Promise<void> = async () => {},
  ) {}

  /**
   * The answer for `key` at the database's version as of the request's arrival (`arrived`: a read sent after it
   * arrived), the kept one if it was read at that version, else `read()`'s. `version` reads the version now (after the
   * call): a page is kept only if that is still the version once it is read. `key` must name everything but the stored
   * rows that `read` depends on; `scope`, what of it a write may move (a page without one is dropped by every write).
   */
  async answer(version: () => Promise<number>, key: string, read: () => Promise<string>, scope?: PageScope, arrived: () => Promise<number> = version): Promise<PageAnswer> {
    let before = await arrived();
    // A version lower than the one the kept pages were read at is a shared read sent before another request's (which
    // saw a later write), or the database was replaced (a restore): read now, and if it is still lower, what was kept
    // goes too (one between that and a carry's is a reading from before the carried write's commit: a miss). A
    // higher one drops them when a page read at it is kept; first, this process's writes under way finish their carry.
    if (before < this.base) before = await version();
    if (before < this.base) this.moveTo(before);
    else if (before > this.newest) await this.settled();
    const kept = this.kept.get(key);
    if (kept !== undefined && kept.version === before) {
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept.answer;
    }
    const slot = `${before}\n${key}`;
    const running = this.reading.get(slot);
    if (running) return running;
    const made = (async () => {
      const answer = pageAnswer(await read());
      if ((await version()) === before) this.keep(key, before, answer, scope);
      return answer;
    })();
    this.reading.set(slot, made);
    const done = () => void this.reading.delete(slot);
    made.then(done, done);
    return made;
  }

  /** The kept pages' bytes (for tests and benchmarks). */
  get size(): { pages: number; bytes: number } {
    return { pages: this.kept.size, bytes: this.bytes };
  }

  private moveTo(version: number): void {
    this.kept.clear();
    this.bytes = 0;
    this.newest = version;
    this.base = version;
  }

  /**
   * After a write of one incident by this process, committed: if the pages kept are at the version it moved from, those
   * whose list the incident is in neither before nor after it are the same at the version it moved to (the other
   * incidents, the order and the total are unchanged) and are kept at it; the others are dropped. Pages kept at any
   * other version are left as they are (the next request drops them).
   */
  carry(change: IncidentChange): void {
    if (this.newest !== change.from) return;
    for (const [key, kept] of this.kept) {
      const moved = kept.scope === undefined ? undefined : listedBeforeAfter(kept.scope.clearance, kept.scope.filter, change);
      if (moved !== undefined && !moved.before && !moved.after) kept.version = change.to;
      else {
        this.kept.delete(key);
        this.bytes -= kept.size;
      }
    }
    this.newest = change.to;
  }

  private keep(key: string, version: number, answer: PageAnswer, scope: PageScope | undefined): void {
    // Read at a version older than the newest read or carried to: it will never be answered.
    if (version < this.newest) return;
    if (version > this.newest) this.moveTo(version);
    const size = OVERHEAD + key.length + answer.body.length;
    if (size > this.limit) return;
    const old = this.kept.get(key);
    if (old !== undefined) {
      this.kept.delete(key);
      this.bytes -= old.size;
    }
    const entry: Kept = { version, answer, size, scope };
    this.kept.set(key, entry);
    this.bytes += size;
    this.bound();
    if (answer.body.length >= COMPRESS_FROM && !answer.br) {
      const done = this.compress(key, entry).finally(() => this.compressing.delete(done));
      this.compressing.add(done);
    }
  }

  /** Drops the least recently used pages until the kept bytes are within the limit. */
  private bound(): void {
    for (const [k, v] of this.kept) {
      if (this.bytes <= this.limit) break;
      this.kept.delete(k);
      this.bytes -= v.size;
    }
  }

  /**
   * Adds the compressed copies to a kept page's answer, and counts them while the page is kept (a page dropped
   * meanwhile is answered by the requests that hold it, copies or not). A failed compression leaves the page plain.
   */
  private async compress(key: string, entry: Kept): Promise<void> {
    const body = entry.answer.body;
    let copies: [Buffer, Buffer];
    try {
      copies = await Promise.all([brotliOf(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }), gzipOf(body)]);
    } catch {
      return;
    }
    [entry.answer.br, entry.answer.gzip] = copies;
    if (this.kept.get(key) !== entry) return;
    const added = copies[0].length + copies[1].length;
    entry.size += added;
    this.bytes += added;
    this.bound();
  }

  /** Resolves once the compressions under way are done (for tests and benchmarks). */
  async compressed(): Promise<void> {
    await Promise.all(this.compressing);
  }
}

/**
 * Sends a page with its tag, or 304 to a client that holds it. The list is marked data, so the answer keeps the API's
 * `no-store` (security-headers.ts): a client may compare tags, but no cache should hold the page.
 */
export function sendPage(reply: FastifyReply, page: PageAnswer): FastifyReply {
  reply.header('ETag', page.etag).header('Vary', 'Accept-Encoding');
  if (matchesTag(reply.request.headers['if-none-match'], page.etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  const coding = chosenCoding(reply.request.headers['accept-encoding']);
  const copy = coding && page[coding];
  return coding && copy ? reply.header('Content-Encoding', coding).send(copy) : reply.send(page.body);
}
