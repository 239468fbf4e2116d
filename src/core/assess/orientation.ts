// The relational orientation (renard2016 s.3 and s.5): the first rule of the weights file whose conditions all hold gives the label.
import type { Source } from '../provenance';
import type { ExplanationItem } from './explanation';
import type { Condition, Metric, Orientation, OrientationRule, Weights } from './weights';

export interface MetricValue {
  value: number;
  /** The facts behind the value (for a count, one item per fact counted). */
  explanation: ExplanationItem[];
}

export interface ConditionCheck {
  metric: Metric;
  test: 'atLeast' | 'below';
  threshold: number;
  value: number;
  met: boolean;
}

export interface OrientationResult {
  label: Orientation;
  rule: { id: string; because: string; sources: Source[]; conditions: ConditionCheck[] };
  /** The rules tried before it, each with the condition that failed. */
  rejected: { id: string; label: Orientation; failed: ConditionCheck[] }[];
  explanation: ExplanationItem[];
}

const round = (n: number) => Math.round(n * 10) / 10;

function check(c: Condition, metrics: Record<Metric, MetricValue>): ConditionCheck {
  const value = round(metrics[c.metric].value);
  if (c.atLeast !== undefined) return { metric: c.metric, test: 'atLeast', threshold: c.atLeast, value, met: value >= c.atLeast };
  const threshold = c.below as number;
  return { metric: c.metric, test: 'below', threshold, value, met: value < threshold };
}

const describe = (c: ConditionCheck) => `${c.metric} ${c.value} ${c.test === 'atLeast' ? (c.met ? '>=' : '<') : c.met ? '<' : '>='} ${c.threshold}`;

export function orientation(metrics: Record<Metric, MetricValue>, w: Weights['orientation']): OrientationResult {
  const rejected: OrientationResult['rejected'] = [];
  const rules = w.rules;
  let index = 0;
  let chosen: { rule: OrientationRule; conditions: ConditionCheck[] } | undefined;
  for (const rule of rules) {
    const conditions = rule.when.map((c) => check(c, metrics));
    if (conditions.every((c) => c.met)) {
      chosen = { rule, conditions };
      break;
    }
    rejected.push({ id: rule.id, label: rule.label, failed: conditions.filter((c) => !c.met) });
    index++;
  }
  // The schema guarantees an unconditional last rule, so a rule is always chosen.
  const { rule, conditions } = chosen!;
  const explanation: ExplanationItem[] = [
    {
      fact: { id: `rule:orientation.${rule.id}`, title: `${rule.label}: ${rule.because}` },
      effect: 0,
      sources: rule.sources,
      rule: `orientation.rules.${index}`,
      ...(conditions.length ? { note: conditions.map(describe).join('; ') } : {}),
    },
    ...rejected.map((r) => ({
      fact: { id: `rule:orientation.${r.id}`, title: `not ${r.label}` },
      effect: 0,
      sources: rules.find((x) => x.id === r.id)!.sources,
      rule: `orientation.rules.${rules.findIndex((x) => x.id === r.id)}`,
      note: r.failed.map(describe).join('; '),
    })),
  ];
  // The facts behind each metric the chosen rule tested, so that the label can be traced to them.
  for (const c of conditions) {
    for (const e of metrics[c.metric].explanation) explanation.push({ ...e, note: `${c.metric}${e.note ? `: ${e.note}` : ''}` });
  }
  return { label: rule.label, rule: { id: rule.id, because: rule.because, sources: rule.sources, conditions }, rejected, explanation };
}
