// Starts the server on the built-in dataset: `npm start`.
import { ConfigError, readConfig } from '../config';
import { isAppError } from '../core/errors';
import { openWorkbench } from '../app/workbench';
import { buildServer } from './app';

async function main() {
  const config = readConfig();
  const wb = await openWorkbench(config);
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
  console.log(`cyberdiplo: listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || isAppError(error)) console.error(`cyberdiplo: ${error.message}`);
  else console.error(`cyberdiplo: could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
