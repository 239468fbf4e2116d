// The integrative function (renard2016 s.5): "cyber-espionage and cyber-offences" by a partner push the EU towards common
// capabilities, so the most challenging partnerships serve it most. Only the kinds of tension the weights name count.
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import { tensionKind } from '../read-facts';
import type { Weights } from '../weights';

export function integrative(facts: PartnerFacts, weights: Weights): Scored {
  const w = weights.signals.integrative;
  const items: RawItem[] = [];
  const p = facts.perception;
  if (p) items.push({ fact: p.ref, points: w.perception[p.value], sources: p.sources, rule: `signals.integrative.perception.${p.value}` });
  for (const t of facts.tensions) {
    const { kind, read } = tensionKind(t, weights);
    const points = w.tension[kind];
    if (points !== undefined) items.push({ fact: t.ref, points, sources: t.sources, rule: `signals.integrative.tension.${kind}`, note: read ? kind : `${kind} (not yet read)` });
  }
  return tally(items, { cap: w.cap, key: 'signals.integrative', sources: w.sources });
}
