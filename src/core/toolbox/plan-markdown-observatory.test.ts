// The plan's Markdown tells what the observatory holds on the initiator state in words, as the page does: a
// dialogue's level and status, an agreement's status and the Budapest Convention's status and stance, never as codes.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import type { Relations } from '../kb/relations';
import { showsCode } from '../labels';
import { renderPlanMarkdown } from './plan-markdown';
import { planResponse } from './rules';
import { incident, MINISTRY_INTRUSION, toolbox } from './toolbox.fixture';

const input = incident(MINISTRY_INTRUSION);
const relations = (budapest: { status: string; stance: string | null }): Relations => ({
  state: 'RU',
  covered: true,
  name: 'Russia',
  asOf: '2026-06-01' as IsoDate,
  cyberDialogues: [{ id: 'd1', name: 'A cyber dialogue', level: 'senior-officials', cyberSpecific: true, status: 'active', topics: [], sources: [] }],
  inactiveCyberDialogues: [{ id: 'd2', name: 'A dialogue on information society', level: 'ministerial', cyberSpecific: false, status: 'on-hold', topics: [], sources: [] }],
  criminalJusticeAgreements: [{ id: 'a1', title: 'An Europol agreement', type: 'europol', status: 'on-hold', sources: [] }],
  budapestConvention: { ...budapest, sources: [] },
} as unknown as Relations);
const observatory = (r: Relations) => {
  const plan = planResponse(input, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: '2026-06-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: r, sanctions: toolbox.sanctions });
  const md = renderPlanMarkdown(plan, input);
  const start = md.indexOf('## What the observatory holds');
  return md.slice(start, md.indexOf('\n## ', start + 1));
};

describe('the observatory in the plan as Markdown', () => {
  it('writes levels, statuses and the Budapest stance in words', () => {
    const text = observatory(relations({ status: 'not-signed', stance: 'not-intending-to-ratify' }));
    expect(text).toContain('- Cyber-related dialogues: A cyber dialogue (senior officials, cyber-specific)');
    expect(text).toContain('- Not active: A dialogue on information society (on hold)');
    expect(text).toContain('- Criminal-justice agreements: An Europol agreement (on hold)');
    expect(text).toContain('- Budapest Convention: not signed (does not intend to ratify)');
    expect(showsCode(text, ['not-signed', 'not-intending-to-ratify', 'senior-officials', 'on-hold'])).toBeUndefined();
    // The words follow the record.
    expect(observatory(relations({ status: 'ratified', stance: null }))).toContain('- Budapest Convention: ratified\n');
  });
});
