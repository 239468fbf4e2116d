// Validates the toolbox's data files, already parsed by the edge, and checks that they agree with each
// other: the core reads no files. A malformed file is corrupt_data naming the file and the field.
import type { z } from 'zod';
import { AppError, type ErrorIssue } from '../errors';
import { issuesFromZod } from '../zod-issues';
import { conditionProblems, type Condition } from './condition';
import type { IncidentVocabulary } from './incident';
import { MeasuresFile, type DecisionBody, type DecisionRule } from './measure';
import { PopulationFile } from './population';
import { PrecedentsFile } from './precedents';
import { RestrictiveRegimesFile } from './regimes';
import { unknownPhrases } from './situation';
import { RulesFile } from './rules';
import { SanctionsFile } from './sanctions';
import { SeverityFile } from './severity';
import { VotingRulesFile } from './voting-rules';

/** Where each part of the toolbox lives, relative to the repository root. */
export const TOOLBOX_FILES = {
  measures: 'data/toolbox/measures.yaml',
  rules: 'data/toolbox/rules.yaml',
  severity: 'data/toolbox/severity.yaml',
  population: 'data/council/population.yaml',
  votingRules: 'data/council/voting-rules.yaml',
  sanctions: 'data/toolbox/sanctions.yaml',
  regimes: 'data/toolbox/restrictive-regimes.yaml',
  precedents: 'data/toolbox/precedents.yaml',
} as const;

export type ToolboxFileKey = keyof typeof TOOLBOX_FILES;

export interface Toolbox {
  measures: MeasuresFile;
  rules: RulesFile;
  severity: SeverityFile;
  population: PopulationFile;
  votingRules: VotingRulesFile;
  sanctions: SanctionsFile;
  regimes: RestrictiveRegimesFile;
  precedents: PrecedentsFile;
}

/** Each file's content as parsed from YAML (or JSON), not yet validated. */
export type ParsedToolboxFiles = Record<ToolboxFileKey, unknown>;

export function loadToolbox(parsed: ParsedToolboxFiles): Toolbox {
  const toolbox: Toolbox = {
    measures: parseFile('measures', MeasuresFile, parsed.measures),
    rules: parseFile('rules', RulesFile, parsed.rules),
    severity: parseFile('severity', SeverityFile, parsed.severity),
    population: parseFile('population', PopulationFile, parsed.population),
    votingRules: parseFile('votingRules', VotingRulesFile, parsed.votingRules),
    sanctions: parseFile('sanctions', SanctionsFile, parsed.sanctions),
    regimes: parseFile('regimes', RestrictiveRegimesFile, parsed.regimes),
    precedents: parseFile('precedents', PrecedentsFile, parsed.precedents),
  };
  const problems = [...measureRuleProblems(toolbox), ...decisionProblems(toolbox), ...conditionFileProblems(toolbox), ...attributionProblems(toolbox), ...phraseProblems(toolbox), ...precedentProblems(toolbox)];
  if (problems.length > 0) throw corrupt(problems);
  return toolbox;
}

/** What validateIncidentInput needs from the toolbox: the severity scale and the measure ids. */
export function incidentVocabulary(toolbox: Toolbox): IncidentVocabulary {
  return { severity: toolbox.severity, measureIds: toolbox.measures.measures.map((m) => m.id) };
}

function parseFile<S extends z.ZodType>(key: ToolboxFileKey, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw corrupt(issuesFromZod(result.error).map((i) => ({ path: `${TOOLBOX_FILES[key]}: ${i.path}`, message: i.message })));
}

function corrupt(issues: ErrorIssue[]): AppError {
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new AppError('corrupt_data', `Toolbox data is malformed: ${summary}`, issues);
}

// A measure's preconditions and the rules' `gates` are two views of one relation; they must agree.
function measureRuleProblems({ measures, rules }: Toolbox): ErrorIssue[] {
  const problems: ErrorIssue[] = [];
  const measureIds = new Set(measures.measures.map((m) => m.id));
  const ruleById = new Map(rules.rules.map((r) => [r.id, r]));
  rules.rules.forEach((rule, i) => {
    rule.gates.forEach((id, j) => {
      if (!measureIds.has(id)) {
        problems.push({ path: `${TOOLBOX_FILES.rules}: rules.${i}.gates.${j}`, message: `unknown measure "${id}"` });
      }
    });
  });
  measures.measures.forEach((measure, i) => {
    measure.preconditions.forEach((id, j) => {
      const rule = ruleById.get(id);
      const path = `${TOOLBOX_FILES.measures}: measures.${i}.preconditions.${j}`;
      if (!rule) problems.push({ path, message: `unknown rule "${id}"` });
      else if (rule.kind !== 'precondition') problems.push({ path, message: `rule "${id}" is ${rule.kind}, not a precondition` });
      else if (!rule.gates.includes(measure.id)) problems.push({ path, message: `rule "${id}" does not list ${measure.id} in its gates` });
    });
    for (const rule of rules.rules) {
      if (rule.kind === 'precondition' && rule.gates.includes(measure.id) && !measure.preconditions.includes(rule.id)) {
        problems.push({
          path: `${TOOLBOX_FILES.measures}: measures.${i}.preconditions`,
          message: `rule "${rule.id}" gates ${measure.id} but is missing from its preconditions`,
        });
      }
    }
  });
  return problems;
}

// Who decides fixes how (the vocabulary of measure.ts): the Council votes (Art. 31 TEU), the European
// Council decides unanimously on CFSP (Art. 31(1) TEU), a member state by its own procedure (bendiek2018: its lawful
// responses are sovereign decisions), and the High Representative, the EEAS, the Commission or a delegation without a
// vote. A procedure rule changes a Council vote into another Council vote. A voting rule that does not fit its body
// would put a Council tally on a national decision, or none on a Council decision.
const RULES_OF_BODY: Readonly<Record<DecisionBody, readonly DecisionRule[]>> = {
  council: ['unanimity', 'qmv', 'rqmv'],
  'european-council': ['unanimity'],
  'member-state': ['national'],
  'high-representative': ['none'],
  eeas: ['none'],
  commission: ['none'],
  'eu-delegation': ['none'],
};

function decisionProblems({ measures, rules }: Toolbox): ErrorIssue[] {
  const byId = new Map(measures.measures.map((m) => [m.id, m]));
  return [
    ...measures.measures.flatMap((m, i) =>
      RULES_OF_BODY[m.decidedBy].includes(m.rule)
        ? []
        : [{ path: `${TOOLBOX_FILES.measures}: measures.${i}.rule`, message: `"${m.rule}" does not fit a decision by the ${m.decidedBy}; expected ${RULES_OF_BODY[m.decidedBy].join(' or ')}` }],
    ),
    ...rules.rules.flatMap((r, i) => {
      if (r.changesRule === undefined) return [];
      const path = `${TOOLBOX_FILES.rules}: rules.${i}`;
      const notCouncil = r.gates.filter((id) => byId.get(id)?.decidedBy !== 'council');
      return [
        ...(RULES_OF_BODY.council.includes(r.changesRule) ? [] : [{ path: `${path}.changesRule`, message: `"${r.changesRule}" is not a Council vote` }]),
        ...(notCouncil.length ? [{ path: `${path}.gates`, message: `a procedure rule changes a Council vote; ${notCouncil.join(', ')} is not decided by the Council` }] : []),
      ];
    }),
  ];
}

function conditionFileProblems({ rules, severity }: Toolbox): ErrorIssue[] {
  const check = (condition: Condition, path: string) =>
    conditionProblems(condition, severity, path).map((p) => ({ path: `${TOOLBOX_FILES.rules}: ${p.path}`, message: p.message }));
  return [
    ...rules.rules.flatMap((r, i) => check(r.condition, `rules.${i}.condition`)),
    ...rules.areas.flatMap((a, i) => (a.when ? check(a.when, `areas.${i}.when`) : [])),
  ];
}

// Every measure names an attribution need that rules.yaml declares. A need that asks for nothing can only open: whether
// a measure may name a state (names-state) is decided by an attribution it asks for.
function attributionProblems({ measures, rules }: Toolbox): ErrorIssue[] {
  const needs = new Map(rules.attributionNeeds.map((n) => [n.id, n]));
  return measures.measures.flatMap((m, i) => {
    const need = needs.get(m.attribution.need);
    const path = `${TOOLBOX_FILES.measures}: measures.${i}.attribution`;
    if (!need) return [{ path: `${path}.need`, message: `unknown attribution need "${m.attribution.need}"; expected one of ${[...needs.keys()].join(', ')}` }];
    if (need.requires.length === 0 && m.attribution.effect === 'names-state') return [{ path: `${path}.effect`, message: `need "${need.id}" asks for no attribution, so it cannot decide whether the measure names a state` }];
    const when = m.attribution.namesStateWhen;
    if (when === undefined) return [];
    if (need.requires.length === 0 || m.attribution.effect !== 'opens') return [{ path: `${path}.namesStateWhen`, message: `only a need that opens the measure can be turned to names-state; "${need.id}" (${m.attribution.effect}) is not one` }];
    const rule = rules.rules.find((r) => r.id === when);
    if (!rule || rule.kind === 'precondition' || !rule.gates.includes(m.id)) return [{ path: `${path}.namesStateWhen`, message: `"${when}" is not an advisory or procedure rule that gates ${m.id}` }];
    return [];
  });
}

// Rule texts quote derived phrases as {name}; a misspelt name would print as is.
function phraseProblems({ rules }: Toolbox): ErrorIssue[] {
  return rules.rules.flatMap((r, i) =>
    [r.text.holds, r.text.fails ?? ''].flatMap((t) => unknownPhrases(t).map((name) => ({ path: `${TOOLBOX_FILES.rules}: rules.${i}.text`, message: `unknown phrase {${name}}` }))),
  );
}

/**
 * A precedent's dates in order, compared at the coarser of the two precisions ("2015-05" is not before "2015-05-15"):
 * found on or after the start, made public on or after being found, attributed on or after the start.
 */
function precedentDateProblems(p: Toolbox['precedents']['precedents'][number], path: string): ErrorIssue[] {
  const before = (a: string, b: string) => a.slice(0, Math.min(a.length, b.length)) < b.slice(0, Math.min(a.length, b.length));
  const problems: ErrorIssue[] = [];
  if (p.detected !== undefined && before(p.detected, p.start)) problems.push({ path: `${path}.detected`, message: `${p.detected} is before the start (${p.start})` });
  const found = p.detected ?? p.start;
  if (p.disclosed !== undefined && before(p.disclosed, found)) problems.push({ path: `${path}.disclosed`, message: `${p.disclosed} is before ${p.detected !== undefined ? 'the detection' : 'the start'} (${found})` });
  p.attribution.forEach((a, j) => {
    if (a.date !== undefined && before(a.date, p.start)) problems.push({ path: `${path}.attribution.${j}.date`, message: `${a.date} is before the start (${p.start})` });
  });
  return problems;
}

// A precedent's responses name measures of the catalogue, and only for what the EU or a member state did.
function precedentProblems({ measures, precedents, severity }: Toolbox): ErrorIssue[] {
  const ids = new Set(measures.measures.map((m) => m.id));
  const levels = new Set(severity.scale.map((l) => l.id));
  return precedents.precedents.flatMap((p, i) => [
    ...(levels.has(p.effects.severity) ? [] : [{ path: `${TOOLBOX_FILES.precedents}: precedents.${i}.effects.severity`, message: `"${p.effects.severity}" is not a level of the severity scale` }]),
    ...precedentDateProblems(p, `${TOOLBOX_FILES.precedents}: precedents.${i}`),
    ...p.responses.flatMap((r, j) => {
      const path = `${TOOLBOX_FILES.precedents}: precedents.${i}.responses.${j}.measure`;
      if (r.measure === undefined) return [];
      if (!ids.has(r.measure)) return [{ path, message: `unknown measure "${r.measure}"` }];
      if (r.byType !== 'eu' && r.byType !== 'member-state') return [{ path, message: `a response by a ${r.byType} is not a measure of the EU toolbox` }];
      return [];
    }),
  ]);
}
