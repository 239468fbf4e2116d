// CLI commands of the assessment: assess, network, timeline, compare, gaps (table by default, --json for machines).
import type { Command } from 'commander';
import { assess, assessmentHistory, compare, gaps, HISTORY_DEFAULT_FROM, network, timeline } from '../../app/assessment-service';
import { checkSpan, parseHistoryYear } from '../../core/assess/history';
import type { AssessmentHistory } from '../../core/assess/history';
import type { Comparison } from '../../core/assess/compare';
import type { Assessment } from '../../core/assess/engine';
import type { ExplanationItem } from '../../core/assess/explanation';
import type { GapReport } from '../../core/assess/gaps';
import type { NetworkReport } from '../../core/network/network';
import { displayDate } from '../../core/dates';
import { activeUnverifiedText } from '../../core/kb/unverified-status';
import { NETWORK_FORMATS } from '../../core/network/network';
import { AppError, allowedList } from '../../core/errors';
import { choiceOption } from '../choices';
import type { CliContext } from '../context';
import { table, words, type Cite } from '../table';

const explanationTable = (items: ExplanationItem[], cite: Cite, limit = 15) =>
  table(
    ['Effect', 'Fact', 'Sources'],
    items.slice(0, limit).map((e) => [e.effect === 0 ? 'rule' : e.effect > 0 ? `+${e.effect}` : e.effect, `${e.fact.title}${e.note ? ` [${e.note}]` : ''}`, cite(e.sources)]),
  );

function showOne(a: Assessment, cite: Cite): string {
  return [
    `${a.name} (${a.id})${a.asOf ? ` as of ${a.asOf}` : ''}: ${a.orientation}, maturity ${a.maturity}/100`,
    `  because ${a.orientationRule.because}${a.orientationRule.conditions.length ? ` (${a.orientationRule.conditions.map((c) => `${c.metric} ${c.value}`).join(', ')})` : ''}`,
    '',
    table(['Dimension', 'Score'], Object.values(a.dimensions).map((d) => [d.title, d.score])),
    '',
    table(['Purpose', 'Score', 'Strongest fact'], Object.values(a.purposes).map((p) => [p.title, p.score, p.explanation.find((e) => !e.fact.id.startsWith('limit:'))?.fact.title ?? ''])),
    '',
    'What moved the maturity score (points)',
    explanationTable(a.explanation.filter((e) => e.effect !== 0), cite),
  ].join('\n');
}

const showHistory = (h: AssessmentHistory) =>
  [
    `${h.name} (${h.id}), ${h.from}-${h.to}: maturity and orientation at the end of each year`,
    '',
    table(
      ['Year', 'Maturity', 'Orientation', 'What moved it (points)'],
      h.years.map((y) => [y.year, y.maturity, y.orientation, y.moved.slice(0, 3).map((m) => `${m.change > 0 ? '+' : ''}${m.change} ${m.fact.title}`).join('; ') + (y.moved.length > 3 ? `; ${y.moved.length - 3} more` : '')]),
    ),
  ].join('\n');

const showAll = (list: Assessment[]) =>
  table(
    ['Rank', 'ID', 'Partner', 'Orientation', 'Maturity', 'Reflexive', 'Relational', 'Structural'],
    list.map((a) => [a.rank, a.id, a.name, a.orientation, a.maturity, a.purposes.reflexive.score, a.purposes.relational.score, a.purposes.structural.score]),
  );

const showNetwork = (r: NetworkReport) =>
  [
    `Hub: ${r.hub ? `${r.hub.label} (betweenness ${r.hub.betweenness})` : 'none'}${r.asOf ? `, as of ${r.asOf}` : ''}`,
    '',
    table(['Node', 'Kind', 'Degree', 'Betweenness', 'Strength', 'Bloc'], r.nodes.map((n) => [n.label, words(n.kind), n.degree, n.betweenness, n.strength, words(n.bloc)])),
    '',
    table(['Bloc', 'Members', 'Because'], r.blocs.blocs.map((b) => [b.label, b.members.map((m) => m.id).join(', '), b.because])),
  ].join('\n');

/** --from and --to checked under the CLI's names, by the rules the API applies to its from and to. */
function checkHistoryYears(from: string | undefined, to: string | undefined, today: string): void {
  const thisYear = Number(today.slice(0, 4));
  // An option given empty is a mistake (a shell variable unset), not the default the API reads for from= and to=.
  for (const [option, value] of [['--from', from], ['--to', to]] as const) {
    if (value !== undefined && value.trim() === '') throw new AppError('invalid_filter', `${option} needs a year, e.g. ${option} ${thisYear}`);
  }
  const first = parseHistoryYear('--from', from, HISTORY_DEFAULT_FROM);
  const last = parseHistoryYear('--to', to, thisYear);
  if (last > thisYear) throw new AppError('invalid_filter', `--to ${last} is after this year, ${thisYear}; give a year up to ${thisYear}`);
  checkSpan(first, last, { from: '--from', to: '--to' });
}

export function assessmentCommands(program: Command, ctx: CliContext) {
  program
    .command('assess [id]')
    .description("assess a partnership (or all ten) with Renard's framework: orientation, maturity, purposes, each explained")
    .option('--weights <file>', 'a YAML or JSON weights file to use instead of data/assessment/weights.yaml (or, with extends: reviewed, only the changes to it)')
    .option('--from <year>', 'with an id: the assessment at the end of each year from this one (2010 by default) ...')
    .option('--to <year>', '... to this one (this year by default, read as of today), with the facts that moved it between years')
    .action(async (id: string | undefined, opts: { weights?: string; from?: string; to?: string }) => {
      if (opts.from !== undefined || opts.to !== undefined) {
        if (id === undefined) throw new AppError('invalid_input', 'assess --from/--to reads one partner over time: give its id, e.g. assess JP --from 2010 --to 2026');
        if (opts.weights !== undefined) throw new AppError('invalid_input', 'assess --from/--to reads the reviewed weights; --weights applies to one date only');
        const wb = await ctx.workbench();
        checkHistoryYears(opts.from, opts.to, wb.today());
        const history = await assessmentHistory(wb, await ctx.partnerId(id, 'partner'), opts.from, opts.to);
        ctx.print(history, () => showHistory(history));
        return;
      }
      const pid = id === undefined ? undefined : await ctx.partnerId(id, 'partner');
      const result = await assess(await ctx.workbench(), pid, await ctx.viewAsOf(), { weightsFile: opts.weights });
      ctx.print(result, () => (Array.isArray(result) ? showAll(result) : showOne(result, ctx.cite)));
    });

  program
    .command('network')
    .description('the network of the EU, its partners and the instruments they share: centrality, blocs, export')
    .option('--format <format>', `${allowedList(NETWORK_FORMATS)} (GraphML and GEXF open in Gephi)`)
    .action(async (opts: { format?: string }) => {
      const format = choiceOption('--format', opts.format, NETWORK_FORMATS);
      const out = await network(await ctx.workbench(), format, await ctx.viewAsOf());
      if (out.format !== 'json') {
        process.stdout.write(out.body);
        return;
      }
      const body = out.body;
      if (opts.format) process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      else ctx.print(body, () => showNetwork(body));
    });

  program
    .command('timeline [id]')
    .description('dated events of one partnership or all, and active cyber-related dialogues per year')
    .action(async (id: string | undefined) => {
      const wb = await ctx.workbench();
      const t = await timeline(wb, id === undefined ? undefined : await ctx.partnerId(id, 'partner'), await ctx.viewAsOf());
      // The dialogues active only on an unverified entry are named, not counted (their names only when some are listed).
      const apart = t.activeCyberDialogues.filter((r) => r.activeUnverified.length > 0);
      const names = apart.length ? new Map((await wb.dialogues({}, await ctx.viewAsOf())).map((d) => [d.id, d.name])) : new Map<string, string>();
      ctx.print(t, () => {
        const partners = t.partner ? [t.partner] : [...new Set(t.activeCyberDialogues.flatMap((r) => Object.keys(r.byPartner)))];
        return [
          table(['Date', 'Kind', 'Partners', 'Event'], t.events.map((e) => [displayDate(e.date, e.precision), words(e.kind), e.partners.join('+'), e.title])),
          '',
          'Active cyber-related dialogues at the end of each year (start not given: counted from their first report; status unknown: not counted)',
          table(
            ['Year', ...partners, 'Total', 'Start not given', 'Status unknown', 'Unverified, not counted'],
            t.activeCyberDialogues.map((r) => [r.year, ...partners.map((p) => r.byPartner[p as keyof typeof r.byPartner] ?? 0), r.total, r.startUnknown, r.statusUnknown, r.activeUnverified.length]),
          ),
          ...(apart.length ? ['', 'Reported active only by an unverified source (a hypothesis or a low-grade report), not counted:'] : []),
          ...apart.map((r) => `  ${r.year}: ${activeUnverifiedText(r.activeUnverified, names)}`),
        ].join('\n');
      });
    });

  program
    .command('compare <ids...>')
    .description('two or three partners side by side on every dimension')
    .option('--weights <file>', 'a YAML or JSON weights file to use instead of data/assessment/weights.yaml (or, with extends: reviewed, only the changes to it)')
    .action(async (ids: string[], opts: { weights?: string }) => {
      const wb = await ctx.workbench();
      // The count is checked here in the CLI's words; an unknown id is refused naming the partners.
      const typed = ids.flatMap((i) => i.split(',')).map((i) => i.trim()).filter(Boolean);
      const partners = [...new Set(await Promise.all(typed.map((i) => ctx.partnerId(i, 'partner'))))];
      if (partners.length < 2 || partners.length > 3) throw new AppError('invalid_input', `compare takes two or three different partners (e.g. compare US CN), got ${partners.length}`);
      const c = await compare(wb, partners, await ctx.viewAsOf(), { weightsFile: opts.weights });
      ctx.print(c, () => table(['', ...c.partners.map((p) => p.id)], comparisonCells(c)));
    });

  program
    .command('gaps <id>')
    .description("what a partnership lacks against the EU's stated objectives (2013 strategy, 2015 Council conclusions)")
    .action(async (id: string) => {
      const g = await gaps(await ctx.workbench(), await ctx.partnerId(id, 'partner'), await ctx.viewAsOf());
      ctx.print(g, () =>
        [
          `${g.name} (${g.id})${g.asOf ? ` as of ${g.asOf}` : ''}: ${g.gaps.length} gaps, ${g.met.length} objectives served`,
          '',
          table(['Objective', 'Lacking', 'Sources'], gapCells(g, ctx.cite)),
        ].join('\n'),
      );
    });
}

/** The gaps' rows for the table: each objective with the strategy it is from by its title, as the web app names it. */
export function gapCells(g: GapReport, cite: Cite): string[][] {
  return g.gaps.map((x) => [`${x.objective.title} (${x.objective.strategy.title})`, x.lacking, cite(x.rule.sources)]);
}

/** The comparison's rows for the table: a score as it is, a code (orientation, position, stance) in words, '-' where unknown. */
export function comparisonCells(c: Comparison): (string | number)[][] {
  return c.rows.map((r) => [r.title, ...c.partners.map((p) => {
    const v = r.values[p.id]?.value;
    return typeof v === 'string' ? words(v) : (v ?? '-');
  })]);
}
