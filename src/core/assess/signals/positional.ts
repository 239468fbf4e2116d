// The positional function (renard2016 s.2 and s.5): cyber raised at the highest levels and in dedicated dialogues, which make the EU
// an unavoidable interlocutor of the partner.
import { labelOf } from '../../labels';
import { tally, type RawItem, type Scored } from '../explanation';
import type { DensityResult } from '../dimensions/institutional-density';
import type { Weights } from '../weights';

export function positional(density: DensityResult, w: Weights['signals']['positional']): Scored {
  const items: RawItem[] = density.cyberDialogues.map((d) => ({
    fact: d.ref,
    points: w.levelPoints[d.value.level] + (d.value.cyberSpecific ? w.cyberSpecificBonus : 0),
    sources: d.sources,
    rule: `signals.positional.levelPoints.${d.value.level}`,
    note: `${labelOf(d.value.level)} level${d.value.cyberSpecific ? ', dedicated to cyber' : ''}`,
  }));
  return tally(items, { cap: w.cap, key: 'signals.positional', sources: w.sources });
}
