// What every command gets: the global options and a lazily opened workbench, closed after the command.
import { readConfig } from '../config';
import { openWorkbench, type Workbench } from '../app/workbench';

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

  /** Prints JSON with --json, otherwise the human rendering. */
  print(value: unknown, human: () => string): void {
    process.stdout.write(`${this.options.json ? JSON.stringify(value, null, 2) : human()}\n`);
  }

  async close(): Promise<void> {
    await this.wb?.close();
  }
}
