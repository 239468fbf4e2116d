// Trust (renard2014 "Assessing the partnerships"; renard2016 s.5): how the EU perceives the partner and the tensions the papers name.
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import { tensionKind } from '../read-facts';
import type { Weights } from '../weights';

export function trust(facts: PartnerFacts, weights: Weights): Scored {
  const w = weights.dimensions.trust;
  const items: RawItem[] = [];
  const p = facts.perception;
  if (p) items.push({ fact: p.ref, points: w.perception[p.value], sources: p.sources, rule: `dimensions.trust.perception.${p.value}` });
  // Tensions weigh each, but together never below the floor: a long list of grievances is not a collapse of trust by itself.
  let budget = w.tensionFloor;
  for (const t of facts.tensions) {
    const { kind } = tensionKind(t, weights);
    if (!w.tensionKinds.includes(kind)) continue;
    const points = Math.max(w.tension, budget);
    budget -= points;
    items.push({ fact: t.ref, points, sources: t.sources, rule: points === w.tension ? 'dimensions.trust.tension' : 'dimensions.trust.tensionFloor', note: kind });
  }
  return tally(items, {
    cap: w.cap,
    key: 'dimensions.trust',
    sources: w.sources,
    base: { value: w.base, title: 'Starting trust before perception and tensions are counted', rule: 'dimensions.trust.base', sources: w.sources },
  });
}
