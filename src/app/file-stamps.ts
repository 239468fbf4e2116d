// The size and modification time of the rule files (weights, gaps, network) that a derived view's key depends on.
// Every read of a view asked for them, and a stat cost about 25 µs here, a fifth of a cached answer's CPU; a file's
// stamp is now taken again only when the last one is older than RECHECK_MS, so an edited rule file is seen within that
// time (a file being edited by hand is not read mid-way more often than before: the stamp still changes with it).
import fs from 'node:fs';

/** How long a file's stamp is trusted before the file is looked at again. */
export const RECHECK_MS = 500;

export class FileStamps {
  private readonly seen = new Map<string, { stamp: string | undefined; at: number }>();

  constructor(
    private readonly recheckMs = RECHECK_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `size:mtime` of the file, or undefined when it cannot be read; at most RECHECK_MS old. */
  stamp(file: string): string | undefined {
    const t = this.now();
    const known = this.seen.get(file);
    if (known && t - known.at < this.recheckMs) return known.stamp;
    let stamp: string | undefined;
    try {
      const st = fs.statSync(file);
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      stamp = undefined;
    }
    this.seen.set(file, { stamp, at: t });
    return stamp;
  }
}
