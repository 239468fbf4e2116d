// Two or three partners side by side on every dimension, purpose and metric of the assessment, with the facts that weigh most.
import type { IsoDate } from '../dates';
import { AppError } from '../errors';
import type { Dataset } from '../kb/dataset';
import { budapestInForceWords, withStatedDay } from '../kb/matrix';
import { labelOf } from '../labels';
import { normalisePartnerId, requirePartner } from '../kb/partners';
import type { PartnerId } from '../vocabularies';
import { assessPartner, type Assessment } from './engine';
import type { ExplanationItem } from './explanation';
import { factsAt, type PartnerFacts } from './facts-at';
import type { Weights } from './weights';

export interface ComparisonCell {
  value: number | string | null;
  /** The facts that move this value most (up to three). */
  top: ExplanationItem[];
}

export interface ComparisonRow {
  key: string;
  title: string;
  values: Partial<Record<PartnerId, ComparisonCell>>;
}

export interface Comparison {
  asOf: string | null;
  partners: { id: PartnerId; name: string; orientation: string; maturity: number }[];
  rows: ComparisonRow[];
  assessments: Assessment[];
}

/** Reads "US,CN" or ["US", "CN"]: two or three distinct partners (of the dataset, when given), or `invalid_filter` naming the rule. */
export function parseComparisonIds(raw: string | readonly string[] | undefined, dataset?: Dataset): PartnerId[] {
  const list = (typeof raw === 'string' ? raw.split(',') : (raw ?? [])).map((s) => s.trim()).filter(Boolean);
  const ids = [...new Set(list.map((s) => normalisePartnerId(s, dataset)))];
  if (ids.length < 2 || ids.length > 3) {
    throw new AppError('invalid_filter', `A comparison takes two or three different partners (e.g. ids=US,CN), got ${ids.length}`, [
      { path: 'ids', message: 'two or three partner ids, comma-separated' },
    ]);
  }
  return ids;
}

const top = (e: ExplanationItem[]) => e.filter((x) => x.effect !== 0).slice(0, 3);

export function comparePartners(dataset: Dataset, ids: PartnerId[], asOf: IsoDate | undefined, weights: Weights): Comparison {
  const assessments = ids.map((id) => assessPartner(dataset, id, asOf, weights));
  const facts = ids.map((id) => factsAt(dataset, id, asOf));
  const row = (key: string, title: string, cell: (a: Assessment, i: number) => ComparisonCell): ComparisonRow => ({
    key,
    title,
    values: Object.fromEntries(assessments.map((a, i) => [a.id, cell(a, i)])),
  });
  const rows: ComparisonRow[] = [
    row('orientation', 'Relational orientation', (a) => ({ value: a.orientation, top: a.explanation.filter((e) => e.fact.id.startsWith('rule:')).slice(0, 1) })),
    row('maturity', 'Maturity (0-100)', (a) => ({ value: a.maturity, top: top(a.explanation.filter((e) => !e.fact.id.startsWith('rule:'))) })),
    ...(Object.keys(assessments[0]!.dimensions) as (keyof Assessment['dimensions'])[]).map((d) =>
      row(`dimension:${d}`, assessments[0]!.dimensions[d].title, (a) => ({ value: a.dimensions[d].score, top: top(a.dimensions[d].explanation) })),
    ),
    ...(Object.keys(assessments[0]!.purposes) as (keyof Assessment['purposes'])[]).map((p) =>
      row(`purpose:${p}`, assessments[0]!.purposes[p].title, (a) => ({ value: a.purposes[p].score, top: top(a.purposes[p].explanation) })),
    ),
    row('metric:cyberDialogues', 'Active cyber-related dialogues', (a) => ({ value: a.metrics.cyberDialogues, top: [] })),
    row('metric:cyberSpecificDialogues', 'Active dialogues dedicated to cyber', (a) => ({ value: a.metrics.cyberSpecificDialogues, top: [] })),
    row('position:budapest-convention', 'Budapest Convention', (a, i) => budapestPosition(dataset, a.id, facts[i]!.budapest, asOf)),
    row('position:internet-governance', 'Internet-governance model', (_a, i) => position(facts[i]!.internetGovernance, (v) => v)),
    row('position:wcit-2012', 'WCIT-12 final acts', (_a, i) => position(facts[i]!.wcit2012, (v) => v)),
  ];
  return {
    asOf: asOf ?? null,
    partners: assessments.map((a) => ({ id: a.id, name: a.name, orientation: a.orientation, maturity: a.maturity })),
    rows,
    assessments,
  };
}

function position<V>(known: { ref: { id: string; title: string }; value: V; sources: ExplanationItem['sources'] } | null, show: (v: V) => string): ComparisonCell {
  if (!known) return { value: null, top: [] };
  return { value: show(known.value), top: [{ fact: known.ref, effect: 0, sources: known.sources, rule: 'position' }] };
}

/**
 * The Budapest row: a ratification in the instrument matrix's words (its deposit and whether the Convention is in force on
 * the date, `budapestInForceWords`) with its stance in words after a comma, since those words may end in a parenthesis
 * already ("ratified 2015-07-08, not yet in force (from 2015-11-01), supportive"); any other status as the code and its
 * stance in parentheses ("not-signed (opposed)"), which the CLI and the web app write in words.
 */
function budapestPosition(dataset: Dataset, id: PartnerId, known: PartnerFacts['budapest'], asOf: IsoDate | undefined): ComparisonCell {
  const inForce = known ? budapestInForceWords(requirePartner(dataset, id).file.positions.budapestConvention, known.entry, asOf) : null;
  const stance = known?.value.stance;
  const cell = position(known, (v) => (inForce ? `${inForce.words}${stance ? `, ${labelOf(stance)}` : ''}` : `${v.value}${stance ? ` (${stance})` : ''}`));
  // A source that states the day of entry into force is cited beside the position's, as the matrix cites it.
  const fact = cell.top[0];
  if (!inForce || inForce.derived || !fact) return cell;
  return { ...cell, top: [{ ...fact, sources: withStatedDay(fact.sources, inForce) }] };
}
