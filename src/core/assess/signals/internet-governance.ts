// The internet-governance side of the structural purpose (renard2016 s.4–5): the partner's camp and the dialogues in which
// the EU can argue its model with it.
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import type { DensityResult } from '../dimensions/institutional-density';
import type { Weights } from '../weights';

export function internetGovernance(facts: PartnerFacts, density: DensityResult, w: Weights['signals']['internetGovernance']): Scored {
  const items: RawItem[] = [];
  const ig = facts.internetGovernance;
  if (ig) items.push({ fact: ig.ref, points: w.model[ig.value], sources: ig.sources, rule: `signals.internetGovernance.model.${ig.value}` });
  for (const d of density.cyberDialogues) {
    if (d.value.topics.includes(w.dialogueTopic)) {
      items.push({ fact: d.ref, points: w.dialoguePoints, sources: d.sources, rule: 'signals.internetGovernance.dialoguePoints', note: `dialogue on ${w.dialogueTopic}` });
    }
  }
  return tally(items, { cap: w.cap, key: 'signals.internetGovernance', sources: w.sources });
}
