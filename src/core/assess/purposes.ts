// The three purposes of a cyber partnership (renard2016 s.2–3 and s.5): reflexive, relational and structural, each a weighted blend of signals.
import { present, weighted, type Scored } from './explanation';
import type { Signal, Weights } from './weights';
import { Purpose } from '../vocabularies';

export type PurposeId = (typeof Purpose.options)[number];

export function purposes(signals: Record<Signal, Scored>, w: Weights['purposes']): Record<PurposeId, Scored & { title: string }> {
  const out = {} as Record<PurposeId, Scored & { title: string }>;
  for (const id of Purpose.options) {
    const rule = w[id];
    const explanation = rule.components.flatMap((c) => weighted(signals[c.signal].explanation, c.weight, `${c.signal} (x${c.weight})`));
    const score = rule.components.reduce((s, c) => s + signals[c.signal].score * c.weight, 0);
    out[id] = { title: rule.title, score: Math.round(score), explanation: present(explanation) };
  }
  return out;
}
