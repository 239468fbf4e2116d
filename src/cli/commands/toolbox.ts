// CLI commands of the response toolbox: incidents, respond, measures, member-states, vote.
import type { Command } from 'commander';
import { rulesTable } from '../../core/toolbox/rules-table';
import { PLAN_FORMATS } from '../../app/toolbox-service';
import { AppError, allowedList } from '../../core/errors';
import { InitiatorType } from '../../core/toolbox/incident';
import { ThreatCategory } from '../../core/vocabularies';
import type { RecordMarking } from '../../core/marking/clearance';
import { tlpLabel } from '../../core/marking/tlp';
import { ActKind, ProposerId, type VoteResult } from '../../core/toolbox/index';
import { asOptions, choiceOption, underOptions } from '../choices';
import type { CliContext } from '../context';
import { codingLines, incidentLines } from '../incident-text';
import { readDocument } from '../input';
import { table, words } from '../table';

function figures(f: { members?: number; populationPercent?: number; votes?: number; votesOf?: number }): string {
  return [
    f.votes !== undefined ? `${f.votes}${f.votesOf !== undefined ? ` of ${f.votesOf}` : ''} votes` : '',
    f.members !== undefined ? `${f.members} members` : '',
    f.populationPercent !== undefined ? `${f.populationPercent}% pop.` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function markingText(m: RecordMarking): string {
  const parts = [m.owner ? `owner ${m.owner}` : '', m.sharedWith.length ? `shared with ${m.sharedWith.join(', ')}` : '', m.recipients.length ? `recipients ${m.recipients.join(', ')}` : ''];
  const details = parts.filter(Boolean).join('; ');
  return `${tlpLabel(m.tlp)}${details ? ` (${details})` : ''}`;
}

function voteText(r: VoteResult): string {
  return [
    `${r.title}: ${r.emergencyBrake ? 'NO VOTE TAKEN' : r.adopted ? 'ADOPTED' : 'NOT ADOPTED'} (Council of ${r.year}, ${r.members.length} members; ${r.populationFigures === 'none' ? 'no population figures' : `population figures ${r.figuresYear ?? r.year}${r.figuresYear !== undefined ? ', the latest in the data' : ''}`})${r.unverified ? ' [partly unverified: see the sources with --json]' : ''}`,
    ...(r.counting ? [`Counted ${r.counting.method === 'weighted-votes' ? `in weighted votes (${r.counting.basis})` : 'with the double majority (Art. 16(4) TEU)'}`] : []),
    '',
    ...(r.emergencyBrake
      ? []
      : [
          table(
            ['Condition', 'Required', 'Reached', 'Met'],
            r.thresholds.map((t) => [t.text, figures(t.required), figures(t.actual), t.met ? 'yes' : 'no']),
          ),
          '',
        ]),
    ...r.explanation.map((e) => `- ${e}`),
    ...(r.whatWouldFlip.length ? ['', 'What would change the outcome:', ...r.whatWouldFlip.map((f) => `- ${f.text}`)] : []),
  ].join('\n');
}

/** What an incident file holds, for the help of the commands that read one. */
const INCIDENT_FILE_HELP = `
The incident file needs: title; start (YYYY-MM-DD, not after today);
category (${allowedList(ThreatCategory.options)});
victims, a list of { country, sector } (a two-letter country code, EU for an EU institution, ZZ when
not known); effects with severity (low, medium, high or critical); initiator with type
(${allowedList(InitiatorType.options)}) and country. Optional: summary, ongoing, the other
effects, attribution, responses, context, sources, tlp; transit, the countries whose servers or
other infrastructure the attack went through (codes, e.g. [MD, TR]). Omitted booleans are false,
omitted lists empty; the README's example shows every field. A small incident, as YAML:

  title: Intrusion into a ministry network
  start: 2026-03-01
  category: cyber-espionage
  victims: [{ country: DE, sector: government }]
  effects: { severity: high }
  initiator: { type: state-sponsored, country: RU }
`;

export function toolboxCommands(program: Command, ctx: CliContext) {
  const incidents = program.command('incidents').description('the incident registry: add, list, show, update, delete');

  incidents
    .command('add')
    .description('record an incident from a JSON or YAML file (- for stdin)')
    .requiredOption('--file <file>', 'the incident, JSON or YAML (- reads stdin)')
    .addHelpText('after', INCIDENT_FILE_HELP)
    .action(async (opts: { file: string }) => {
      const stored = await (await ctx.workbench()).toolbox.create(await ctx.principal(), readDocument(opts.file, 'incident'));
      ctx.print(stored, () => `recorded incident ${stored.id}: ${stored.incident.title}`);
    });

  incidents
    .command('list')
    .description('list incidents')
    .option('--category <category>', allowedList(ThreatCategory.options))
    .option('--ongoing <bool>', 'true or false')
    .option('--q <text>', 'text to look for')
    .option('--limit <n>', 'at most n (default 100)')
    .option('--offset <n>', 'skip n')
    .action(async (opts: { category?: string; ongoing?: string; q?: string; limit?: string; offset?: string }) => {
      // Named as the CLI's option, not as the API's query parameter the service would name.
      if (opts.ongoing !== undefined && opts.ongoing !== 'true' && opts.ongoing !== 'false') {
        throw new AppError('invalid_filter', `Unknown --ongoing "${opts.ongoing}": allowed values are true or false`, [{ path: '--ongoing', message: 'true or false' }]);
      }
      const query = { ...opts, category: choiceOption('--category', opts.category, ThreatCategory.options) };
      // The service names the API's parameters ("limit must be …"): said with the CLI's options instead.
      const r = await (await ctx.workbench()).toolbox.list(await ctx.principal(), query).catch(asOptions({ limit: '--limit', offset: '--offset' }));
      ctx.print(r, () =>
        `${table(['ID', 'Start', 'Category', 'Ongoing', 'Title'], r.items.map((i) => [i.id, i.incident.start, words(i.incident.category), i.incident.ongoing ? 'yes' : 'no', i.incident.title]))}\n${r.total} incident(s)`,
      );
    });

  incidents
    .command('show <id>')
    .description('an incident with its history of changes')
    .action(async (id: string) => {
      const tb = (await ctx.workbench()).toolbox;
      const p = await ctx.principal();
      const stored = await tb.get(p, id);
      const history = await tb.history(p, id);
      ctx.print({ ...stored, history }, () =>
        [
          `${stored.id}  ${stored.incident.title}  (version ${stored.version})`,
          ...incidentLines(stored.incident, (m) => tb.measures().find((x) => x.id === m)?.title),
          ...codingLines(stored.incident),
          `marking: ${markingText(stored.marking)}`,
          ...(stored.sightings ?? []).map((s) => `sighted ${s.firstSeen ?? '?'} to ${s.lastSeen ?? '?'}${s.count === null ? '' : `, ${s.count} time(s)`}${s.where.length ? ` at ${s.where.join(', ')}` : ''} (${s.of.kind}, TLP:${s.tlp.toUpperCase()})`),
          ...(stored.reports ?? []).map((r) => `report: ${r.name}, published ${r.published.slice(0, 10)}${r.externalReferences.some((e) => e.url) ? ` ${r.externalReferences.filter((e) => e.url).map((e) => e.url).join(' ')}` : ''} (TLP:${r.tlp.toUpperCase()})`),
          '',
          'History',
          table(['Version', 'Action', 'At'], history.map((h) => [h.version, h.action, h.at])),
        ].join('\n'),
      );
    });

  incidents
    .command('update <id>')
    .description('change an incident: the file is a JSON merge patch (only the fields to change), or the whole incident with --replace')
    .requiredOption('--file <file>', 'the changes (JSON or YAML, - for stdin)')
    .option('--replace', 'replace the whole incident instead of merging')
    .action(async (id: string, opts: { file: string; replace?: boolean }) => {
      const stored = await (await ctx.workbench()).toolbox.update(await ctx.principal(), id, readDocument(opts.file, 'incident'), { merge: !opts.replace });
      ctx.print(stored, () => `updated incident ${stored.id} to version ${stored.version}`);
    });

  incidents
    .command('delete <id>')
    .description('delete an incident (its history is kept)')
    .action(async (id: string) => {
      await (await ctx.workbench()).toolbox.remove(await ctx.principal(), id);
      ctx.print({ deleted: id }, () => `deleted incident ${id}`);
    });

  program
    .command('respond [incidentId]')
    .description("the response plan for a recorded incident, or for one in a file with --incident (made on --as-of, from the incident's start up to today; default today)")
    .option('--incident <file>', 'an incident file (JSON or YAML) instead of a recorded incident')
    .option('--format <format>', `${allowedList(PLAN_FORMATS)} (default: markdown, or json with --json)`)
    .action(async (incidentId: string | undefined, opts: { incident?: string; format?: string }) => {
      const format = choiceOption('--format', opts.format, PLAN_FORMATS) ?? (ctx.options.json ? 'json' : 'markdown');
      const tb = (await ctx.workbench()).toolbox;
      if (!incidentId === !opts.incident) {
        throw new AppError('invalid_input', 'Give either a recorded incident id or --incident FILE, not both or neither');
      }
      const stored = opts.incident ? undefined : await tb.get(await ctx.principal(), incidentId ?? '');
      const incident = stored ? stored.incident : tb.validate(readDocument(opts.incident ?? '', 'incident'));
      // A recorded incident's plan carries its marking, like the web's print view.
      const r = await tb.respond(incident, format, { principal: await ctx.principal(), asOf: ctx.options.asOf, asOfField: '--as-of', ...(stored ? { selfId: stored.id, marking: stored.marking.tlp } : {}) });
      process.stdout.write(r.format === 'markdown' ? `${String(r.body)}\n` : `${JSON.stringify(r.body, null, 2)}\n`);
    });

  program
    .command('rules')
    .description('the rules of the toolbox with their sources (--markdown: the table of docs/toolbox-rules.md)')
    .option('--markdown', 'print the reviewable table as Markdown')
    .action(async (opts: { markdown?: boolean }) => {
      const t = (await ctx.workbench()).toolbox.toolbox;
      if (opts.markdown) {
        process.stdout.write(rulesTable(t));
        return;
      }
      const list = t.rules.rules;
      ctx.print(list, () => table(['ID', 'Kind', 'Measures', 'Sources'], list.map((r) => [r.id, words(r.kind), r.gates.join(', '), ctx.cite(r.sources)])));
    });

  program
    .command('measures')
    .description('the measures catalogue of the toolbox')
    .action(async () => {
      const list = (await ctx.workbench()).toolbox.measures();
      ctx.print(list, () => table(['ID', 'Category', 'Decided by', 'Rule', 'Sources'], list.map((m) => [m.id, words(m.category), words(m.decidedBy), words(m.rule), ctx.cite(m.sources)])));
    });

  program
    .command('member-states')
    .description("the member states of a year's Council with their population shares (28 up to 2020, with the UK)")
    .option('--year <yyyy>', 'the Council and population figures of this year (default: latest)')
    .action(async (opts: { year?: string }) => {
      if (opts.year !== undefined && !/^\d{4}$/.test(opts.year)) throw new AppError('invalid_filter', `--year must be a four-digit year, got "${opts.year}"`);
      const tb = (await ctx.workbench()).toolbox;
      const r = (() => {
        try {
          return tb.memberStates(opts.year);
        } catch (error) {
          throw underOptions(error, { year: '--year' });
        }
      })();
      ctx.print(r, () => table(['Code', 'Name', 'Share %'], r.states.map((s) => [s.code, s.name, s.share])));
    });

  program
    .command('vote')
    .description('simulate a Council vote; states not named vote for')
    .option('--rule <rule>', 'unanimity, qmv, rqmv or simple; derived from --act and --proposer when left out (a rule given beside them is counted, and the answer says where it differs)')
    .option('--act <kind>', `the kind of act, from which the rule is derived: ${ActKind.options.join(', ')}`)
    .option('--proposer <who>', `who proposes it: ${ProposerId.options.join(', ')} (a qualified majority on a proposal not from the Commission or the High Representative is the reinforced one, Art. 238(2) TFEU)`)
    .option('--emergency-brake <code>', 'the member state that declares vital and stated reasons of national policy to oppose a CFSP qualified-majority decision (Art. 31(2) TEU): no vote is taken')
    .option('--for <codes>', 'comma-separated member states (e.g. DE,FR)')
    .option('--against <codes>', 'comma-separated member states')
    .option('--abstain <codes>', 'comma-separated member states')
    .option('--constructive <codes>', 'constructive abstentions (Art. 31(1) TEU)')
    .option('--not-participating <codes>', 'members not taking part')
    .option('--year <yyyy>', "the Council and population figures of this year (default: the date's year, or the latest); codes outside that year's Council are refused. Votes count from 1 December 2009; a qualified majority before 1 November 2014 is counted in weighted votes")
    .option('--date <yyyy-mm-dd>', "the vote's day, where it decides who takes part (Denmark's defence opt-out ended on 1 July 2022)")
    .option('--defence-implications', 'the decision has defence implications: member states that take no part in such decisions are left out')
    .option('--weighted-votes-requested', 'a member asked for the weighted votes instead of the double majority (qmv or rqmv, 1 November 2014 to 31 March 2017)')
    .option('--population-check', 'a member asked for the check that the states voting for hold 62 % of the population (weighted votes only)')
    .action(async (opts: { rule?: string; act?: string; proposer?: string; emergencyBrake?: string; for?: string; against?: string; abstain?: string; constructive?: string; notParticipating?: string; year?: string; date?: string; defenceImplications?: boolean; weightedVotesRequested?: boolean; populationCheck?: boolean }) => {
      let year: number | undefined;
      if (opts.year !== undefined) {
        if (!/^\d{4}$/.test(opts.year)) throw new AppError('invalid_vote', `--year must be a four-digit year, got "${opts.year}"`);
        year = Number(opts.year);
      }
      const votes = Object.fromEntries(
        (['for', 'against', 'abstain', 'constructive', 'notParticipating'] as const).filter((k) => opts[k] !== undefined).map((k) => [k, opts[k]]),
      );
      const subject = {
        ...(opts.date !== undefined ? { date: opts.date } : {}),
        ...(opts.defenceImplications ? { defenceImplications: true } : {}),
        ...(opts.weightedVotesRequested ? { weightedVotesRequested: true } : {}),
        ...(opts.populationCheck ? { populationCheck: true } : {}),
      };
      const asked = Object.fromEntries((['rule', 'act', 'proposer', 'emergencyBrake'] as const).filter((k) => opts[k] !== undefined).map((k) => [k, opts[k]]));
      const r = (await ctx.workbench()).toolbox.vote({ ...asked, ...(year !== undefined ? { year } : {}), ...subject, votes }, 'cli');
      ctx.print(r, () => voteText(r));
    });
}
