// Cooperation delivered (renard2014 and renard2016 s.4, "Exchange of information and best practices"): what the partnership has
// produced between the EU and the partner, split into tangible results and confidence-building process. Only items that hold
// at the date, on a channel that is EU–partner cooperation, count, each weighed by the extent the papers' wording gives; the
// items read at one extent count together at most that extent's ceiling (ADR 0008).
import { tally, type RawItem, type Scored } from '../explanation';
import type { PartnerFacts } from '../facts-at';
import { readCooperation } from '../read-facts';
import type { CooperationExtent } from '../readings';
import type { Weights } from '../weights';

export interface CooperationResult {
  all: Scored;
  /** Tangible bilateral outcomes: what a results-oriented partnership aims for (renard2016 s.3). */
  results: Scored;
  /** Confidence-building: what a process-oriented partnership aims for (renard2016 s.3). */
  process: Scored;
}

type Delivers = 'results' | 'process';
interface Counted {
  item: RawItem;
  delivers: Delivers;
  extent: CooperationExtent;
}

type Held = Record<'all' | Delivers, RawItem[]>;

/**
 * For each extent whose items add up to more than its ceiling, one negative item that holds them at it; the results and process
 * sub-scores each take their share of it, by their points at that extent, so that they still add up to the whole.
 */
function ceilings(items: Counted[], w: Weights['dimensions']['cooperation']): Held {
  const held: Held = { all: [], results: [], process: [] };
  const scale = 100 / w.cap;
  for (const [extent, ceiling] of Object.entries(w.extentCeiling) as [CooperationExtent, NonNullable<(typeof w.extentCeiling)[CooperationExtent]>][]) {
    const atExtent = items.filter((i) => i.extent === extent);
    const sum = atExtent.reduce((s, i) => s + i.item.points, 0);
    if (sum <= ceiling.points) continue;
    const ids = atExtent.map((i) => i.item.fact.id.replace(/^cooperation:/, '')).join(', ');
    const item = (points: number): RawItem => ({
      fact: {
        id: `limit:dimensions.cooperation.extentCeiling.${extent}`,
        title: `${atExtent.length} cooperation items read at '${extent}' add up to ${(sum * scale).toFixed(1)}; together they count at most ${(ceiling.points * scale).toFixed(1)}`,
      },
      points,
      sources: ceiling.sources,
      rule: `dimensions.cooperation.extentCeiling.${extent}`,
      note: `held: ${ids}; ${ceiling.reason}`,
    });
    held.all.push(item(ceiling.points - sum));
    for (const delivers of ['results', 'process'] as const) {
      const share = atExtent.filter((i) => i.delivers === delivers).reduce((s, i) => s + i.item.points, 0);
      if (share > 0) held[delivers].push(item(((ceiling.points - sum) * share) / sum));
    }
  }
  return held;
}

export function cooperation(facts: PartnerFacts, weights: Weights): CooperationResult {
  const w = weights.dimensions.cooperation;
  const counted: Counted[] = [];
  for (const c of readCooperation(facts, weights)) {
    if (!c.inForce || !w.countedChannels.includes(c.reading.channel)) continue;
    const kind = c.fact.value.kind;
    const rule = w.kinds[kind];
    if (rule.delivers === 'multilateral') continue;
    const factor = w.extentFactor[c.reading.extent];
    counted.push({
      delivers: rule.delivers,
      extent: c.reading.extent,
      item: {
        fact: c.fact.ref,
        points: rule.points * factor,
        sources: c.fact.sources,
        rule: `dimensions.cooperation.kinds.${kind}`,
        note: `${kind} (${rule.delivers}), ${c.note} (x${factor})`,
      },
    });
  }
  const held = ceilings(counted, w);
  const score = (list: RawItem[], key: string) => tally(list, { cap: w.cap, key, sources: w.sources });
  const of = (delivers: Delivers) => counted.filter((i) => i.delivers === delivers).map((i) => i.item);
  return {
    all: score([...counted.map((i) => i.item), ...held.all], 'dimensions.cooperation'),
    results: score([...of('results'), ...held.results], 'dimensions.cooperation.results'),
    process: score([...of('process'), ...held.process], 'dimensions.cooperation.process'),
  };
}
