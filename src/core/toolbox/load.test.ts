import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { loadToolbox } from './load';
import { parsedFiles, toolbox } from './toolbox.fixture';

function corruptMessage(mutate: (files: ReturnType<typeof parsedFiles>) => void): string {
  const files = parsedFiles();
  mutate(files);
  try {
    loadToolbox(files);
  } catch (error) {
    if (isAppError(error) && error.code === 'corrupt_data') return error.message;
    throw error;
  }
  throw new Error('expected corrupt_data');
}

// Views of the raw YAML shapes, for tests that break them on purpose.
type RawMeasures = { measures: Record<string, unknown>[] };
type RawRules = { rules: { id: string; gates: string[]; condition: unknown }[] };
type RawPopulation = { years: { states: Record<string, unknown> }[] };
const rule = (f: ReturnType<typeof parsedFiles>, id: string) => {
  const found = (f.rules as RawRules).rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

describe('loadToolbox', () => {
  it('loads the reviewed data files', () => {
    expect(toolbox.measures.measures.length).toBeGreaterThanOrEqual(14);
    expect(toolbox.rules.rules.length).toBeGreaterThan(20);
    expect(toolbox.severity.scale.map((l) => l.id)).toEqual(['low', 'medium', 'high', 'critical']);
    expect(toolbox.population.years.map((y) => y.year)).toContain(2025);
  });

  it('names the file and the field of a malformed measure', () => {
    const message = corruptMessage((f) => {
      (f.measures as RawMeasures).measures[0]!.rule = 'consensus';
    });
    expect(message).toContain('data/toolbox/measures.yaml: measures.0.rule');
    expect(message).toContain('unanimity, qmv, rqmv, none, national');
  });

  it('refuses a precondition that names an unknown rule', () => {
    const message = corruptMessage((f) => {
      (f.measures as RawMeasures).measures[0]!.preconditions = ['no-such-rule'];
    });
    expect(message).toMatch(/measures\.yaml: measures\.0\.preconditions\.0: unknown rule "no-such-rule"/);
  });

  it('refuses a rule gating a measure that does not list it', () => {
    const message = corruptMessage((f) => {
      rule(f, 'hackback-ongoing').gates.push('demarche');
    });
    expect(message).toContain('rule "hackback-ongoing" gates demarche but is missing from its preconditions');
  });

  it('refuses an unknown fact and a severity level off the scale', () => {
    expect(
      corruptMessage((f) => {
        (f.rules as RawRules).rules[1]!.condition = { fact: 'context.moonPhase', is: true };
      }),
    ).toContain('data/toolbox/rules.yaml: rules.1.condition');
    expect(
      corruptMessage((f) => {
        rule(f, 'sanctions-significant-effect').condition = { fact: 'effects.severity', atLeast: 'catastrophic' };
      }),
    ).toContain('"catastrophic" is not a level of the severity scale (low, medium, high, critical)');
  });

  it('refuses a population year that misses a member state', () => {
    const message = corruptMessage((f) => {
      delete (f.population as RawPopulation).years[0]!.states.MT;
    });
    expect(message).toContain('data/council/population.yaml: years.0.states: missing member states for 2025: MT');
  });
  // The Council votes, a member state decides by its own procedure, the High Representative without a vote: a swapped
  // rule or body would show a Council tally on a sovereign decision, or none on a Council decision.
  it('refuses a voting rule that does not fit the deciding body', () => {
    const measure = (f: ReturnType<typeof parsedFiles>, id: string) => (f.measures as RawMeasures).measures.find((m) => m.id === id)!;
    expect(corruptMessage((f) => (measure(f, 'self-defence').rule = 'none'))).toMatch(/measures\.\d+\.rule: "none" does not fit a decision by the member-state; expected national/);
    expect(corruptMessage((f) => (measure(f, 'restrictive-measures').decidedBy = 'high-representative'))).toContain('"unanimity" does not fit a decision by the high-representative; expected none');
    expect(corruptMessage((f) => (measure(f, 'demarche').rule = 'national'))).toContain('"national" does not fit a decision by the high-representative');
    expect(corruptMessage((f) => (measure(f, 'council-conclusions').rule = 'none'))).toContain('expected unanimity or qmv or rqmv');
    expect(corruptMessage((f) => rule(f, 'implementing-no-defence-implications').gates.push('self-defence'))).toContain('self-defence is not decided by the Council');
  });

  it('refuses an attribution need that asks for nothing yet decides whether a state is named', () => {
    const message = corruptMessage((f) => {
      (f.measures as RawMeasures).measures.find((x) => x.id === 'export-controls')!.attribution = { need: 'none', effect: 'names-state' };
    });
    expect(message).toMatch(/measures\.\d+\.attribution\.effect: need "none" asks for no attribution/);
  });

  it('refuses a need turned to names-state by a rule that does not gate the measure as advice', () => {
    const demarche = (f: ReturnType<typeof parsedFiles>) => (f.measures as RawMeasures).measures.find((x) => x.id === 'demarche')!;
    // A precondition would close the measure rather than relax its attribution; a rule of another measure says nothing of it.
    for (const rule of ['eu-delegation-present', 'capacity-building-transit', 'no-such-rule']) {
      const message = corruptMessage((f) => {
        demarche(f).attribution = { need: 'any', effect: 'opens', namesStateWhen: rule };
      });
      expect(message, rule).toMatch(new RegExp(`measures\\.\\d+\\.attribution\\.namesStateWhen: "${rule}" is not an advisory or procedure rule that gates demarche`));
    }
    expect(corruptMessage((f) => {
      demarche(f).attribution = { need: 'none', effect: 'opens', namesStateWhen: 'demarche-transit-without-attribution' };
    })).toMatch(/namesStateWhen: only a need that opens the measure/);
  });

  it('refuses a legal basis whose first day of application is after its last', () => {
    const message = corruptMessage((f) => {
      const m = (f.measures as RawMeasures).measures.find((x) => x.id === 'export-controls')!;
      (m.legalBasis as Record<string, unknown>[])[0]!.until = '2020-01-01';
    });
    expect(message).toMatch(/measures\.\d+\.legalBasis\.0\.until: from must not be after until/);
  });
});
