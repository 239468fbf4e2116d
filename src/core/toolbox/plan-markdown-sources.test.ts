// The plan's Markdown lists its sources as a reader cites them: papers by author, title and year with their published
// version, each source once, and its grade where it is below primary. Changing a grade in the table moves the output.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import publishersYaml from '../../../data/sources/publishers.yaml?raw';
import type { IsoDate } from '../dates';
import { parsePublishersFile, sourceGrader, type PublishersFile, type SourceGrade } from '../sources/grades';
import { renderPlanMarkdown } from './plan-markdown';
import { planResponse } from './rules';
import { incident, MINISTRY_INTRUSION, toolbox } from './toolbox.fixture';

const input = incident(MINISTRY_INTRUSION);
const plan = planResponse(input, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: '2026-06-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions });
const table = parsePublishersFile(parse(publishersYaml) as unknown, 'publishers.yaml');

/** The table with the paper bendiek2018 graded `grade`. */
function withBendiek(grade: SourceGrade): PublishersFile {
  return { ...table, papers: table.papers.map((p) => (p.key === 'bendiek2018' ? { ...p, grade } : p)) };
}
const sourceLines = (md: string) => md.slice(md.indexOf('## Sources')).split('\n').filter((l) => /^\d+\. /.test(l));
const bendiekLine = (md: string) => sourceLines(md).find((l) => l.includes('Bendiek'));

describe('the sources of the plan as Markdown', () => {
  const md = renderPlanMarkdown(plan, input, undefined, undefined, undefined, sourceGrader(table));

  it('names a paper by author, title and year with its published version, never by its key', () => {
    const line = bendiekLine(md);
    expect(line).toContain("Annegret Bendiek, 'The EU as a Force for Peace in International Cyber Diplomacy'");
    expect(line).toContain('2018');
    expect(line).toContain('https://www.swp-berlin.org/en/publication/the-eu-as-a-force-for-peace-in-international-cyber-diplomacy/');
    expect(sourceLines(md).join('\n')).not.toMatch(/^\d+\. (bendiek2018|renard2014|renard2016)\b/m);
  });

  it('names a paper in its prose as a reader would, not by its key', () => {
    expect(md).not.toMatch(/\b(bendiek2018|renard2014|renard2016)\b/);
    expect(md).toContain('Bendiek (2018)');
    expect(renderPlanMarkdown(plan, input)).toContain('bendiek2018');
  });

  it('lists each source once', () => {
    const lines = sourceLines(md);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.filter((l) => l.includes('Bendiek'))).toHaveLength(1);
    const names = lines.map((l) => l.replace(/^\d+\. /, '').split(': ')[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('shows the grade where it is below primary, and moves with the table', () => {
    expect(bendiekLine(md)).toMatch(/\[secondary source\]$/);
    const asPrimary = renderPlanMarkdown(plan, input, undefined, undefined, undefined, sourceGrader(withBendiek('primary')));
    expect(bendiekLine(asPrimary)).not.toMatch(/\[(secondary|low-grade) source\]/);
    const asLow = renderPlanMarkdown(plan, input, undefined, undefined, undefined, sourceGrader(withBendiek('low')));
    expect(bendiekLine(asLow)).toMatch(/\[low-grade source\]$/);
    // An EU act on EUR-Lex is primary and carries no note.
    const eurLex = sourceLines(md).filter((l) => l.includes('eur-lex.europa.eu'));
    expect(eurLex.length).toBeGreaterThan(0);
    for (const l of eurLex) expect(l).not.toMatch(/source\]$/);
  });

  it('without the grades keeps the refs as they are', () => {
    expect(sourceLines(renderPlanMarkdown(plan, input)).some((l) => / bendiek2018: /.test(l))).toBe(true);
  });
});
