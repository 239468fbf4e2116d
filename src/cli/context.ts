// What every command gets: the global options and a lazily opened workbench, closed after the command.
import os from 'node:os';
import { readConfig } from '../config';
import { openWorkbench, type Workbench } from '../app/workbench';
import type { Principal } from '../core/auth/principal';
import { readViewDate } from '../core/dates';
import { AppError } from '../core/errors';
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
