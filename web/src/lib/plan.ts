// Prepares a response plan for reading: measures least coercive first, completed from the measures catalogue.
import type { MeasureInfo, PlanMeasure, PlanReason, ResponsePlan, ShownMeasure } from '../toolbox-types';
import { isRecord, listOf, sourcesOf } from './describe';

export function readCatalogue(value: unknown): Map<string, MeasureInfo> {
  const items = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.measures) ? value.measures : listOf(value);
  const out = new Map<string, MeasureInfo>();
  for (const m of items) {
    if (!isRecord(m) || typeof m.id !== 'string') continue;
    const str = (k: string) => (typeof m[k] === 'string' ? (m[k] as string) : undefined);
    out.set(m.id, {
      id: m.id,
      title: str('title'),
      category: str('category'),
      summary: str('summary'),
      procedure: str('procedure'),
      effect: str('effect'),
      coercion: typeof m.coercion === 'number' ? m.coercion : undefined,
      sources: sourcesOf(m),
    });
  }
  return out;
}

/** Every measure in escalation order, with the catalogue's summary (the plan does not carry one) and what it adds where the plan leaves it out. */
export function planMeasures(plan: ResponsePlan, catalogue: Map<string, MeasureInfo> | undefined): ShownMeasure[] {
  const merged = plan.measures.map((m, i) => {
    const c = catalogue?.get(m.id);
    return {
      order: i,
      m: {
        ...m,
        procedure: m.procedure ?? c?.procedure,
        effect: m.effect ?? c?.effect,
        summary: c?.summary,
        sources: m.sources && m.sources.length ? m.sources : (c?.sources ?? []),
        coercion: m.coercion ?? c?.coercion,
      },
    };
  });
  return merged.sort((a, b) => (a.m.coercion ?? a.order) - (b.m.coercion ?? b.order) || a.order - b.order).map((x) => x.m);
}

/**
 * Advisories that recur across most measures (e.g. that no unequivocal attribution is needed): shown once for
 * the whole plan rather than under every measure.
 */
export function generalReasons(measures: PlanMeasure[]): PlanReason[] {
  const seen = new Map<string, { reason: PlanReason; count: number }>();
  for (const m of measures) {
    for (const r of m.reasons) {
      if (r.kind !== 'advisory') continue;
      const entry = seen.get(r.rule) ?? { reason: r, count: 0 };
      entry.count += 1;
      seen.set(r.rule, entry);
    }
  }
  return [...seen.values()].filter((e) => e.count >= 3 && e.count * 2 >= measures.length).map((e) => e.reason);
}

/** The measures without the general advisories, which the plan states once. */
export function withoutGeneral<M extends PlanMeasure>(measures: M[], general: PlanReason[]): M[] {
  const ids = new Set(general.map((r) => r.rule));
  return measures.map((m) => ({ ...m, reasons: m.reasons.filter((r) => !(r.kind === 'advisory' && ids.has(r.rule))) }));
}

/** How many persons and entities an incident names: those its plan screens against the sanctions list. */
export function identifiedCount(incident: { initiator: { identifiedPersons?: readonly string[]; identifiedEntities?: readonly string[] } }): number {
  return (incident.initiator.identifiedPersons?.length ?? 0) + (incident.initiator.identifiedEntities?.length ?? 0);
}

/**
 * What a reason's sources button is called for a screen reader: the reason's opening words, not its rule's id
 * (`sanctions-significant-effect`), which the page never shows.
 */
export function reasonLabel(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 8 ? `“${words.slice(0, 8).join(' ')} …”` : `“${words.join(' ')}”`;
}
