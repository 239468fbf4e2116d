// The plan's Markdown carries its incident's TLP marking at the top and the foot, like the print view.
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { renderPlanMarkdown } from './plan-markdown';
import { planResponse } from './rules';
import { incident, MINISTRY_INTRUSION, toolbox } from './toolbox.fixture';

// Unattributed, and no persons identified.
const input = incident({ ...MINISTRY_INTRUSION, initiator: { type: 'state-sponsored', country: 'RU' }, attribution: [] });
const plan = planResponse(input, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: '2026-06-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions });

describe('the plan as Markdown', () => {
  it('opens and closes with the marking it is given', () => {
    const lines = renderPlanMarkdown(plan, input, undefined, undefined, 'amber+strict').trimEnd().split('\n');
    expect(lines[0]).toBe('**TLP:AMBER+STRICT**: within the recipient organisation only.');
    expect(lines.at(-1)).toBe('**TLP:AMBER+STRICT**');
    expect(renderPlanMarkdown(plan, input, undefined, undefined, 'red').split('\n')[0]).toMatch(/^\*\*TLP:RED\*\*/);
  });
  it('writes no marking where none is known (a plan for an unrecorded incident)', () => {
    expect(renderPlanMarkdown(plan, input)).not.toContain('TLP:');
    expect(renderPlanMarkdown(plan, input).startsWith('# Response plan: Intrusion into a federal ministry')).toBe(true);
  });
});
