// Test support: the repository's own data files, parsed and loaded, as the edge will load them.
import { parse } from 'yaml';
import populationYaml from '../../../data/council/population.yaml?raw';
import votingRulesYaml from '../../../data/council/voting-rules.yaml?raw';
import measuresYaml from '../../../data/toolbox/measures.yaml?raw';
import rulesYaml from '../../../data/toolbox/rules.yaml?raw';
import sanctionsYaml from '../../../data/toolbox/sanctions.yaml?raw';
import severityYaml from '../../../data/toolbox/severity.yaml?raw';
import regimesYaml from '../../../data/toolbox/restrictive-regimes.yaml?raw';
import precedentsYaml from '../../../data/toolbox/precedents.yaml?raw';
import type { IsoDate } from '../dates';
import { validateIncidentInput, type IncidentInput } from './incident';
import { incidentVocabulary, loadToolbox, type ParsedToolboxFiles, type Toolbox } from './load';
import { planResponse, type MeasureAssessment, type ResponsePlan } from './rules';

export function parsedFiles(): ParsedToolboxFiles {
  return {
    measures: parse(measuresYaml) as unknown,
    rules: parse(rulesYaml) as unknown,
    severity: parse(severityYaml) as unknown,
    population: parse(populationYaml) as unknown,
    votingRules: parse(votingRulesYaml) as unknown,
    sanctions: parse(sanctionsYaml) as unknown,
    regimes: parse(regimesYaml) as unknown,
    precedents: parse(precedentsYaml) as unknown,
  };
}

export const toolbox: Toolbox = loadToolbox(parsedFiles());

export function incident(value: unknown): IncidentInput {
  return validateIncidentInput(value, incidentVocabulary(toolbox));
}

/** A state-sponsored intrusion into a German ministry from Russia, publicly attributed by Germany, as raw input. */
export const MINISTRY_INTRUSION = {
  title: 'Intrusion into a federal ministry',
  start: '2026-03-01',
  ongoing: false,
  category: 'cyber-espionage',
  victims: [{ country: 'DE', sector: 'government' }],
  effects: { severity: 'high' },
  initiator: { type: 'state-sponsored', country: 'RU', identifiedPersons: ['Officer A'] },
  attribution: [{ kind: 'political', by: 'DE government', confidence: 'high', public: true }],
} as const;

/** An intrusion by an unknown actor, named persons and a German attribution: the transit-state tests add `transit`. */
export const RELAYED_INTRUSION = {
  title: 'Intrusion relayed through servers abroad',
  start: '2025-02-01',
  ongoing: true,
  category: 'cyber-espionage',
  victims: [{ country: 'DE', sector: 'government' }],
  effects: { severity: 'high' },
  initiator: { type: 'unknown', identifiedPersons: ['Person A'] },
  attribution: [{ kind: 'political', by: 'DE government', confidence: 'medium', public: true }],
};

export function plan(value: unknown): ResponsePlan {
  return planResponse(incident(value), toolbox.measures, toolbox.rules, toolbox.severity);
}

/** A plan of `value` made on `asOf`, with the reviewed regimes and sanctions register and no observatory relations. */
export function planOn(value: unknown, asOf: string): ResponsePlan {
  return planResponse(incident(value), toolbox.measures, toolbox.rules, toolbox.severity, {
    asOf: asOf as IsoDate,
    regimes: toolbox.regimes,
    initiatorRelations: null,
    sanctions: toolbox.sanctions,
    weightedVotes: toolbox.votingRules.weightedVotes,
  });
}

/** A test incident: `base` with `changes`, objects merged one level deep (a context or effects field changed alone). */
export function variantOf(base: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    const current = out[key];
    out[key] = value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current) ? { ...current, ...value } : value;
  }
  return out;
}

/** A plan's measure by id; a test naming a measure the catalogue lacks fails here, saying which. */
export function measureIn(p: ResponsePlan, id: string): MeasureAssessment {
  const m = p.measures.find((x) => x.id === id);
  if (!m) throw new Error(`no measure ${id}`);
  return m;
}

/** A measure's reason by rule id; a test naming a rule the measure does not read fails here, saying which. */
export function reasonIn(m: MeasureAssessment, rule: string): MeasureAssessment['reasons'][number] {
  const r = m.reasons.find((x) => x.rule === rule);
  if (!r) throw new Error(`${m.id} has no reason ${rule}`);
  return r;
}
