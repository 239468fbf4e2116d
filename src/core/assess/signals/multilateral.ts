// The multilateral side of the structural purpose (renard2016 s.3 and s.5): partnerships that strengthen a thin multilateral fabric —
// the Budapest Convention, the Global Alliance, the 24/7 network, joint positions in fora.
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import type { Weights } from '../weights';

export function multilateral(facts: PartnerFacts, w: Weights['signals']['multilateral']): Scored {
  const items: RawItem[] = [];
  const b = facts.budapest;
  if (b) items.push({ fact: b.ref, points: w.budapest[b.value.value], sources: b.sources, rule: `signals.multilateral.budapest.${b.value.value}` });
  for (const m of facts.memberships) {
    const points = w.memberships[m.value.id];
    if (points !== undefined) items.push({ fact: m.ref, points, sources: m.sources, rule: `signals.multilateral.memberships.${m.value.id}` });
  }
  for (const c of facts.cooperation) {
    const points = w.cooperationKinds[c.value.kind];
    if (points !== undefined) items.push({ fact: c.ref, points, sources: c.sources, rule: `signals.multilateral.cooperationKinds.${c.value.kind}` });
  }
  return tally(items, { cap: w.cap, key: 'signals.multilateral', sources: w.sources });
}
