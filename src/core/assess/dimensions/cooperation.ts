// Cooperation delivered (renard2014 and renard2016 s.4, "Exchange of information and best practices"): what the partnership has
// produced between the EU and the partner, split into tangible results and confidence-building process. Only items that hold
// at the date, on a channel that is EU–partner cooperation, count, each weighed by the extent the papers' wording gives.
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import { readCooperation } from '../read-facts';
import type { Weights } from '../weights';

export interface CooperationResult {
  all: Scored;
  /** Tangible bilateral outcomes: what a results-oriented partnership aims for (renard2016 s.3). */
  results: Scored;
  /** Confidence-building: what a process-oriented partnership aims for (renard2016 s.3). */
  process: Scored;
}

export function cooperation(facts: PartnerFacts, weights: Weights): CooperationResult {
  const w = weights.dimensions.cooperation;
  const items = readCooperation(facts, weights)
    .filter((c) => c.inForce && w.countedChannels.includes(c.reading.channel))
    .map((c) => {
      const kind = c.fact.value.kind;
      const rule = w.kinds[kind];
      const factor = w.extentFactor[c.reading.extent];
      const item: RawItem = {
        fact: c.fact.ref,
        points: rule.points * factor,
        sources: c.fact.sources,
        rule: `dimensions.cooperation.kinds.${kind}`,
        note: `${kind} (${rule.delivers}), ${c.note} (x${factor})`,
      };
      return { item, delivers: rule.delivers };
    })
    .filter((i) => i.delivers !== 'multilateral');
  const score = (list: typeof items, key: string) => tally(list.map((i) => i.item), { cap: w.cap, key, sources: w.sources });
  return {
    all: score(items, 'dimensions.cooperation'),
    results: score(items.filter((i) => i.delivers === 'results'), 'dimensions.cooperation.results'),
    process: score(items.filter((i) => i.delivers === 'process'), 'dimensions.cooperation.process'),
  };
}
