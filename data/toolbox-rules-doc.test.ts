// docs/toolbox-rules.md is the reviewable table of the toolbox's rules and the Council's voting rules: it must say what
// the data say, and the rule of each kind of act on each proposal must be the one the vote simulator derives.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rulesTable } from '../src/core/toolbox/rules-table';
import { toolbox } from '../src/core/toolbox/toolbox.fixture';
import { deriveRule } from '../src/core/toolbox/vote-derive';
import type { VotingRulesFile } from '../src/core/toolbox/voting-rules';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'toolbox-rules.md');

/** The row of a table whose first cell is `id`, split into its cells. */
function rowOf(doc: string, id: string): string[] | undefined {
  const line = doc.split('\n').find((l) => l.startsWith(`| ${id} |`));
  return line
    ?.slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.trim());
}

/** The voting rules' section of the document made from these voting rules. */
const votingDoc = (votingRules: VotingRulesFile) => rulesTable({ ...toolbox, votingRules }).split('## Council voting rules')[1] ?? '';

describe('docs/toolbox-rules.md', () => {
  it('is the table the data give (regenerate with: npx cyberdiplo rules --markdown > docs/toolbox-rules.md)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(rulesTable(toolbox));
  });

  it('lists every rule with a source and flags every UNVERIFIED note', () => {
    const doc = rulesTable(toolbox);
    for (const r of toolbox.rules.rules) {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${r.id} |`));
      expect(row, r.id).toBeDefined();
      if (/UNVERIFIED/.test(r.note ?? '')) expect(row).toMatch(/\| UNVERIFIED/);
    }
  });

  it("gives each kind of act on each proposer's proposal the rule the vote simulator derives, with its article and unverified mark", () => {
    const v = toolbox.votingRules;
    const doc = votingDoc(v);
    const header = doc.split('\n').find((l) => l.startsWith('| Act | Kind of act |'));
    const columns = header?.slice(2, -2).split(' | ') ?? [];
    expect(columns.slice(2, 2 + v.proposers.list.length)).toEqual(v.proposers.list.map((p) => p.id));
    for (const act of v.acts) {
      const row = rowOf(doc, act.id);
      expect(row, act.id).toBeDefined();
      for (const [i, p] of v.proposers.list.entries()) {
        const shown = row?.[2 + i];
        if (act.proposers && !act.proposers.includes(p.id)) {
          expect(shown, `${act.id} ${p.id}`).toBe('—');
          continue;
        }
        const d = deriveRule({ act: act.id, proposer: p.id, defenceImplications: false, weighted: false }, v.acts, v.proposers);
        expect(shown, `${act.id} ${p.id}`).toBe(`${d?.rule}${d?.unverified && !act.unverified ? ' (unverified)' : ''}`);
      }
      expect(row?.[columns.indexOf('Basis')], act.id).toContain(act.basis);
      expect(row?.[columns.indexOf('Emergency brake')], act.id).toBe(act.cfspQualified ? 'yes' : 'no');
      if (act.unverified) expect(row?.[columns.indexOf('Checked')], act.id).toMatch(/^UNVERIFIED: /);
    }
    for (const r of v.rules) expect(rowOf(doc, r.id)?.[2], r.id).toBe(r.basis);
  });

  it('moves with the data: a proposer whose qualified majority changes, an act no longer unverified, defence implications', () => {
    const v = toolbox.votingRules;
    const implementing = (doc: string) => rowOf(doc, 'cfsp-implementing');
    const memberState = 2 + v.proposers.list.findIndex((p) => p.id === 'member-state');
    expect(implementing(votingDoc(v))?.[memberState]).toBe('rqmv');
    const ordinary = { ...v, proposers: { ...v.proposers, list: v.proposers.list.map((p) => (p.id === 'member-state' ? { ...p, qualified: 'qmv' as const } : p)) } };
    expect(implementing(votingDoc(ordinary))?.[memberState]).toBe('qmv');

    expect(rowOf(votingDoc(v), 'sanctions-listing')?.at(-1)).toMatch(/^UNVERIFIED: /);
    const checked = { ...v, acts: v.acts.map((a) => (a.id === 'sanctions-listing' ? { ...a, unverified: false, note: undefined } : a)) };
    expect(rowOf(votingDoc(checked), 'sanctions-listing')?.at(-1)).toBe('');

    const defence = (doc: string, id: string) => rowOf(doc, id)?.[2 + v.proposers.list.length];
    expect(defence(votingDoc(v), 'cfsp-implementing')).toBe('unanimity (Art. 31(1) and (4) TEU)');
    expect(defence(votingDoc(v), 'cfsp-other')).toBe('unchanged');
    const notCfsp = { ...v, acts: v.acts.map((a) => (a.id === 'cfsp-implementing' ? { ...a, cfspQualified: false } : a)) };
    expect(defence(votingDoc(notCfsp), 'cfsp-implementing')).toBe('unchanged');
    expect(rowOf(votingDoc(notCfsp), 'cfsp-implementing')?.[3 + v.proposers.list.length]).toBe('no');
  });
});
