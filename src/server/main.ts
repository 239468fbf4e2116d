// Starts the server: `npm run serve` (the built app) or `npm start` (builds first). Logs are JSON lines on standard
// output; the one-time bootstrap token goes to standard error on its own, never into the log.
import path from 'node:path';
import { ConfigError, readConfig, type Config } from '../config';
import { isAppError } from '../core/errors';
import { keptCopyText } from '../app/registry-seed';
import { openWorkbench } from '../app/workbench';
import { isPostgresUrl } from '../store/db';
import { markServer } from '../store/server-marker';
import { buildServer } from './app';
import { SEED_ONLY, seedInChildProcess, seedOnly } from './seed-process';

function printBootstrapToken(config: Config, token: string): void {
  const rule = '='.repeat(78);
  process.stderr.write(
    [
      rule,
      'cyberdiplo: no accounts yet. Create the first admin once with this one-time token.',
      'It is shown only here (not in the log) and only until the first admin exists:',
      '',
      `  curl -X POST http://${config.host}:${config.port}/api/auth/bootstrap -H 'Content-Type: application/json' \\`,
      `    -d '{"token":"${token}","username":"admin","password":"<12+ characters>","org":"<DE, eeas, ...>"}'`,
      '',
      'or run, with the same database settings: npx cyberdiplo users add admin --role admin --org <org>',
      rule,
      '',
    ].join('\n'),
  );
}

async function main() {
  const config = readConfig();
  const wb = await openWorkbench(config, { seedRegistry: true, seeder: seedInChildProcess });
  const app = await buildServer(wb, { logger: true, processMetrics: true });
  const first = await wb.auth.prepareFirstAdmin();
  if (first.warning) app.log.warn(first.warning);
  if (first.created) app.log.info({ username: first.created }, 'created the first admin from CYBERDIPLO_ADMIN_PASSWORD; remove the variable now');
  if (first.bootstrapToken) {
    printBootstrapToken(config, first.bootstrapToken);
    app.log.warn('no accounts yet: the one-time bootstrap token is printed on standard error, not in this log');
  }
  // On SQLite, a marker beside the file tells `cyberdiplo restore` that this server uses it.
  const unmark = isPostgresUrl(config.dbPath) ? () => undefined : markServer(path.resolve(config.dbPath), new Date().toISOString());
  const close = async () => {
    await app.close();
    await wb.close();
    unmark();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const r = wb.seedReport;
  if (r) app.log.info({ facts: r.facts, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged }, `knowledge base ready (${r.facts} facts; ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged records)`);
  const seeded = wb.registrySeed;
  if (seeded) {
    const n = { inserted: seeded.inserted.length, updated: seeded.updated.length, current: seeded.current.length, kept: seeded.kept.length };
    app.log.info(n, `incident registry: ${n.inserted} precedents recorded, ${n.updated} brought to the reviewed data, ${n.current} already as reviewed, ${n.kept} kept as they are`);
    // A copy an analyst edited or deleted stays: the operator is told which differ from the reviewed data, and why.
    for (const k of seeded.kept) app.log.warn({ incident: k.id, precedent: k.precedent, reason: k.reason, last: k.last, fields: k.fields }, keptCopyText(k));
  }
  app.log.info({ signIn: config.auth.mode, defaultTlp: config.auth.defaultTlp }, `sign-in ${config.auth.mode === 'on' ? 'on (team mode)' : 'off (single analyst)'}; records default to ${config.auth.defaultTlp.toUpperCase()}`);
  app.log.info(`listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`);
}

(process.argv.includes(SEED_ONLY) ? seedOnly() : main()).catch((error: unknown) => {
  if (error instanceof ConfigError || isAppError(error)) console.error(`cyberdiplo: ${error.message}`);
  else console.error(`cyberdiplo: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
