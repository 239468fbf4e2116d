// What attribution a measure of the plan rests on and what is missing, in one sentence for the screen and for paper.
import type { MeasureAttribution, PlanMeasure, PlanReason } from '../toolbox-types';

/** The engine's reason for the attribution need (rule `attribution-<need>`), which the attribution line replaces. */
export const isAttributionReason = (m: PlanMeasure, r: PlanReason): boolean => m.attribution !== undefined && r.rule === `attribution-${m.attribution.need}`;

/** Whether the attribution closes the measure (it opens it and is missing). */
export const attributionCloses = (a: MeasureAttribution): boolean => a.effect === 'opens' && !a.met;

const joined = (items: string[]) => items.join('; ');

/**
 * "Attribution: needs a political attribution by a member state or the EU; only technical by BSI (…) is recorded."
 * A need that only decides naming the state says that the measure can be taken without naming one.
 */
export function attributionSentence(a: MeasureAttribution): string {
  if (a.met && a.restsOn.length === 0) return 'Attribution: none needed.';
  if (a.effect === 'names-state') {
    return a.met
      ? `Attribution: the state may be named; this rests on ${joined(a.restsOn)}.`
      : `Attribution: naming the state ${a.missing ?? `needs ${a.label}`}. The measure can be taken without naming one.`;
  }
  return a.met ? `Attribution: needs ${a.label}; rests on ${joined(a.restsOn)}.` : `Attribution: ${a.missing ?? `needs ${a.label}`}.`;
}
