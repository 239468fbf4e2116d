// Multilateral and normative alignment (renard2014 "Strengthening multilateral instruments", "Shaping internet governance"):
// Budapest Convention, internet-governance camp, WCIT-12 vote, memberships of the cyber instruments, and the normative divergences
// the papers name in so many words (renard2014, Appendix, EU-India: "not aligned on internet governance issues"), which a single
// vote must not outweigh.
import { labelOf } from '../../labels';
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import { tensionKind } from '../read-facts';
import type { Weights } from '../weights';

export function alignment(facts: PartnerFacts, weights: Weights): Scored {
  const w = weights.dimensions.alignment;
  const items: RawItem[] = [];
  const b = facts.budapest;
  if (b) {
    items.push({ fact: b.ref, points: w.budapest[b.value.value], sources: b.sources, rule: `dimensions.alignment.budapest.${b.value.value}` });
    if (b.value.stance) {
      items.push({
        fact: { id: b.ref.id, title: `${b.ref.title} (${labelOf(b.value.stance)})` },
        points: w.budapestStance[b.value.stance],
        sources: b.sources,
        rule: `dimensions.alignment.budapestStance.${b.value.stance}`,
      });
    }
  }
  const ig = facts.internetGovernance;
  if (ig) items.push({ fact: ig.ref, points: w.internetGovernance[ig.value], sources: ig.sources, rule: `dimensions.alignment.internetGovernance.${ig.value}` });
  const wcit = facts.wcit2012;
  if (wcit) items.push({ fact: wcit.ref, points: w.wcit2012[wcit.value], sources: wcit.sources, rule: `dimensions.alignment.wcit2012.${wcit.value}` });
  for (const m of facts.memberships) {
    const points = w.memberships[m.value.id];
    if (points !== undefined) items.push({ fact: m.ref, points, sources: m.sources, rule: `dimensions.alignment.memberships.${m.value.id}` });
  }
  for (const t of facts.tensions) {
    if (tensionKind(t, weights).kind === 'normative-divergence') {
      items.push({ fact: t.ref, points: w.divergence, sources: t.sources, rule: 'dimensions.alignment.divergence' });
    }
  }
  return tally(items, {
    cap: w.cap,
    key: 'dimensions.alignment',
    sources: w.sources,
    base: { value: w.base, title: 'Neutral starting point before positions are counted', rule: 'dimensions.alignment.base', sources: w.sources },
  });
}
