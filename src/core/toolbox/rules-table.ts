// The toolbox's rules as a reviewable table (docs/toolbox-rules.md): each rule with the measures it gates, its
// condition in words and the source passages it rests on; the attribution needs and which measure rests on which; the
// Council's voting rules (voting-rules-table.ts).
// Generated from the reviewed data, so that the document cannot drift from what the engine applies.
import type { Source } from '../provenance';
import { describeCondition } from './condition';
import type { Toolbox } from './load';
import { votingRulesTable } from './voting-rules-table';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const cite = (sources: readonly Source[]) => sources.map((s) => `${s.ref}, ${s.locator}`).join('; ');
const applies = (b: { from?: string | undefined; until?: string | undefined }) =>
  b.from && b.until ? ` (${b.from} to ${b.until})` : b.from ? ` (from ${b.from})` : b.until ? ` (until ${b.until})` : '';
const flag = (x: { unverified: boolean; note?: string | undefined }) => (x.unverified ? `UNVERIFIED${x.note ? `: ${x.note}` : ''}` : (x.note ?? ''));

export function rulesTable(t: Toolbox): string {
  const lines = [
    '# The response toolbox\'s rules and their sources',
    '',
    'Generated from data/toolbox/rules.yaml, measures.yaml and data/council/voting-rules.yaml by `npx cyberdiplo rules --markdown`;',
    'a test fails when this file differs from what the data say. A precondition must hold for its measures to be open; an advisory',
    'explains or weighs; a procedure rule, while it holds, changes the voting rule of its measures (changes to …) and never closes',
    'them. Rule texts in braces ({significanceFactors}, ...) are filled from the incident and the observatory when a plan is made.',
    '',
    '## Rules',
    '',
    '| Rule | Kind | Measures | Condition | Sources | Checked |',
    '|---|---|---|---|---|---|',
    ...t.rules.rules.map((r) => `| ${r.id} | ${r.kind}${r.general ? ' (general)' : ''}${r.changesRule ? ` (changes to ${r.changesRule})` : ''} | ${r.gates.join(', ')} | ${cell(describeCondition(r.condition))} | ${cell(cite(r.sources))} | ${cell(flag(r))} |`),
    '',
    '## Attribution needs',
    '',
    '| Need | What it takes | Sources | Checked |',
    '|---|---|---|---|',
    ...t.rules.attributionNeeds.map((n) => `| ${n.id} | ${cell(n.requires.length ? n.requires.map((r) => r.label).join('; and ') : 'nothing')} | ${cell(cite(n.sources))} | ${cell(flag(n))} |`),
    '',
    '## Measures: attribution and preconditions',
    '',
    '| Measure | Category | Coercion | Attribution need (effect) | Preconditions | Legal basis | Checked |',
    '|---|---|---|---|---|---|---|',
    ...[...t.measures.measures]
      .sort((a, b) => a.coercion - b.coercion)
      .map(
        (m) =>
          `| ${m.id} | ${m.category} | ${m.coercion} | ${m.attribution.need} (${m.attribution.effect}) | ${m.preconditions.join(', ') || 'none'} | ${cell(m.legalBasis.map((b) => `${b.provision ? `${b.provision} ` : ''}${b.act}${applies(b)}${b.unverified ? ' (unverified)' : ''}`).join('; '))} | ${cell(flag(m))} |`,
      ),
    '',
    ...votingRulesTable(t.votingRules),
  ];
  return lines.join('\n');
}
