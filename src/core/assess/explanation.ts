// The explanation that travels with every number and label of an assessment: which fact moved it, by how much, on whose word.
import type { Source } from '../provenance';

export interface FactRef {
  /** The fact's id as the knowledge base names it (`dialogue:us-wgcc`, `position:US-budapest-convention-1`...). */
  id: string;
  title: string;
}

export interface ExplanationItem {
  fact: FactRef;
  /** Points this fact adds to (or, when negative, takes from) the number it explains. */
  effect: number;
  /** Where the fact comes from; for rule items (baselines, caps, labels), the passage the rule comes from. */
  sources: Source[];
  /** The entry of the weights file that turned the fact into points, e.g. `dimensions.legalFramework.typePoints.mla`. */
  rule: string;
  note?: string;
}

export interface Scored {
  /** 0–100. */
  score: number;
  /** Its items add up to the score (before rounding). */
  explanation: ExplanationItem[];
}

/** A fact before it is scaled into score points: its raw points under the rule that counted it. */
export interface RawItem {
  fact: FactRef;
  points: number;
  sources: Source[];
  rule: string;
  note?: string;
}

export const round1 = (n: number) => Math.round(n * 10) / 10;

export interface TallyOptions {
  /** Raw points worth 100 score points. */
  cap: number;
  /** A starting score (e.g. 50 for "neutral"), itself explained by the rule's sources. */
  base?: { value: number; title: string; rule: string; sources: Source[] };
  /** Id and sources used for the item that keeps the score within 0–100. */
  key: string;
  sources: Source[];
}

/**
 * Turns raw points into a 0–100 score whose explanation adds up: each fact's effect is its share of the cap,
 * and when the total leaves 0–100 one more item says by how much it was held in.
 */
export function tally(items: RawItem[], opts: TallyOptions): Scored {
  const scale = 100 / opts.cap;
  const explanation: ExplanationItem[] = [];
  if (opts.base) {
    explanation.push({ fact: { id: `baseline:${opts.key}`, title: opts.base.title }, effect: opts.base.value, sources: opts.base.sources, rule: opts.base.rule });
  }
  for (const i of items) {
    if (i.points === 0) continue;
    explanation.push({ fact: i.fact, effect: i.points * scale, sources: i.sources, rule: i.rule, ...(i.note ? { note: i.note } : {}) });
  }
  const total = explanation.reduce((s, e) => s + e.effect, 0);
  const held = Math.min(100, Math.max(0, total));
  if (held !== total) {
    explanation.push({
      fact: { id: `limit:${opts.key}`, title: held === 100 ? 'Points beyond the top of the scale, not counted (the score stops at 100)' : 'Points below the bottom of the scale, not counted (the score stops at 0)' },
      effect: held - total,
      sources: opts.sources,
      rule: `${opts.key}.cap`,
    });
  }
  return { score: held, explanation };
}

/** Scales an explanation by a weight (a dimension's share of maturity, a signal's share of a purpose). */
export function weighted(explanation: ExplanationItem[], weight: number, note?: string): ExplanationItem[] {
  return explanation.map((e) => ({ ...e, effect: e.effect * weight, ...(note ? { note: e.note ? `${note}: ${e.note}` : note } : {}) }));
}

/** Rounds effects for presentation and sorts the strongest first; items that round to zero are dropped. */
export function present(explanation: ExplanationItem[]): ExplanationItem[] {
  return explanation
    .map((e) => ({ ...e, effect: round1(e.effect) }))
    .filter((e) => e.effect !== 0)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.fact.id.localeCompare(b.fact.id));
}
