// Institutional density (renard2016 s.2–3): the cyber-related dialogues by level, frequency and status, and the framing documents.
import { tally, type RawItem, type Scored } from '../explanation';
import type { Known, PartnerFacts } from '../facts-at';
import type { Weights } from '../weights';

type DialogueFact = PartnerFacts['dialogues'][number];

export interface DensityResult extends Scored {
  /** Active dialogues on a counted (cyber-related) topic. */
  cyberDialogues: DialogueFact[];
  /** Those of them dedicated to cyber issues. */
  cyberSpecificDialogues: DialogueFact[];
}

export function isCounted(d: Known<{ topics: readonly string[] }>, topics: readonly string[]): boolean {
  return d.value.topics.some((t) => topics.includes(t));
}

export function institutionalDensity(facts: PartnerFacts, w: Weights['dimensions']['institutionalDensity']): DensityResult {
  const items: RawItem[] = [];
  const counted = facts.dialogues.filter((d) => isCounted(d, w.countedTopics));
  for (const d of counted) {
    const v = d.value;
    const base = w.levelPoints[v.level] * w.frequencyFactor[v.frequency] + (v.cyberSpecific ? w.cyberSpecificBonus : 0);
    items.push({
      fact: d.ref,
      points: base * w.statusFactor[v.status],
      sources: d.sources,
      rule: `dimensions.institutionalDensity.levelPoints.${v.level}`,
      note: `${v.level} level, ${v.frequency}, ${v.status}${v.cyberSpecific ? ', dedicated to cyber' : ''}`,
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
  const active = counted.filter((d) => d.value.status === 'active');
  return {
    ...tally(items, { cap: w.cap, key: 'dimensions.institutionalDensity', sources: w.sources }),
    cyberDialogues: active,
    cyberSpecificDialogues: active.filter((d) => d.value.cyberSpecific),
  };
}
