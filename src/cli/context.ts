// What every command gets: the global options and a lazily opened workbench, closed after the command.
import os from 'node:os';
import { readConfig } from '../config';
import { openWorkbench, type Workbench } from '../app/workbench';
import type { Principal } from '../core/auth/principal';
import { readViewDate } from '../core/dates';
import { AppError, allowedList, isAppError } from '../core/errors';
import { countryCodeOf } from '../core/exchange/country-names';
import { normalisePartnerId, partnerIds } from '../core/kb/partners';
import type { PartnerId } from '../core/vocabularies';
import { closestChoices, refusalTail, type Choice } from './choices';
import { withGrades } from '../core/sources/grades';
import { namePapers } from '../core/sources/paper-names';
import { sourcesText, type Cite } from './table';

export interface GlobalOptions {
  json?: boolean;
  asOf?: string;
  db?: string;
}

export class CliContext {
  private wb: Workbench | undefined;

  constructor(private readonly globals: () => GlobalOptions) {}

  get options(): GlobalOptions {
    return this.globals();
  }

  async workbench(): Promise<Workbench> {
    if (!this.wb) {
      const env = { ...process.env };
      const db = this.options.db;
      if (db) env.CYBERDIPLO_DB = db;
      this.wb = await openWorkbench(readConfig(env));
    }
    return this.wb;
  }

  /**
   * Whom record commands act as: with sign-in off, the local analyst; in team mode, the account of the API token in
   * CYBERDIPLO_TOKEN (so the same TLP rules and audit trail apply as over HTTP), or an anonymous reader without one.
   */
  async principal(): Promise<Principal> {
    const wb = await this.workbench();
    if (wb.auth.mode === 'off') return { kind: 'local', org: wb.config.auth.org };
    const token = process.env.CYBERDIPLO_TOKEN;
    if (!token) return { kind: 'anonymous' };
    const p = await wb.auth.fromToken(token);
    if (!p) throw new AppError('unauthenticated', 'CYBERDIPLO_TOKEN is not a valid API token: it is unknown, expired or revoked, or its account is disabled');
    return p;
  }

  /**
   * --as-of for the observatory's reads (profile, assessment, network, matrix, timeline, compare, gaps, exports),
   * checked under its own name: from the first date the observatory reads (FIRST_AS_OF) up to today.
   */
  async viewAsOf(): Promise<string | undefined> {
    const raw = this.options.asOf;
    return raw === undefined ? undefined : readViewDate(raw, (await this.workbench()).today(), '--as-of');
  }

  /**
   * A partner id as typed for `what` (`partner` for an argument, `--partner` for the option), read as the API reads it
   * (trimmed, any case); an unknown one is refused naming what was typed, the partners, and the closest of them: by
   * another name of the country (USA, Great Britain), a prefix (JPN, Bra) or a few letters' edits ("Untied States").
   */
  async partnerId(typed: string, what: string): Promise<PartnerId> {
    const dataset = await (await this.workbench()).kb.dataset();
    try {
      return normalisePartnerId(typed, dataset);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'unknown_partner') throw error;
      const choices: Choice[] = partnerIds(dataset).map((id) => {
        const name = dataset.partners.get(id)?.file.partner.name ?? id;
        const iso = countryCodeOf(name);
        return { value: id, shown: `${id} (${name})`, aliases: [name, ...(iso && iso !== id ? [iso] : [])] };
      });
      const list = `the partners are ${allowedList(partnerIds(dataset))} (the ten strategic partners and the EU's other cyber-dialogue partners)`;
      // A country's name or other code (USA, Great Britain) means that country alone, whether a partner or not (France).
      const iso = countryCodeOf(typed.trim());
      const near = iso ? choices.filter((c) => c.value === iso || c.aliases?.includes(iso)) : closestChoices(typed, choices);
      const head = typed.trim() === '' ? `${what} needs a partner id` : `Unknown ${what} "${typed}"`;
      throw new AppError('unknown_partner', `${head}${refusalTail(near, list)}`, [{ path: what, message: `one of ${partnerIds(dataset).join(', ')}` }]);
    }
  }

  /** Whom account, token and audit commands act as: whoever can open the database operates it. */
  async operator(): Promise<Principal> {
    const wb = await this.workbench();
    return { kind: 'operator', name: os.userInfo().username, org: wb.config.auth.org };
  }

  /** Sources as a table cell: papers named with their published version, grades below primary noted. */
  readonly cite: Cite = (sources) => sourcesText(sources, this.wb?.sourceGrader);

  /** Prints JSON with --json (every source with its grade, as the API answers), otherwise the human rendering. */
  print(value: unknown, human: () => string): void {
    const json = () => JSON.stringify(this.wb ? withGrades(value, this.wb.sourceGrader) : value, null, 2);
    // The human rendering names the papers that the data's prose cites by key ("Bendiek (2018) says"); JSON keeps the keys.
    const grader = this.wb?.sourceGrader;
    const text = () => (grader ? namePapers(human(), (key) => grader.grade(key)?.by === 'paper') : human());
    process.stdout.write(`${this.options.json ? json() : text()}\n`);
  }

  async close(): Promise<void> {
    await this.wb?.close();
  }
}
