// The Council's voting rules as a reviewable table (docs/toolbox-rules.md, after the toolbox's rules): the thresholds,
// who proposes and which qualified majority a proposal of theirs needs, and for each kind of act the rule on each
// proposer's proposal as the vote simulator derives it (vote-derive.ts), with the articles and the unverified marks
// of data/council/voting-rules.yaml.
import type { Source } from '../provenance';
import { deriveRule } from './vote-derive';
import type { VotingRuleSpec, VotingRulesFile } from './voting-rules';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
const cite = (sources: readonly Source[]) => sources.map((s) => `${s.ref}, ${s.locator}`).join('; ');
const flag = (x: { unverified: boolean; note?: string | undefined }) => (x.unverified ? `UNVERIFIED${x.note ? `: ${x.note}` : ''}` : (x.note ?? ''));
const fraction = (f: { num: number; den: number }) => `${f.num}/${f.den}`;
const over = (among: string) => (among === 'all-members' ? 'all members' : 'the members taking part');

/** What a rule asks for, in words made from its thresholds. */
function threshold(r: VotingRuleSpec): string {
  const parts: string[] = [];
  if (r.members) parts.push('atLeastPercent' in r.members ? `${r.members.atLeastPercent} % of ${over(r.members.among)} for` : `more than half of ${over(r.members.among)} for`);
  if (r.population) parts.push(`with ${r.population.atLeastPercent} % of their population`);
  if (r.noVoteAgainst) parts.push('no member against');
  if (r.atLeastOneFor) parts.push('at least one for');
  if (r.abstentionCountsAgainst) parts.push('an abstention weighs as a vote against');
  if (r.blockingMinority) parts.push(`a blocking minority needs at least ${r.blockingMinority.minMembersAllParticipating} members`);
  if (r.constructiveAbstention) {
    const c = r.constructiveAbstention;
    parts.push(`qualified abstentions of ${fraction(c.members)} of ${over(c.among)} with ${fraction(c.population)} of the population stop the decision`);
  }
  return parts.join('; ');
}

/** A rule's own mark, and that of what constructive abstention means for the abstainer where the data explain it. */
function checked(r: VotingRuleSpec): string {
  const explanation = r.constructiveAbstention?.explanation;
  const own = flag(r);
  if (!explanation?.unverified) return own;
  return [own, `Constructive abstention: ${flag(explanation)}`].filter(Boolean).join(' ');
}

/** The section's lines: the rules, the proposers, the rule of each act on each proposal, the emergency brake. */
export function votingRulesTable(v: VotingRulesFile): string[] {
  const proposers = v.proposers.list;
  const wv = v.weightedVotes;
  const ruleOf = (actId: VotingRulesFile['acts'][number]['id'], proposer: (typeof proposers)[number]['id'] | undefined, defenceImplications: boolean) =>
    deriveRule({ act: actId, proposer, defenceImplications, weighted: false }, v.acts, v.proposers);
  const actRow = (a: VotingRulesFile['acts'][number]) => {
    const allowed = proposers.filter((p) => !a.proposers || a.proposers.includes(p.id));
    const first = ruleOf(a.id, allowed[0]?.id, false);
    const byProposer = proposers.map((p) => {
      if (!allowed.includes(p)) return '—';
      const d = ruleOf(a.id, p.id, false);
      return `${d?.rule ?? '?'}${d?.unverified && !a.unverified ? ' (unverified)' : ''}`;
    });
    const defence = ruleOf(a.id, allowed[0]?.id, true);
    return `| ${a.id} | ${cell(a.title)} | ${byProposer.join(' | ')} | ${defence?.rule === first?.rule ? 'unchanged' : `${defence?.rule} (${defence?.basis})`} | ${a.cfspQualified ? 'yes' : 'no'} | ${cell(first?.basis ?? a.basis)} | ${cell(cite(a.sources))} | ${cell(flag(a))} |`;
  };
  const brakeActs = v.acts.filter((a) => a.cfspQualified).map((a) => a.id);
  return [
    '## Council voting rules',
    '',
    'Generated from data/council/voting-rules.yaml, which the vote simulator reads (`cyberdiplo vote`, POST /api/vote, the web',
    "page's Council vote): the rule of each kind of act on each proposer's proposal below is the one the simulator derives.",
    '',
    '### Rules',
    '',
    '| Rule | Title | Basis | What it takes | Sources | Checked |',
    '|---|---|---|---|---|---|',
    ...v.rules.map((r) => `| ${r.id} | ${r.title} | ${cell(r.basis)} | ${cell(threshold(r))} | ${cell(cite(r.sources))} | ${cell(checked(r))} |`),
    '',
    '### Who proposes',
    '',
    `A qualified majority on a proposal of theirs (${cell(v.proposers.basis)}), and counted in weighted votes (${cell(wv.basis)}: before ${wv.doubleMajorityFrom}, or on a member's request up to ${wv.requestUntil}).`,
    '',
    '| Proposer | Who | Qualified majority | In weighted votes | Checked |',
    '|---|---|---|---|---|',
    ...proposers.map((p) => `| ${p.id} | ${cell(p.title)} | ${p.qualified} | ${p.weighted}${wv.unverified ? ' (unverified)' : ''} | ${cell(flag(p))} |`),
    '',
    `Sources: ${cell(cite(v.proposers.sources))}. Weighted votes: ${cell(cite(wv.sources))}${wv.unverified ? `; ${cell(flag(wv))}` : ''}`,
    '',
    '### Kinds of act: the rule on each proposal',
    '',
    "A cell gives the rule on that proposer's proposal, counted by the double majority; — where the act is not theirs to propose. Defence",
    'implications: the rule when the decision has them. Emergency brake: whether a member state can stop the vote.',
    '',
    `| Act | Kind of act | ${proposers.map((p) => p.id).join(' | ')} | Defence implications | Emergency brake | Basis | Sources | Checked |`,
    `|---|---|${proposers.map(() => '---|').join('')}---|---|---|---|---|`,
    ...v.acts.map(actRow),
    '',
    '### Emergency brake',
    '',
    '| Basis | Stops | What follows | Sources | Checked |',
    '|---|---|---|---|---|',
    `| ${cell(v.emergencyBrake.basis)} | ${brakeActs.join(', ')} (without defence implications) | ${cell(`A member state ${v.emergencyBrake.text}`)} | ${cell(cite(v.emergencyBrake.sources))} | ${cell(flag(v.emergencyBrake))} |`,
    '',
  ];
}
