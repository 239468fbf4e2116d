// Name screening against the listed persons and entities: every name a target is known by (annex name, aliases in
// any script, monikers, the group names its reasons give) is compared word by word after folding transliteration
// variants; the score says how much of both names agrees, and `strong` marks what an officer must review before
// going on. Scoring and thresholds are documented in docs/adr/0004-sanctions-screening.md.
import { distance } from 'fastest-levenshtein';
import type { IsoDate } from '../dates';
import { nameTokens, type NameToken } from './names';
import { SCREENING_THRESHOLDS } from './screening-thresholds';

export { SCREENING_THRESHOLDS };

/** How a target is known by a name: its own names count fully, a group it belongs to counts less. */
export type NameRole = 'name' | 'alias' | 'moniker' | 'group' | 'member-of-group';

export interface ScreenedTarget {
  id: string;
  name: string;
  kind: 'person' | 'entity';
  listedSince: IsoDate;
  /** Listed, and the listings in force, on the screening date. */
  inForce: boolean;
  names: readonly { text: string; role: NameRole }[];
}

export interface ScreeningMatch {
  targetId: string;
  name: string;
  kind: 'person' | 'entity';
  /** 0..1, two decimals. */
  score: number;
  strong: boolean;
  /** The name or alias of the target that matched best. */
  matchedOn: string;
  matchedAs: NameRole;
  listedSince: IsoDate;
  inForce: boolean;
}


interface Variant {
  target: number;
  text: string;
  role: NameRole;
  tokens: NameToken[];
  /** Words that are not optional (patronymics are). */
  required: number;
  joined: string;
}

export interface ScreeningIndex {
  targets: readonly ScreenedTarget[];
  variants: Variant[];
  /** Variants by the first two letters of each of their words: a query is compared only with those sharing one. */
  byPrefix: Map<string, number[]>;
}

const prefix = (key: string) => key.slice(0, 2);

export function screeningIndex(targets: readonly ScreenedTarget[]): ScreeningIndex {
  const variants: Variant[] = [];
  const byPrefix = new Map<string, number[]>();
  targets.forEach((t, ti) => {
    const seen = new Set<string>();
    for (const n of t.names) {
      const tokens = nameTokens(n.text, n.role === 'name' || n.role === 'alias' ? t.kind : 'any');
      const joined = tokens.map((x) => x.key).join('');
      if (!tokens.length || seen.has(`${n.role}:${joined}`)) continue;
      seen.add(`${n.role}:${joined}`);
      const vi = variants.push({ target: ti, text: n.text, role: n.role, tokens, required: tokens.filter((x) => !x.optional).length, joined }) - 1;
      for (const p of new Set(tokens.map((x) => prefix(x.key)))) {
        const list = byPrefix.get(p);
        if (list) list.push(vi);
        else byPrefix.set(p, [vi]);
      }
    }
  });
  return { targets, variants, byPrefix };
}

function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const max = Math.max(a.length, b.length);
  // Initials, numbers and acronyms of up to three letters match only exactly.
  if (Math.min(a.length, b.length) <= 3) return 0;
  const sim = 1 - distance(a, b) / max;
  return sim >= (max <= 5 ? SCREENING_THRESHOLDS.shortWord : SCREENING_THRESHOLDS.word) ? sim : 0;
}

/**
 * How far a query's words and a name's words agree, in any order: each query word is paired with at most one name
 * word (best pairs first); the sum of the pairs' similarities is divided by the larger of the two word counts,
 * where the name's unpaired patronymic does not count (a missing patronymic costs nothing, a missing surname does).
 */
export function nameScore(query: readonly NameToken[], name: readonly NameToken[], similarity: (i: number, key: string) => number = (i, key) => wordSimilarity(query[i]?.key ?? '', key)): number {
  const pairs: [number, number, number][] = [];
  query.forEach((_, i) => name.forEach((n, j) => {
    const s = similarity(i, n.key);
    if (s > 0) pairs.push([s, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0]);
  const usedQ = new Set<number>();
  const usedN = new Set<number>();
  let sum = 0;
  for (const [s, i, j] of pairs) {
    if (usedQ.has(i) || usedN.has(j)) continue;
    usedQ.add(i);
    usedN.add(j);
    sum += s;
  }
  const required = name.filter((n, j) => !n.optional || usedN.has(j)).length;
  return sum / Math.max(query.length, required);
}

/** The same name written with its syllables split or joined differently (Wu Hai Bo / WU Haibo, Huaying Haitai / HuayingHaitai). */
function joinedScore(query: readonly NameToken[], v: Variant): number {
  if (query.length === v.tokens.length || query.length > 4 || v.tokens.length > 4) return 0;
  const keys = query.map((q) => q.key);
  let best = 0;
  for (const q of [keys.join(''), [...keys].reverse().join('')]) {
    const max = Math.max(q.length, v.joined.length);
    // Lengths further apart than a tenth cannot reach the 0.9 similarity below: skip the comparison.
    if (max < 6 || Math.abs(q.length - v.joined.length) > max / 10) continue;
    best = Math.max(best, 1 - distance(q, v.joined) / max);
  }
  return best >= 0.9 ? best : 0;
}

function roleCap(v: Variant): number {
  if (v.role === 'member-of-group') return SCREENING_THRESHOLDS.weakCap;
  // A short handle ("Ben", "Dena", "Mango") says little on its own; a longer or coined one ("l3n6m0") identifies.
  if (v.role === 'moniker' && v.joined.length < 6 && !/[0-9]/.test(v.text)) return SCREENING_THRESHOLDS.weakCap;
  return 1;
}

/** The listed targets a name may designate, best first (one match per target, on its best-matching name). */
export function screenName(index: ScreeningIndex, query: string): ScreeningMatch[] {
  const tokens = nameTokens(query);
  if (!tokens.length) return [];
  // Each query word votes for the names holding a word with its first two letters; a name whose votes cannot reach
  // the reporting threshold is not compared word by word (only as a joined name, which is two comparisons).
  const votes = new Map<number, number>();
  for (const t of tokens) for (const vi of index.byPrefix.get(prefix(t.key)) ?? []) votes.set(vi, (votes.get(vi) ?? 0) + 1);
  // The same words recur across a long list: each query word is compared with each distinct listed word once.
  const seen = tokens.map(() => new Map<string, number>());
  const similarity = (i: number, key: string) => {
    const cache = seen[i] as Map<string, number>;
    let s = cache.get(key);
    if (s === undefined) cache.set(key, (s = wordSimilarity(tokens[i]?.key ?? '', key)));
    return s;
  };
  const best = new Map<number, { score: number; v: Variant }>();
  for (const [vi, n] of votes) {
    const v = index.variants[vi] as Variant;
    const enough = n >= Math.ceil(SCREENING_THRESHOLDS.report * Math.max(tokens.length, v.required) - 1e-9);
    const raw = Math.max(enough ? nameScore(tokens, v.tokens, similarity) : 0, joinedScore(tokens, v));
    const score = Math.min(raw, roleCap(v));
    const prev = best.get(v.target);
    if (score >= SCREENING_THRESHOLDS.report && (!prev || score > prev.score)) best.set(v.target, { score, v });
  }
  return [...best.entries()]
    .map(([ti, { score, v }]) => {
      const t = index.targets[ti] as ScreenedTarget;
      const rounded = Math.round(score * 100) / 100;
      return { targetId: t.id, name: t.name, kind: t.kind, score: rounded, strong: rounded >= SCREENING_THRESHOLDS.strong, matchedOn: v.text, matchedAs: v.role, listedSince: t.listedSince, inForce: t.inForce };
    })
    .sort((a, b) => b.score - a.score || Number(b.inForce) - Number(a.inForce) || a.name.localeCompare(b.name));
}

/** Screens a list of names against the targets: what a response plan and a batch upload call. */
export function screenNames(targets: readonly ScreenedTarget[], names: readonly string[]): { query: string; matches: ScreeningMatch[] }[] {
  const index = screeningIndex(targets);
  return names.map((query) => ({ query, matches: screenName(index, query) }));
}
