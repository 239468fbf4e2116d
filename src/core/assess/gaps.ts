// What a partnership lacks against the EU's stated objectives (the strategies of data/eu-framework.yaml in force at the date):
// each rule of gaps.yaml names an objective and the facts that would serve it; a rule no fact meets is a gap. The facts are
// the partner's profile as of the same date, the one its page shows.
import { toDate, type IsoDate } from '../dates';
import { AppError } from '../errors';
import type { Dataset } from '../kb/dataset';
import { labelOf, nameInSentence } from '../labels';
import { holdsAt, type Source } from '../provenance';
import type { FactRef } from './explanation';
import { factsAt, type PartnerFacts } from './facts-at';
import type { GapRule, GapsFile, Requirement } from './gaps-file';

export interface ObjectiveRef {
  /** The strategy and the period it is in force: from its adoption until the one that replaced it. */
  strategy: { id: string; title: string; adopted: string; until: string | null };
  id: string;
  title: string;
  sources: Source[];
}

export interface GapCheck {
  rule: { id: string; title: string; sources: Source[] };
  objective: ObjectiveRef;
  /** For a gap, what is missing; for a met rule, the requirement in words. */
  lacking: string;
  requirement: string;
  /** The facts that meet the rule (empty for a gap). */
  metBy: (FactRef & { sources: Source[] })[];
}

export interface GapReport {
  id: string;
  name: string;
  asOf: string | null;
  gaps: GapCheck[];
  met: GapCheck[];
}

type Found = FactRef & { sources: Source[] };
const found = (k: { ref: FactRef; sources: Source[] }): Found => ({ ...k.ref, sources: k.sources });

/** The facts of the partner that meet one requirement. */
function meeting(req: Requirement, f: PartnerFacts): Found[] {
  if ('dialogue' in req) {
    const { topic, cyberSpecific, fora } = req.dialogue;
    return f.dialogues
      .filter(
        (d) =>
          d.value.status === 'active' &&
          (!topic || d.value.topics.includes(topic)) &&
          (!cyberSpecific || d.value.cyberSpecific) &&
          (!fora || d.value.fora.some((x) => fora.includes(x))),
      )
      .map(found);
  }
  if ('document' in req) return f.documents.filter((d) => d.value.covers.includes(req.document.covers)).map(found);
  if ('agreement' in req) return f.agreements.filter((a) => req.agreement.type.includes(a.value.type) && req.agreement.status.includes(a.value.status)).map(found);
  if ('budapest' in req) return f.budapest && req.budapest.includes(f.budapest.value.value) ? [found(f.budapest)] : [];
  if ('internetGovernance' in req) return f.internetGovernance && req.internetGovernance.includes(f.internetGovernance.value) ? [found(f.internetGovernance)] : [];
  if ('wcit2012' in req) return f.wcit2012 && req.wcit2012.includes(f.wcit2012.value) ? [found(f.wcit2012)] : [];
  if ('membership' in req) return f.memberships.filter((m) => req.membership.includes(m.value.id)).map(found);
  // Ended cooperation serves no objective any more: only items that hold at the date count.
  const holds = (c: PartnerFacts['cooperation'][number]) => holdsAt(c.value.from, c.value.until, f.asOf);
  if ('cooperationOn' in req) return f.cooperation.filter((c) => req.cooperationOn.items.includes(c.value.id) && holds(c)).map(found);
  return f.cooperation.filter((c) => req.cooperation.includes(c.value.kind) && holds(c)).map(found);
}

/** Codes in words, joined as a sentence offers a choice: `in force or signed`. */
const or = (codes: readonly string[], words: (code: string) => string = labelOf) => codes.map(words).join(' or ');

export function describeRequirement(req: Requirement): string {
  if ('dialogue' in req) {
    const parts = [
      req.dialogue.cyberSpecific ? 'an active dialogue dedicated to cyber' : 'an active dialogue',
      req.dialogue.topic ? `on ${labelOf(req.dialogue.topic)}` : '',
      req.dialogue.fora ? `that took up ${or(req.dialogue.fora, nameInSentence)}` : '',
    ];
    return parts.filter(Boolean).join(' ');
  }
  if ('document' in req) return `a document committing both sides to work together on ${labelOf(req.document.covers)}`;
  if ('agreement' in req) return `a ${or(req.agreement.type)} agreement that is ${or(req.agreement.status)}`;
  if ('budapest' in req) return `Budapest Convention: ${or(req.budapest)}`;
  if ('internetGovernance' in req) return `model of internet governance: ${or(req.internetGovernance)}`;
  if ('wcit2012' in req) return `WCIT-12 final acts: ${or(req.wcit2012)}`;
  if ('membership' in req) return `member of ${or(req.membership, nameInSentence)}`;
  if ('cooperationOn' in req) return `cooperation on ${labelOf(req.cooperationOn.topic)} reported by the sources`;
  return `cooperation delivered: ${or(req.cooperation)}`;
}

/** Resolves each rule's objective in the framework; a rule naming an unknown objective is a data error, not a gap. */
function objectiveOf(dataset: Dataset, rule: GapRule): ObjectiveRef {
  const [strategyId, objectiveId] = rule.objective.split('/') as [string, string];
  const strategy = dataset.framework.strategies.find((s) => s.id === strategyId);
  const objective = strategy?.objectives.find((o) => o.id === objectiveId);
  if (!strategy || !objective) {
    throw new AppError('corrupt_data', `Gap rule "${rule.id}" names objective ${rule.objective}, which data/eu-framework.yaml does not define`, [
      { path: `rules.${rule.id}.objective`, message: 'unknown strategy or objective' },
    ]);
  }
  return {
    strategy: { id: strategy.id, title: strategy.title, adopted: toDate(strategy.adopted), until: strategy.until === undefined ? null : toDate(strategy.until) },
    id: objective.id,
    title: objective.title,
    sources: objective.sources,
  };
}

/** Checks every rule against the framework once, so that a broken rules file fails before any partner is assessed. */
export function checkGapRules(dataset: Dataset, file: GapsFile): void {
  for (const rule of file.rules) objectiveOf(dataset, rule);
}

export function findGaps(dataset: Dataset, id: string, asOf: IsoDate | undefined, file: GapsFile): GapReport {
  const facts = factsAt(dataset, id, asOf);
  const gaps: GapCheck[] = [];
  const met: GapCheck[] = [];
  for (const rule of file.rules) {
    const objective = objectiveOf(dataset, rule);
    // Only the strategies in force at the date set objectives: one not yet adopted, or already replaced, sets none.
    if (!holdsAt(objective.strategy.adopted, objective.strategy.until ?? undefined, asOf)) continue;
    const metBy = rule.anyOf.flatMap((r) => meeting(r, facts));
    const check: GapCheck = {
      rule: { id: rule.id, title: rule.title, sources: rule.sources },
      objective,
      lacking: rule.lacking,
      requirement: rule.anyOf.map(describeRequirement).join('; or '),
      metBy,
    };
    (metBy.length ? met : gaps).push(check);
  }
  return { id: facts.id, name: facts.name, asOf: asOf ?? null, gaps, met };
}
