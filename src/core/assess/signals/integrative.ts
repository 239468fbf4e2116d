// The integrative function (renard2016 s.5): offences and espionage by a partner push the EU towards common capabilities, so the
// most challenging partnerships serve it most.
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import type { Weights } from '../weights';

export function integrative(facts: PartnerFacts, w: Weights['signals']['integrative']): Scored {
  const items: RawItem[] = [];
  const p = facts.perception;
  if (p) items.push({ fact: p.ref, points: w.perception[p.value], sources: p.sources, rule: `signals.integrative.perception.${p.value}` });
  for (const t of facts.tensions) items.push({ fact: t.ref, points: w.tension, sources: t.sources, rule: 'signals.integrative.tension' });
  return tally(items, { cap: w.cap, key: 'signals.integrative', sources: w.sources });
}
