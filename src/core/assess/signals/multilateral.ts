// The multilateral side of the structural purpose (renard2016 s.3 and s.5): partnerships that strengthen a thin multilateral fabric —
// the Budapest Convention, the Global Alliance, the 24/7 network, joint positions in fora and measures in multilateral organisations.
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import { readCooperation } from '../read-facts';
import type { Weights } from '../weights';

export function multilateral(facts: PartnerFacts, weights: Weights): Scored {
  const w = weights.signals.multilateral;
  const items: RawItem[] = [];
  const b = facts.budapest;
  if (b) items.push({ fact: b.ref, points: w.budapest[b.value.value], sources: b.sources, rule: `signals.multilateral.budapest.${b.value.value}` });
  for (const m of facts.memberships) {
    const points = w.memberships[m.value.id];
    if (points !== undefined) items.push({ fact: m.ref, points, sources: m.sources, rule: `signals.multilateral.memberships.${m.value.id}` });
  }
  for (const c of readCooperation(facts, weights)) {
    const points = w.cooperationChannels[c.reading.channel];
    if (points === undefined || !c.inForce) continue;
    items.push({ fact: c.fact.ref, points, sources: c.fact.sources, rule: `signals.multilateral.cooperationChannels.${c.reading.channel}`, note: c.note });
  }
  return tally(items, { cap: w.cap, key: 'signals.multilateral', sources: w.sources });
}
