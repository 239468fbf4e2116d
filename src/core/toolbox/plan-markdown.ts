// The response plan as a printable Markdown document: open measures in escalation order with their
// procedure and legal basis, closed ones and why, the bodies to involve, and numbered sources.
import { notCountedWhy } from './not-counted';
import { TLP_DEFINITIONS, type TlpLevel } from '../marking/tlp';
import type { Source } from '../provenance';
import { gradeNote, namePapersInText, sourceName, type SourceGrader } from '../sources/grades';
import { countryNameOf } from '../exchange/country-names';
import { ratification } from '../kb/budapest-in-force-text';
import { labelOf } from '../labels';
import type { IncidentInput } from './incident';
import { sectorInfo } from './sectors';
import { DECISION_BODY_NAMES, DECISION_RULE_NAMES } from './measure';
import type { MeasureAssessment, Reason, ResponsePlan } from './rules';
import type { RankedPrecedent } from './precedents';
import type { PlanSanctions } from './sanctions';
import type { AttributionAssessment } from './attribution-needs';

const CATEGORY_NAMES: Readonly<Record<MeasureAssessment['category'], string>> = {
  preventive: 'preventive',
  cooperative: 'cooperative',
  stabilising: 'stabilising',
  restrictive: 'restrictive',
  'member-state-support': 'support to member states',
  'criminal-justice': 'criminal justice',
};

/**
 * Numbers sources in order of first use, one number per source (a paper, an act, a page), so the document cites
 * them as [1], [2]... and lists each source once with the passages used: a paper by its citation and published
 * version, and the grade where it is below primary.
 */
class SourceList {
  constructor(private readonly grader?: SourceGrader) {}

  private readonly refs: string[] = [];
  private readonly locators: string[][] = [];
  private readonly quotes: (string | undefined)[] = [];

  cite(sources: readonly Source[]): string {
    const numbers = new Set<number>();
    for (const s of sources) {
      let n = this.refs.indexOf(s.ref);
      if (n < 0) {
        this.refs.push(s.ref);
        this.locators.push([]);
        this.quotes.push(s.quote);
        n = this.refs.length - 1;
      }
      const list = this.locators[n] ?? [];
      if (!list.includes(s.locator)) list.push(s.locator);
      numbers.add(n);
    }
    return [...numbers].map((n) => `[${n + 1}]`).join('');
  }

  render(): string[] {
    return this.refs.map((ref, i) => {
      const grading = this.grader?.grade(ref);
      const note = gradeNote(grading?.grade);
      const quote = this.quotes[i];
      return `${i + 1}. ${sourceName(ref, grading)}: ${(this.locators[i] ?? []).join('; ')}${quote ? ` ("${quote}")` : ''}${note ? ` [${note}]` : ''}`;
    });
  }
}

/**
 * `marking`: the recorded incident's TLP level, written at the top and the foot of the document as the print view
 * does (FIRST TLP 2.0, "How to use TLP in documents": the label in the header and the footer of each page).
 * `grader`: the reviewed source grades; without it the sources are listed by their refs, ungraded.
 */
export function renderPlanMarkdown(
  plan: ResponsePlan,
  incident: IncidentInput,
  sanctions?: PlanSanctions,
  precedents?: readonly RankedPrecedent[],
  marking?: TlpLevel,
  grader?: SourceGrader,
): string {
  const sources = new SourceList(grader);
  const open = plan.ladder.map((id) => plan.measures.find((m) => m.id === id)).filter((m): m is MeasureAssessment => !!m);
  const closed = plan.measures.filter((m) => !m.available);
  const mark = marking ? TLP_DEFINITIONS[marking] : undefined;
  const lines: string[] = [...(mark ? [`**${mark.label}**: ${mark.disclosure}.`, ''] : []), `# Response plan: ${incident.title}`, '', ...incidentSummary(incident), ''];
  lines.push(`The plan is made on ${plan.asOf}.`, '');
  if (plan.notCounted.length > 0) {
    lines.push(`Not counted in this plan, ${notCountedWhy(plan.notCounted)} (${plan.asOf}):`, '', ...plan.notCounted.map((x) => `- ${x}`), '');
  }

  lines.push('## Open measures, least to most coercive', '');
  const principles = uniqueGeneralReasons(open);
  if (principles.length > 0) {
    lines.push('Principles that apply across the toolbox:', '', ...principles.map((r) => reasonLine(r, sources)), '');
  }
  if (open.length === 0) lines.push('No measure is open for this incident.', '');
  open.forEach((m, i) => lines.push(...openMeasure(m, i + 1, sources), ''));

  lines.push('## Closed measures and why', '');
  if (closed.length === 0) lines.push('Every measure of the catalogue is open.', '');
  for (const m of closed) {
    lines.push(`### ${m.title}`, '');
    for (const r of m.reasons.filter((r) => r.kind === 'precondition' && !r.holds)) lines.push(reasonLine(r, sources));
    lines.push('');
  }

  if (plan.observatory) lines.push(...observatorySection(plan), '');
  if (sanctions) lines.push(...sanctionsSection(sanctions), '');
  if (precedents) lines.push(...precedentsSection(precedents, sources), '');

  lines.push('## Bodies to involve', '');
  if (plan.bodies.length === 0) lines.push('No area of responsibility matches this incident.', '');
  else {
    lines.push('| Area | EU level | National level | Why |', '|---|---|---|---|');
    for (const b of plan.bodies) {
      lines.push(`| ${b.domain} ${sources.cite(b.sources)} | ${b.euLevel.join(', ')} | ${b.nationalLevel.join(', ')} | ${b.why} |`);
    }
    lines.push('');
  }

  const taken = plan.measures.filter((m) => m.taken.length > 0);
  if (taken.length > 0) {
    lines.push('## Responses already taken', '');
    for (const m of taken) {
      for (const t of m.taken) lines.push(`- ${t.date}: ${m.title}, by ${t.by}${t.note ? ` (${t.note})` : ''}`);
    }
    lines.push('');
  }

  // Prose names a paper as a reader would ("Bendiek (2018)"), not by its key; the source list gives the citation.
  if (grader) lines.splice(0, lines.length, ...lines.map((l) => namePapersInText(l, grader)));
  lines.push('## Sources', '', ...sources.render(), '');
  lines.push('Items marked (unverified) rest on facts no primary source consulted confirms; check them before relying on them.', '');
  if (mark) lines.push(`**${mark.label}**`, '');
  return lines.join('\n');
}

/** A label inside a sentence: "Health" → "health", but "EU institution, body or agency" keeps its capitals. */
const inSentence = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

function incidentSummary(i: IncidentInput): string[] {
  // In words, as the page writes them: countries by name, sectors by their label.
  const victims = i.victims.map((v) => `${v.name ? `${v.name}, ` : ''}${countryNameOf(v.country)} (${inSentence(sectorInfo(v.sector).label)})`).join('; ');
  const initiator = [labelOf(i.initiator.type), i.initiator.name, i.initiator.country ? countryNameOf(i.initiator.country) : undefined].filter(Boolean).join(', ');
  const attribution =
    i.attribution.length === 0
      ? 'none recorded'
      : i.attribution.map((a) => `${a.kind} by ${a.by}, ${a.confidence} confidence${a.public ? ', public' : ''}`).join('; ');
  return [
    `- Category: ${i.category}; severity: ${i.effects.severity}; ${i.ongoing ? 'ongoing' : 'not ongoing'}`,
    `- Started ${i.start}${i.detected ? `, detected ${i.detected}` : ''}${i.disclosed ? `, disclosed ${i.disclosed}` : ''}${i.end ? `, ended ${i.end}` : ''}`,
    `- Victims: ${victims}`,
    `- Suspected initiator: ${initiator}`,
    // Only where recorded: a plan without transit states reads as before.
    ...(i.transit?.length ? [`- Carried out through infrastructure in: ${i.transit.map(countryNameOf).join(', ')}`] : []),
    `- Attribution: ${attribution}`,
  ];
}

function openMeasure(m: MeasureAssessment, n: number, sources: SourceList): string[] {
  const d = m.decision;
  const proposers = d.proposedBy.map((b) => DECISION_BODY_NAMES[b]).join(' or ');
  return [
    `### ${n}. ${m.title}${m.unverified ? ' (unverified)' : ''}`,
    '',
    `- Category: ${CATEGORY_NAMES[m.category]}`,
    `- Decision: ${DECISION_BODY_NAMES[d.by]}, ${DECISION_RULE_NAMES[d.rule]}${d.ruleChange ? ` (instead of ${DECISION_RULE_NAMES[d.ruleChange.from]})` : ''}; proposed by ${proposers}`,
    `- Procedure: ${m.procedure}`,
    `- Legal basis: ${m.legalBasis.map((b) => `${b.label}${b.unverified ? ' (unverified)' : ''}`).join('; ')}`,
    `- Effect: ${m.effect} ${sources.cite(m.sources)}`,
    attributionLine(m.attribution),
    ...(m.note ? [`- Note: ${m.note}`] : []),
    ...m.reasons.filter((r) => !r.general).map((r) => reasonLine(r, sources)),
  ];
}

function uniqueGeneralReasons(measures: readonly MeasureAssessment[]): Reason[] {
  const byRule = new Map<string, Reason>();
  for (const r of measures.flatMap((m) => m.reasons)) if (r.general && !byRule.has(r.rule)) byRule.set(r.rule, r);
  return [...byRule.values()];
}

function reasonLine(r: Reason, sources: SourceList): string {
  const label = r.kind === 'advisory' ? 'Consider' : r.kind === 'procedure' ? (r.holds ? 'Rule changed' : 'Rule kept') : r.holds ? 'Met' : 'Not met';
  return `- ${label}: ${r.text} ${sources.cite(r.sources)}${r.unverified ? ' (unverified)' : ''}`;
}

function sanctionsSection(s: PlanSanctions): string[] {
  const lines = ['## Cyber-sanctions regime', ''];
  const acts = s.acts.join(' and ');
  const state: Record<PlanSanctions['regime']['state'], string> = {
    'not-adopted': `On ${s.asOf} the Union has no cyber-sanctions regime yet (${acts} came later).`,
    'in-force': `On ${s.asOf} the regime (${acts}) is in force until ${s.regime.until ?? '?'}; listings run until ${s.listings.until ?? '?'}.`,
    lapsed: `On ${s.asOf} the regime (${acts}) is not in force: it expired on ${s.regime.until ?? '?'}.`,
    unconfirmed: `On ${s.asOf} the regime (${acts}) was last known to run until ${s.regime.until ?? '?'}; a later renewal is not recorded.`,
  };
  lines.push(state[s.regime.state]);
  if (s.alreadyListed.length > 0) {
    lines.push('', 'Already listed under the regime:', '');
    for (const m of s.alreadyListed) {
      const acts = m.acts.length ? ` by ${m.acts.join(', ')}` : '';
      lines.push(`- ${m.name}: ${m.summary} (${m.kind}${acts}; score ${m.score.toFixed(2)}${m.strong ? ', an officer must review it before proceeding' : ''}), for ${m.incidents.join('; ') || 'no incident named in its reasons'}`);
    }
  }
  for (const n of s.notes) lines.push('', `Note: ${n}`);
  return lines;
}

/** Which attribution a measure rests on, and what is missing, in one line. */
export function attributionLine(a: AttributionAssessment): string {
  if (a.need === 'none') return '- Attribution: none needed';
  const rests = a.restsOn.length ? `rests on ${a.restsOn.join('; ')}` : 'rests on no attribution';
  if (a.met) return `- Attribution: ${rests}${a.effect === 'names-state' ? ' (enough to name the state)' : ''}`;
  return a.effect === 'names-state' ? `- Attribution: may not name a state yet: ${a.missing ?? ''}` : `- Attribution: ${a.missing ?? ''}`;
}

function observatorySection(plan: ResponsePlan): string[] {
  const r = plan.observatory;
  if (!r) return [];
  const lines = [`## What the observatory holds on ${r.name ?? r.state} (as of ${r.asOf})`, ''];
  if (!r.covered) return [...lines, `The observatory does not cover ${r.state}: it records no dialogue or agreement with it, which does not mean none exists.`];
  lines.push(`- Cyber-related dialogues: ${r.cyberDialogues.length ? r.cyberDialogues.map((d) => `${d.name} (${labelOf(d.level)}${d.cyberSpecific ? ', cyber-specific' : ''})`).join('; ') : 'none active'}`);
  if (r.inactiveCyberDialogues.length) lines.push(`- Not active: ${r.inactiveCyberDialogues.map((d) => `${d.name} (${labelOf(d.status)})`).join('; ')}`);
  lines.push(`- Criminal-justice agreements: ${r.criminalJusticeAgreements.length ? r.criminalJusticeAgreements.map((a) => `${a.title} (${labelOf(a.status)})`).join('; ') : 'none recorded'}`);
  const b = r.budapestConvention;
  // A ratification says when the Convention entered into force for the state, and whether it binds it on the plan's date.
  const inForce = b?.inForce ? `; ${ratification(b.inForce)}${b.bound ? '' : ': not yet bound on this date'}` : '';
  lines.push(`- Budapest Convention: ${b ? `${labelOf(b.status)}${b.stance ? ` (${labelOf(b.stance)})` : ''}${inForce}` : 'no status recorded'}`);
  return lines;
}

function precedentsSection(ps: readonly RankedPrecedent[], sources: SourceList): string[] {
  const lines = ['## Precedents: what was done last time', ''];
  if (ps.length === 0) return [...lines, 'No comparable incident is recorded.'];
  for (const p of ps) {
    const cite = p.sources.length ? ` ${sources.cite(p.sources)}` : '';
    lines.push(`### ${p.title} (${p.start}, similarity ${Math.round(p.score * 100)} %)${p.unverified ? ' (unverified)' : ''}${cite}`, '');
    lines.push(`- Comparable: ${p.why.join('; ')}`);
    if (p.attribution.length) lines.push(`- Attribution: ${p.attribution.map((a) => `${a.kind} by ${a.by}${a.date ? ` (${a.date})` : ''}`).join('; ')}`);
    lines.push(`- Responses: ${p.responses.length ? p.responses.map((r) => `${r.date}: ${r.what} (${r.by})`).join('; ') : 'none recorded'}`);
    const took = [p.daysToAttribution !== null ? `${p.daysToAttribution} days to a political or legal attribution` : null, p.daysToResponse !== null ? `${p.daysToResponse} days to the first EU or member-state response` : null].filter(Boolean);
    if (took.length) lines.push(`- Time taken: ${took.join('; ')}`);
    lines.push('');
  }
  return lines;
}
