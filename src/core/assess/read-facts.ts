// The facts as the readings of the weights file read them: each cooperation item with its channel, extent and whether it
// still counts at the as-of date; each tension with its kind; each summit and ministerial level with the room it gives cyber.
import { toDate, yearOf } from '../dates';
import type { Known, PartnerFacts } from './facts-at';
import { attentionKey, type AttentionReading, type CooperationReading, type TensionKind } from './readings';
import type { Weights } from './weights';

type CooperationFact = PartnerFacts['cooperation'][number];
type TensionFact = PartnerFacts['tensions'][number];

export interface ReadCooperation {
  fact: CooperationFact;
  reading: Pick<CooperationReading, 'channel' | 'extent' | 'event'>;
  /** False when the review has not read this fact yet: the `unread` default applied. */
  read: boolean;
  /** Why it counts (or no longer does) at the as-of date. */
  inForce: boolean;
  note: string;
}

const addYears = (date: string, years: number) => `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;

/**
 * A cooperation item counts while it holds: from its start until its `until`. A one-off deliverable read as an `event`
 * stays in the record for `eventYears` after the last report of it known at the date: its end, or a later dated note
 * (renard2016 s.4 still cites the 2011 EU-US exercise in 2016, so it is not forgotten three months after that paper).
 */
export function readCooperation(facts: PartnerFacts, weights: Weights): ReadCooperation[] {
  const { readings } = weights;
  const eventYears = weights.dimensions.cooperation.eventYears;
  return facts.cooperation.map((fact) => {
    const known = readings.cooperation[fact.value.id];
    const reading = known ?? readings.unread.cooperation;
    const until = fact.value.until === undefined ? undefined : toDate(fact.value.until);
    const asOf = facts.asOf;
    let inForce = true;
    let note = `${reading.channel}, ${reading.extent}`;
    if (until !== undefined && asOf !== undefined && until <= asOf) {
      const reports = (fact.value.datedNotes ?? []).map((n) => toDate(n.date)).filter((d) => d > until && d <= asOf);
      const lastReport = reports.reduce((a, b) => (b > a ? b : a), until);
      const remembered = known?.event === true && asOf < addYears(lastReport, eventYears);
      inForce = remembered;
      const since = lastReport === until ? '' : `, last reported ${yearOf(lastReport)}`;
      note += remembered ? `, one-off deliverable of ${yearOf(until)}${since}, kept for ${eventYears} years` : `, ended ${until}`;
    } else if (until !== undefined && asOf === undefined) {
      inForce = known?.event === true;
      note += inForce ? `, one-off deliverable of ${yearOf(until)}` : `, ended ${until}`;
    }
    if (!known) note += ', not yet read by the review';
    return { fact, reading, read: known !== undefined, inForce, note };
  });
}

export function tensionKind(t: TensionFact, weights: Weights): { kind: TensionKind; read: boolean } {
  const known = weights.readings.tensions[t.value.id];
  return known ? { kind: known.kind, read: true } : { kind: weights.readings.unread.tensionKind, read: false };
}

export interface LevelAttention {
  fact: Known<PartnerFacts['attention'][number]['value']>;
  reading: AttentionReading;
}

/** The latest reading of summit (or ministerial) statements on cyber as of the date, if the review read one. */
export function attentionAt(facts: PartnerFacts, level: 'summit' | 'ministerial', weights: Weights): LevelAttention | undefined {
  const read = facts.attention
    .filter((a) => a.value.level === level)
    .map((a) => ({ fact: a, reading: weights.readings.attention[attentionKey(facts.id, level, a.value.year)] }))
    .filter((a): a is LevelAttention => a.reading !== undefined)
    .sort((a, b) => a.fact.value.year - b.fact.value.year);
  return read.at(-1);
}
