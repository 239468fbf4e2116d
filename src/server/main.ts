// Starts the server on the built-in dataset: `npm start`.
import { ConfigError, readConfig } from '../config';
import { isAppError } from '../core/errors';
import { openWorkbench } from '../app/workbench';
import { buildServer } from './app';

async function main() {
  const config = readConfig();
  const wb = await openWorkbench(config);
  const first = await wb.auth.prepareFirstAdmin();
  if (first.warning) console.warn(`cyberdiplo: ${first.warning}`);
  if (first.created) console.log(`cyberdiplo: created the first admin "${first.created}" from CYBERDIPLO_ADMIN_PASSWORD; remove the variable now`);
  if (first.bootstrapToken) {
    console.log('cyberdiplo: no accounts yet. Create the first admin once with this one-time token (it is not shown again):');
    console.log(`  curl -X POST http://${config.host}:${config.port}/api/auth/bootstrap -H 'Content-Type: application/json' \\`);
    console.log(`    -d '{"token":"${first.bootstrapToken}","username":"admin","password":"<12+ characters>","org":"<DE, eeas, ...>"}'`);
    console.log('  or run, with the same database settings: npx cyberdiplo users add admin --role admin --org <org>');
  }
  const app = await buildServer(wb, { logger: true });
  const close = async () => {
    await app.close();
    await wb.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  const r = wb.seedReport;
  if (r) console.log(`cyberdiplo: knowledge base ready (${r.facts} facts; ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged records)`);
  console.log(`cyberdiplo: sign-in ${config.auth.mode === 'on' ? 'on (team mode)' : 'off (single analyst)'}; records default to ${config.auth.defaultTlp.toUpperCase()}`);
  console.log(`cyberdiplo: listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || isAppError(error)) console.error(`cyberdiplo: ${error.message}`);
  else console.error(`cyberdiplo: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
