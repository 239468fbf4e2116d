// CLI commands over the knowledge base: partners, partner, dialogues, matrix, actors, areas, strategies, search.
import type { Command } from 'commander';
import { SEARCH_LIMIT_MAX, SEARCH_QUERY_MAX } from '../../app/workbench';
import { AppError, allowedList } from '../../core/errors';
import { FACT_KINDS } from '../../core/kb/facts';
import { ActorKind, DialogueLevel, DialogueStatus, Topic } from '../../core/vocabularies';
import { asOptions, choiceOption, wholeNumberOption } from '../choices';
import type { CliContext } from '../context';
import { strategiesText } from '../national-strategies-text';
import { coverageLines, unVotesText } from '../un-votes-text';
import { capitalLabelOf, labelOf } from '../../core/labels';
import { positionInForceText, positionValueText, type InForceView } from '../../core/kb/budapest-in-force-text';
import { statusAsOfText } from '../../core/kb/record-coverage-text';
import { unverifiedStatusNote, type StatusFact } from '../../core/kb/unverified-status';
import { table, topics, words } from '../table';

/** A status as a table cell; one that rests only on an unverified entry says so, and is not counted. */
const statusCell = (f: StatusFact) => `${words(f.status)}${f.statusUnverified ? ' (unverified, not counted)' : ''}`;

/** Under a ratification of the Budapest Convention, its entry into force for the partner (stated or derived) on the view's date. */
function inForceLines(view: InForceView | null): string[] {
  const text = view ? positionInForceText(view) : null;
  return text ? [`    ${text}`] : [];
}

export function knowledgeBaseCommands(program: Command, ctx: CliContext) {
  program
    .command('partners')
    .description("list the EU's partners: the ten strategic partners and its other cyber-dialogue partners")
    .action(async () => {
      const list = await (await ctx.workbench()).partners(await ctx.viewAsOf());
      ctx.print(list, () =>
        table(
          ['ID', 'Name', 'Group', 'Since'],
          list.map((p) => [p.id, p.name, words(p.group), p.group === 'strategic-partner' ? p.partnershipSince : p.cyberDialogueSince]),
        ),
      );
    });

  program
    .command('partner <id>')
    .description("a partner's full profile (documents, dialogues, agreements, positions...) with sources")
    .action(async (id: string) => {
      const wb = await ctx.workbench();
      const p = await wb.partner(await ctx.partnerId(id, 'partner'), await ctx.viewAsOf());
      const grade = (s: { ref: string }) => wb.sourceGrader.grade(s.ref)?.grade;
      /** Under a table, the why of each status listed apart. */
      const apart = (facts: (StatusFact & { name?: string; title?: string })[]) =>
        facts.flatMap((f) => {
          const note = unverifiedStatusNote(f, grade);
          return note ? [`  ${f.name ?? f.title}: ${note}`] : [];
        });
      ctx.print(p, () => {
        const pos = (label: string, v: (InForceView & { value: string; stance?: string | undefined; sources: { ref: string; locator: string }[] }) | null) =>
          `  ${label}: ${v ? `${positionValueText(v, labelOf)}${v.stance ? ` (${labelOf(v.stance)})` : ''}  [${ctx.cite(v.sources)}]` : 'no data'}`;
        return [
          `${p.name} (${p.id})${p.asOf ? ` as of ${p.asOf}` : ''}`,
          '',
          'Documents',
          table(['Year', 'Title', 'Cyber', 'Sources'], p.documents.map((d) => [d.year, d.title, words(d.cyberMention), ctx.cite(d.sources)])),
          '',
          'Dialogues',
          table(['Name', 'Level', 'Frequency', 'Since', 'Status', 'Topics'], p.dialogues.map((d) => [d.name, words(d.level), words(d.frequency), d.established, statusCell(d), topics(d.topics)])),
          ...apart(p.dialogues),
          '',
          'Agreements',
          table(['Type', 'Title', 'Status', 'Year', 'As of'], p.agreements.map((a) => [words(a.type), a.title, statusCell(a), a.year, a.statusAsOf ? statusAsOfText(a.statusAsOf) : ''])),
          ...apart(p.agreements),
          '',
          'Positions',
          pos('Budapest Convention', p.positions.budapestConvention),
          ...inForceLines(p.positions.budapestConvention),
          pos('Internet governance', p.positions.internetGovernance),
          pos('WCIT-12', p.positions.wcit2012),
          pos('UN Convention against Cybercrime', p.positions.unCybercrimeConvention),
          ...coverageLines(p.unCybercrimeCoverage, ctx.cite),
          pos('EU perception', p.perception),
          `  Memberships: ${p.memberships.map(capitalLabelOf).join(', ') || 'none recorded'}`,
          ...coverageLines(p.parisCallCoverage, ctx.cite),
          '',
          ...unVotesText(p.unVotes, p.unVoteCoverage, ctx.cite),
          '',
          ...strategiesText(p.nationalStrategies, ctx.cite),
          '',
          'Cooperation delivered',
          table(['Kind', 'Title', 'From'], p.cooperation.map((c) => [words(c.kind), c.title, c.from])),
        ].join('\n');
      });
    });

  program
    .command('dialogues')
    .description('dialogues, filtered by partner, level, topic, status and year established')
    .option('--partner <id>', 'partner id (alpha-2)')
    .option('--level <level>', allowedList(DialogueLevel.options))
    .option('--topic <topic>', allowedList(Topic.options))
    .option('--status <status>', allowedList(DialogueStatus.options))
    .option('--year <yyyy>', 'year established')
    .action(async (opts: { partner?: string; level?: string; topic?: string; status?: string; year?: string }) => {
      const wb = await ctx.workbench();
      // Checked under the CLI's option names before the workbench checks them as the API's partner, level, topic ...
      const query = {
        partner: opts.partner === undefined ? undefined : await ctx.partnerId(opts.partner, '--partner'),
        level: choiceOption('--level', opts.level, DialogueLevel.options),
        topic: choiceOption('--topic', opts.topic, Topic.options),
        status: choiceOption('--status', opts.status, DialogueStatus.options),
        year: opts.year,
      };
      const list = await wb.dialogues(query, await ctx.viewAsOf()).catch(asOptions({ year: '--year' }));
      const grade = (s: { ref: string }) => wb.sourceGrader.grade(s.ref)?.grade;
      ctx.print(list, () =>
        [
          table(['Partners', 'Name', 'Level', 'Since', 'Status', 'Topics'], list.map((d) => [d.partners.join('+'), d.name, words(d.level), d.established, statusCell(d), topics(d.topics)])),
          ...list.flatMap((d) => {
            const note = unverifiedStatusNote(d, grade);
            return note ? [`  ${d.name}: ${note}`] : [];
          }),
        ].join('\n'),
      );
    });

  program
    .command('matrix')
    .description('the partner x instrument matrix')
    .action(async () => {
      const m = await (await ctx.workbench()).matrix(await ctx.viewAsOf());
      ctx.print(m, () => {
        const cols = m.columns.filter((c) => m.rows.some((r) => r.cells[c]?.value));
        return table(['Partner', ...cols.map(capitalLabelOf)], m.rows.map((r) => [r.id, ...cols.map((c) => words(r.cells[c]?.value) || '-')]));
      });
    });

  program
    .command('actors')
    .description('EU bodies, partners, international organisations and fora')
    .option('--kind <kind>', allowedList(ActorKind.options))
    .action(async (opts: { kind?: string }) => {
      const kind = choiceOption('--kind', opts.kind, ActorKind.options);
      const list = await (await ctx.workbench()).actors(kind, await ctx.viewAsOf());
      ctx.print(list, () => table(['ID', 'Name', 'Kind', 'Role'], list.map((a) => [a.id, a.name, words(a.kind), a.role])));
    });

  program
    .command('areas')
    .description('the areas of responsibility (Bendiek 2018): who is in charge at EU and national level')
    .action(async () => {
      const list = await (await ctx.workbench()).areas();
      ctx.print(list, () => table(['Domain', 'EU level', 'National level'], list.map((a) => [a.domain, a.euLevel.join(', '), a.nationalLevel.join(', ')])));
    });

  program
    .command('strategies')
    .description("the EU's strategy documents and their objectives")
    .action(async () => {
      const list = await (await ctx.workbench()).strategies(await ctx.viewAsOf());
      ctx.print(list, () => list.map((s) => `${s.adopted}  ${s.title}\n${s.objectives.map((o) => `    - ${o.title}`).join('\n')}`).join('\n'));
    });

  program
    .command('search <query...>')
    .description('full-text search over every fact')
    .option('--partner <id>', 'only facts about this partner')
    .option('--kind <kind>', `only facts of this kind: ${allowedList(FACT_KINDS)}`)
    .option('--limit <n>', 'at most n results (default 50)')
    .action(async (query: string[], opts: { partner?: string; kind?: string; limit?: string }) => {
      const asOf = await ctx.viewAsOf();
      // Checked under the CLI's names (the query's words, --limit) before the workbench checks them as the API's q and limit.
      const text = query.join(' ');
      if (!text.trim()) throw new AppError('invalid_input', 'search needs words to look for, e.g. search Budapest Convention');
      if (text.length > SEARCH_QUERY_MAX) throw new AppError('invalid_input', `The search words are ${text.length} characters long; give at most ${SEARCH_QUERY_MAX}`);
      wholeNumberOption('--limit', opts.limit, 1, SEARCH_LIMIT_MAX);
      const partner = opts.partner === undefined ? undefined : await ctx.partnerId(opts.partner, '--partner');
      const kind = choiceOption('--kind', opts.kind, FACT_KINDS);
      const list = await (await ctx.workbench()).search(text, { ...opts, partner, kind, ...(asOf ? { asOf } : {}) });
      ctx.print(list, () => table(['Kind', 'Partner', 'Title', 'Sources'], list.map((f) => [words(f.kind), f.partner, f.title, ctx.cite(f.sources)])));
    });
}
