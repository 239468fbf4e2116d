// The response plan as a printable Markdown document: open measures in escalation order with their
// procedure and legal basis, closed ones and why, the bodies to involve, and numbered sources.
import type { Source } from '../provenance';
import type { IncidentInput } from './incident';
import { DECISION_BODY_NAMES, DECISION_RULE_NAMES } from './measure';
import type { MeasureAssessment, Reason, ResponsePlan } from './rules';
import type { PlanSanctions } from './sanctions';

const CATEGORY_NAMES: Readonly<Record<MeasureAssessment['category'], string>> = {
  preventive: 'preventive',
  cooperative: 'cooperative',
  stabilising: 'stabilising',
  restrictive: 'restrictive',
  'member-state-support': 'support to member states',
  'criminal-justice': 'criminal justice',
};

/** Numbers sources in order of first use, so the document can cite them as [1], [2]... */
class SourceList {
  private readonly keys: string[] = [];
  private readonly entries: Source[] = [];

  cite(sources: readonly Source[]): string {
    const numbers = sources.map((s) => {
      const key = `${s.ref}\u0000${s.locator}`;
      let n = this.keys.indexOf(key);
      if (n < 0) {
        this.keys.push(key);
        this.entries.push(s);
        n = this.keys.length - 1;
      }
      return `[${n + 1}]`;
    });
    return numbers.join('');
  }

  render(): string[] {
    return this.entries.map((s, i) => `${i + 1}. ${s.ref}, ${s.locator}${s.quote ? `: "${s.quote}"` : ''}`);
  }
}

export function renderPlanMarkdown(plan: ResponsePlan, incident: IncidentInput, sanctions?: PlanSanctions): string {
  const sources = new SourceList();
  const open = plan.ladder.map((id) => plan.measures.find((m) => m.id === id)).filter((m): m is MeasureAssessment => !!m);
  const closed = plan.measures.filter((m) => !m.available);
  const lines: string[] = [`# Response plan: ${incident.title}`, '', ...incidentSummary(incident), ''];

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
    lines.push(`### ${m.title} (${m.id})`, '');
    for (const r of m.reasons.filter((r) => r.kind === 'precondition' && !r.holds)) lines.push(reasonLine(r, sources));
    lines.push('');
  }

  if (sanctions) lines.push(...sanctionsSection(sanctions), '');

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

  lines.push('## Sources', '', ...sources.render(), '');
  lines.push('Items marked (unverified) rest on facts the research notes could not confirm; check them before relying on them.', '');
  return lines.join('\n');
}

function incidentSummary(i: IncidentInput): string[] {
  const victims = i.victims.map((v) => `${v.name ? `${v.name}, ` : ''}${v.country} (${v.sector})`).join('; ');
  const initiator = [i.initiator.type, i.initiator.name, i.initiator.country].filter(Boolean).join(', ');
  const attribution =
    i.attribution.length === 0
      ? 'none recorded'
      : i.attribution.map((a) => `${a.kind} by ${a.by}, ${a.confidence} confidence${a.public ? ', public' : ''}`).join('; ');
  return [
    `- Category: ${i.category}; severity: ${i.effects.severity}; ${i.ongoing ? 'ongoing' : 'not ongoing'}`,
    `- Started ${i.start}${i.detected ? `, detected ${i.detected}` : ''}${i.disclosed ? `, disclosed ${i.disclosed}` : ''}${i.end ? `, ended ${i.end}` : ''}`,
    `- Victims: ${victims}`,
    `- Suspected initiator: ${initiator}`,
    `- Attribution: ${attribution}`,
  ];
}

function openMeasure(m: MeasureAssessment, n: number, sources: SourceList): string[] {
  const d = m.decision;
  const proposers = d.proposedBy.map((b) => DECISION_BODY_NAMES[b]).join(' or ');
  return [
    `### ${n}. ${m.title} (${m.id})${m.unverified ? ' (unverified)' : ''}`,
    '',
    `- Category: ${CATEGORY_NAMES[m.category]}`,
    `- Decision: ${DECISION_BODY_NAMES[d.by]}, ${DECISION_RULE_NAMES[d.rule]}; proposed by ${proposers}`,
    `- Procedure: ${m.procedure}`,
    `- Legal basis: ${m.legalBasis.map((b) => `${b.label}${b.unverified ? ' (unverified)' : ''}`).join('; ')}`,
    `- Effect: ${m.effect} ${sources.cite(m.sources)}`,
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
  const label = r.kind === 'advisory' ? 'Consider' : r.holds ? 'Met' : 'Not met';
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
      lines.push(`- ${m.name} (listed as ${m.listedName}, ${m.kind}) since ${m.since}${acts}, for ${m.incidents.join('; ')}`);
    }
  }
  for (const n of s.notes) lines.push('', `Note: ${n}`);
  return lines;
}
