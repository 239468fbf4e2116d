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

describe("the plan's Markdown summary of the incident", () => {
  it('names countries and sectors in words, as the page does', () => {
    const two = incident({
      ...MINISTRY_INTRUSION,
      victims: [
        { country: 'DE', sector: 'health', name: 'A hospital' },
        { country: 'EU', sector: 'eu-institution' },
      ],
      initiator: { type: 'state-sponsored', name: 'Sandworm', country: 'RU' },
      attribution: [],
    });
    const md = renderPlanMarkdown(planResponse(two, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: '2026-06-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions }), two);
    expect(md).toContain('- Victims: A hospital, Germany (health); EU (EU institution, body or agency)');
    expect(md).toContain('- Suspected initiator: state-sponsored, Sandworm, Russia');
    // Another country moves the words.
    const fr = incident({ ...two, victims: [{ country: 'FR', sector: 'government' }] });
    expect(renderPlanMarkdown(planResponse(fr, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: '2026-06-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions }), fr)).toContain('- Victims: France (government)');
  });
});

describe('why the démarche and talks have no EU delegation', () => {
  const reasonOf = (initiator: { type: 'state-sponsored'; country?: string }, delegation: boolean) => {
    const i = incident({ ...MINISTRY_INTRUSION, initiator, attribution: [], context: { euDelegationInInitiatorCountry: delegation } });
    const p = planResponse(i, toolbox.measures, toolbox.rules, toolbox.severity, { asOf: '2026-06-01' as IsoDate, regimes: toolbox.regimes, initiatorRelations: null, sanctions: toolbox.sanctions });
    return p.measures.find((m) => m.id === 'demarche')!.reasons.find((r) => r.rule === 'eu-delegation-present')!;
  };

  it('says which need fails: no country, a member state, or no delegation recorded', () => {
    expect(reasonOf({ type: 'state-sponsored' }, false).text).toContain("the initiator's country is unknown");
    expect(reasonOf({ type: 'state-sponsored', country: 'FR' }, false).text).toContain("the initiator's country (France) is a member state");
    const ru = reasonOf({ type: 'state-sponsored', country: 'RU' }, false);
    expect(ru.holds).toBe(false);
    expect(ru.text).toContain('does not record an EU delegation in Russia');
    expect(reasonOf({ type: 'state-sponsored', country: 'RU' }, true).holds).toBe(true);
  });
});
