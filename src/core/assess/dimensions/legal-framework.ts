// Legal framework (renard2014 and renard2016 s.4, "Agreements"): MLA, extradition, Europol and Eurojust agreements, weighed by status.
import { labelOf } from '../../labels';
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import type { Weights } from '../weights';

export function legalFramework(facts: PartnerFacts, w: Weights['dimensions']['legalFramework']): Scored {
  const items: RawItem[] = facts.agreements.map((a) => ({
    fact: a.ref,
    points: w.typePoints[a.value.type] * w.statusFactor[a.value.status],
    sources: a.sources,
    rule: `dimensions.legalFramework.typePoints.${a.value.type}`,
    note: `${labelOf(a.value.type)} agreement, ${labelOf(a.value.status)}`,
  }));
  return tally(items, { cap: w.cap, key: 'dimensions.legalFramework', sources: w.sources });
}
