// Maturity 0–100: the dimension scores weighted as the weights file says; each fact's effect is its dimension effect times the weight.
import { weighted, type ExplanationItem, type Scored } from './explanation';
import { DIMENSIONS, type Dimension, type Weights } from './weights';

export function maturity(dimensions: Record<Dimension, Scored>, w: Weights['maturity']): { score: number; explanation: ExplanationItem[] } {
  const explanation = DIMENSIONS.flatMap((d) => weighted(dimensions[d].explanation, w.weights[d], `${d} (x${w.weights[d]})`));
  const score = DIMENSIONS.reduce((s, d) => s + dimensions[d].score * w.weights[d], 0);
  return { score, explanation };
}
