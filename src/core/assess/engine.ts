// The assessment engine: for a partner and an as-of date, the five dimensions, the orientation, maturity and purposes, all explained.
import { toDate, type IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import { listPartners } from '../kb/partners';
import type { Source } from '../provenance';
import type { PartnerId } from '../vocabularies';
import { alignment } from './dimensions/alignment';
import { cooperation } from './dimensions/cooperation';
import { institutionalDensity } from './dimensions/institutional-density';
import { legalFramework } from './dimensions/legal-framework';
import { trust } from './dimensions/trust';
import { present, type ExplanationItem, type FactRef, type Scored } from './explanation';
import { factsAt, type PartnerFacts } from './facts-at';
import { maturity } from './maturity';
import { orientation, type ConditionCheck, type MetricValue } from './orientation';
import { purposes, type PurposeId } from './purposes';
import { alsoSuspended, keepingDeliverables, keepingDialogues, lapsedDeliverables, recordStopsBecause, stillReported, suspendedBecause, suspendedChannels, unreportedDialogues, type RecordStops } from './record-stops';
import { integrative } from './signals/integrative';
import { internetGovernance } from './signals/internet-governance';
import { multilateral } from './signals/multilateral';
import { positional } from './signals/positional';
import type { Dimension, Metric, Orientation, Signal, Weights } from './weights';

export interface Assessment {
  id: PartnerId;
  name: string;
  asOf: string | null;
  /** The `title` of the weights file that produced the assessment. */
  weights: string;
  orientation: Orientation;
  orientationRule: { id: string; because: string; sources: Source[]; conditions: ConditionCheck[] };
  /** The rule that gave the label, the rules tried before it, and the facts behind the metrics it tested. */
  orientationExplanation: ExplanationItem[];
  maturity: number;
  /** Position in the maturity ranking when all partners are assessed together (1 = most mature). */
  rank?: number;
  purposes: Record<PurposeId, Scored & { title: string }>;
  dimensions: Record<Dimension, Scored & { title: string }>;
  metrics: Record<Metric, number>;
  /** The orientation rule first, then every fact's effect on the maturity score, strongest first. */
  explanation: ExplanationItem[];
  /** Facts that would hold at the date only on an unverified entry: shown apart, never scored. */
  unverified: { fact: FactRef; sources: Source[] }[];
  /**
   * Set when the under-delivering label rests only on the record stopping: one-off deliverables no longer counted
   * because no later report of them is known, without which the label would be another (record-stops.ts).
   */
  recordStops: RecordStops | null;
}

const DIMENSION_TITLES: Record<Dimension, string> = {
  institutionalDensity: 'Institutional density',
  legalFramework: 'Legal framework',
  alignment: 'Multilateral and normative alignment',
  cooperation: 'Cooperation delivered',
  trust: 'Trust',
};

const isRule = (e: ExplanationItem) => e.fact.id.startsWith('rule:');

const counted = (list: PartnerFacts['dialogues'], metric: string): MetricValue => ({
  value: list.length,
  explanation: list.map((d) => ({ fact: d.ref, effect: 1, sources: d.sources, rule: `metrics.${metric}` })),
});

/** An under-delivering label from the last, unconditional rule that the lapsed deliverables and unreported dialogues alone decide. */
function recordStopsOf(facts: PartnerFacts, weights: Weights, label: Orientation, ruleId: string): RecordStops | null {
  const rule = weights.orientation.rules.find((r) => r.id === ruleId);
  if (label !== 'under-delivering' || !rule || rule.when.length > 0) return null;
  const lapsed = [...lapsedDeliverables(facts, weights), ...unreportedDialogues(facts)];
  if (!lapsed.length) return null;
  const kept = keepingDeliverables(weights);
  const wouldBe = orientation(measure(keepingDialogues(facts), kept).metrics, kept.orientation).label;
  if (wouldBe === label) return null;
  const lastReported = lapsed.map((l) => l.lastReported).reduce((a, b) => (toDate(b) > toDate(a) ? b : a));
  return { wouldBe, lastReported, lapsed };
}

/** The dimensions and the metrics the orientation rules test, from the facts. */
function measure(facts: PartnerFacts, weights: Weights) {
  const dw = weights.dimensions;
  const density = institutionalDensity(facts, weights);
  const coop = cooperation(facts, weights);
  const dimensions: Record<Dimension, Scored> = {
    institutionalDensity: density,
    legalFramework: legalFramework(facts, dw.legalFramework),
    alignment: alignment(facts, weights),
    cooperation: coop.all,
    trust: trust(facts, weights),
  };
  const metrics: Record<Metric, MetricValue> = {
    institutionalDensity: { value: dimensions.institutionalDensity.score, explanation: dimensions.institutionalDensity.explanation },
    legalFramework: { value: dimensions.legalFramework.score, explanation: dimensions.legalFramework.explanation },
    alignment: { value: dimensions.alignment.score, explanation: dimensions.alignment.explanation },
    cooperation: { value: dimensions.cooperation.score, explanation: dimensions.cooperation.explanation },
    trust: { value: dimensions.trust.score, explanation: dimensions.trust.explanation },
    cooperationResults: { value: coop.results.score, explanation: coop.results.explanation },
    cooperationProcess: { value: coop.process.score, explanation: coop.process.explanation },
    cyberDialogues: counted(density.cyberDialogues, 'cyberDialogues'),
    cyberSpecificDialogues: counted(density.cyberSpecificDialogues, 'cyberSpecificDialogues'),
  };
  return { density, coop, dimensions, metrics };
}

export function assessFacts(facts: PartnerFacts, weights: Weights): Assessment {
  const dw = weights.dimensions;
  const { density, coop, dimensions, metrics } = measure(facts, weights);
  const sw = weights.signals;
  const signals: Record<Signal, Scored> = {
    ...dimensions,
    cooperationResults: coop.results,
    cooperationProcess: coop.process,
    positional: positional(density, sw.positional),
    integrative: integrative(facts, weights),
    multilateral: multilateral(facts, weights),
    internetGovernance: internetGovernance(facts, density, sw.internetGovernance),
  };
  const label = orientation(metrics, weights.orientation);
  const mature = maturity(dimensions, weights.maturity);
  const recordStops = recordStopsOf(facts, weights, label.label, label.rule.id);
  // The reason says what stopped (the lapsed deliverables, the unreported dialogues) and what the sources still report,
  // or the suspension they report; the label and every score stay as the rule gives them.
  const suspensions = !recordStops && label.label === 'under-delivering' && label.rule.conditions.length === 0 ? suspendedChannels(facts) : [];
  // A record that stops where the sources also report channels suspended (Russia's PPC from 2014) says both.
  const alsoStopped = recordStops ? suspendedChannels(facts, { endedOnly: false }) : [];
  if (recordStops || suspensions.length) {
    const because = recordStops
      ? recordStopsBecause(recordStops, dw.cooperation.eventYears, stillReported(facts, recordStops.lastReported)) + alsoSuspended(alsoStopped)
      : suspendedBecause(suspensions, label.rule.because);
    const cited = [...suspensions, ...alsoStopped].flatMap((g) => g.sources);
    label.rule = { ...label.rule, because };
    label.explanation = label.explanation.map((e, i) => (i === 0 ? { ...e, fact: { ...e.fact, title: `${label.label}: ${because}` }, sources: [...e.sources, ...cited.filter((s, j) => !e.sources.some((x) => x.ref === s.ref && x.locator === s.locator) && cited.findIndex((x) => x.ref === s.ref && x.locator === s.locator) === j)] } : e));
  }

  const ruleItems = label.explanation.filter(isRule);
  const shown = {} as Record<Dimension, Scored & { title: string }>;
  for (const d of Object.keys(dimensions) as Dimension[]) {
    shown[d] = { title: DIMENSION_TITLES[d], score: Math.round(dimensions[d].score), explanation: present(dimensions[d].explanation) };
  }
  const values = {} as Record<Metric, number>;
  for (const m of Object.keys(metrics) as Metric[]) values[m] = Math.round(metrics[m].value * 10) / 10;

  return {
    id: facts.id,
    name: facts.name,
    asOf: facts.asOf ?? null,
    weights: weights.title,
    orientation: label.label,
    orientationRule: label.rule,
    orientationExplanation: [...ruleItems, ...present(label.explanation.filter((e) => !isRule(e)))],
    maturity: Math.round(mature.score),
    purposes: purposes(signals, weights.purposes),
    dimensions: shown,
    metrics: values,
    explanation: [...ruleItems, ...present(mature.explanation)],
    unverified: facts.unverified.map((u) => ({ fact: u.ref, sources: u.sources })),
    recordStops,
  };
}

export function assessPartner(dataset: Dataset, id: string, asOf: IsoDate | undefined, weights: Weights): Assessment {
  return assessFacts(factsAt(dataset, id, asOf), weights);
}

/** Every partner of the dataset, ranked by maturity (ties by id, so the order is stable). */
export function assessAll(dataset: Dataset, asOf: IsoDate | undefined, weights: Weights): Assessment[] {
  return ranked(listPartners(dataset, asOf).map((p) => assessPartner(dataset, p.id, asOf, weights)));
}

/** Assessments ranked by maturity (ties by id, so the order is stable); the list given is not changed. */
export function ranked(assessments: readonly Assessment[]): Assessment[] {
  return [...assessments].sort((a, b) => b.maturity - a.maturity || a.id.localeCompare(b.id)).map((a, i) => ({ ...a, rank: i + 1 }));
}
