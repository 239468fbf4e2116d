// A small deterministic generator (mulberry32): the same seed gives the same draws on every run, so that community
// detection finds the same blocs and a test or benchmark that draws random cases can be replayed from its seed.

/** Draws in [0, 1) from `seed`. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
