// Institutional density (renard2016 s.2–3): the cyber-related dialogues by level, frequency and status, the framing documents, and
// the room summit and ministerial statements give cyber (renard2014 "The challenge of implementation").
import { labelOf } from '../../labels';
import { tally, type RawItem, type Scored } from '../explanation';
import type { Known, PartnerFacts } from '../facts-at';
import { attentionAt } from '../read-facts';
import type { Weights } from '../weights';

type DialogueFact = PartnerFacts['dialogues'][number];

/** Topics of a general political agenda, whose summit and ministerial statements renard2014 reads for the room given to cyber. */
const GENERAL_AGENDA: readonly string[] = ['foreign-policy', 'justice-home-affairs'];

export interface DensityResult extends Scored {
  /** Active dialogues on a counted (cyber-related) topic. */
  cyberDialogues: DialogueFact[];
  /** Those of them dedicated to cyber issues. */
  cyberSpecificDialogues: DialogueFact[];
}

export function isCounted(d: Known<{ topics: readonly string[] }>, topics: readonly string[]): boolean {
  return d.value.topics.some((t) => topics.includes(t));
}

export function institutionalDensity(facts: PartnerFacts, weights: Weights): DensityResult {
  const w = weights.dimensions.institutionalDensity;
  const items: RawItem[] = [];
  const attention = { summit: attentionAt(facts, 'summit', weights), ministerial: attentionAt(facts, 'ministerial', weights) };
  // A general summit or ministerial dialogue counts for cyber only as far as its statements give cyber room: the EU-Russia
  // Permanent Partnership Council had all but dropped cyber from its agenda by 2014 (renard2014).
  const factorOf = (d: DialogueFact) => {
    const level = d.value.level;
    if (d.value.cyberSpecific || (level !== 'summit' && level !== 'ministerial')) return { factor: 1, note: '' };
    // The readings are of the general agenda's statements (summits, foreign-policy and justice councils); a sector dialogue held
    // at ministerial level (ICT, digital) is a specialised format and counts by its level, so raising a level never lowers it.
    if (!d.value.topics.some((t) => GENERAL_AGENDA.includes(t))) return { factor: 1, note: '' };
    const a = attention[level];
    if (!a) return { factor: 1, note: '' };
    const factor = w.attentionFactor[a.reading.extent];
    return { factor, note: `, cyber ${a.reading.extent} in ${level} statements (${a.fact.value.year}, x${factor})` };
  };
  const counted = facts.dialogues.filter((d) => isCounted(d, w.countedTopics)).map((d) => ({ d, ...factorOf(d) }));
  for (const { d, factor, note } of counted) {
    const v = d.value;
    const base = w.levelPoints[v.level] * w.frequencyFactor[v.frequency] + (v.cyberSpecific ? w.cyberSpecificBonus : 0);
    items.push({
      fact: d.ref,
      points: base * w.statusFactor[v.status] * factor,
      sources: d.sources,
      rule: `dimensions.institutionalDensity.levelPoints.${v.level}`,
      note: `${labelOf(v.level)} level, ${labelOf(v.frequency)}, ${labelOf(v.status)}${v.cyberSpecific ? ', dedicated to cyber' : ''}${note}`,
    });
  }
  for (const a of Object.values(attention)) {
    if (!a) continue;
    items.push({
      fact: a.fact.ref,
      points: w.attentionPoints[a.reading.extent],
      sources: [...a.fact.sources, ...a.reading.sources],
      rule: `dimensions.institutionalDensity.attentionPoints.${a.reading.extent}`,
      note: `${a.fact.value.level} statements, ${a.fact.value.year}: cyber ${a.reading.extent}`,
    });
  }
  for (const doc of facts.documents) {
    items.push({
      fact: doc.ref,
      points: w.documentPoints[doc.value.cyberMention],
      sources: doc.sources,
      rule: `dimensions.institutionalDensity.documentPoints.${doc.value.cyberMention}`,
      note: `${doc.value.year} document, cyber mention: ${doc.value.cyberMention}`,
    });
  }
  const active = counted.filter((c) => c.d.value.status === 'active' && c.factor > 0).map((c) => c.d);
  return {
    ...tally(items, { cap: w.cap, key: 'dimensions.institutionalDensity', sources: w.sources }),
    cyberDialogues: active,
    cyberSpecificDialogues: active.filter((d) => d.value.cyberSpecific),
  };
}
