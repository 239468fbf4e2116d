// The registry incidents a response plan compares with: the most recent a principal may see, as ranking candidates.
// Which incidents a principal may see is asked of the database at every plan (TLP in SQL, no bodies read), but the
// candidate made from an incident's body is kept, keyed by id, version and update time (every write of a row moves
// its version and time), so a plan reads and parses only the bodies written since the last one. The candidates
// are the same whoever asks: the marking only decides which are handed out, and that is decided afresh each time.
import type { Clearance } from '../core/marking/clearance';
import { candidateFromIncident, type Candidate, type IncidentInput } from '../core/toolbox/index';
import type { IncidentRepository } from '../store/incident-repository';

type Stamp = { id: string; version: number; updatedAt: string };
const keyOf = (s: Stamp) => `${s.id}\u0000${s.version}\u0000${s.updatedAt}`;

export class PrecedentPool {
  private readonly cache = new Map<string, Candidate>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly incidents: IncidentRepository<IncidentInput>,
    /** How many registry incidents a plan compares with at most (the most recent first). */
    readonly size: number,
    /** Candidates kept at most: twice the pool, so two principals' different views both stay. */
    private readonly capacity = size * 2,
  ) {}

  /** The candidates of the `size` most recent incidents the clearance may see, in the registry's list order. */
  async candidates(c: Clearance): Promise<{ id: string; candidate: Candidate }[]> {
    const stamps = await this.incidents.recentStamps(c, this.size);
    const missing = stamps.filter((s) => !this.cache.has(keyOf(s)));
    this.hits += stamps.length - missing.length;
    this.misses += missing.length;
    if (missing.length) {
      for (const r of await this.incidents.visibleBodies(c, missing.map((s) => s.id))) this.keep(keyOf(r), candidateFromIncident(r.id, r.incident));
    }
    const out: { id: string; candidate: Candidate }[] = [];
    for (const s of stamps) {
      const k = keyOf(s);
      const candidate = this.cache.get(k);
      // Written or re-marked between the two reads: read the list again, bodies and all, as one answer.
      if (!candidate) return this.uncached(c);
      // Most recently used last, so that eviction drops the longest unused.
      this.cache.delete(k);
      this.cache.set(k, candidate);
      out.push({ id: s.id, candidate });
    }
    return out;
  }

  /** The same answer without the cache: what each plan read before the pool. */
  async uncached(c: Clearance): Promise<{ id: string; candidate: Candidate }[]> {
    const list = await this.incidents.list(c, { limit: this.size });
    return list.items.map((i) => ({ id: i.id, candidate: candidateFromIncident(i.id, i.incident) }));
  }

  private keep(key: string, candidate: Candidate): void {
    this.cache.set(key, candidate);
    for (const oldest of this.cache.keys()) {
      if (this.cache.size <= this.capacity) break;
      this.cache.delete(oldest);
    }
  }
}
