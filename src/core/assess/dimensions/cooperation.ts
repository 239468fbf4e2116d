// Cooperation delivered (renard2014 and renard2016 s.4, "Exchange of information and best practices"): what the partnership has
// produced, split into tangible results and confidence-building process.
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import type { Weights } from '../weights';

export interface CooperationResult {
  all: Scored;
  /** Tangible bilateral outcomes: what a results-oriented partnership aims for (renard2016 s.3). */
  results: Scored;
  /** Confidence-building: what a process-oriented partnership aims for (renard2016 s.3). */
  process: Scored;
}

export function cooperation(facts: PartnerFacts, w: Weights['dimensions']['cooperation']): CooperationResult {
  const items = facts.cooperation.map((c) => {
    const rule = w.kinds[c.value.kind];
    const item: RawItem = { fact: c.ref, points: rule.points, sources: c.sources, rule: `dimensions.cooperation.kinds.${c.value.kind}`, note: `${c.value.kind} (${rule.delivers})` };
    return { item, delivers: rule.delivers };
  });
  const score = (list: typeof items, key: string) => tally(list.map((i) => i.item), { cap: w.cap, key, sources: w.sources });
  return {
    all: score(items, 'dimensions.cooperation'),
    results: score(items.filter((i) => i.delivers === 'results'), 'dimensions.cooperation.results'),
    process: score(items.filter((i) => i.delivers === 'process'), 'dimensions.cooperation.process'),
  };
}
