// A separate process starting on a database as a server does (migrate, seed), for concurrent-start.test.ts:
//   node --import tsx tests/integration/seed-starter.ts <db file or postgres URL>
// Prints the seed report of its start as one JSON line.
import { openWorkbench } from '../../src/app/workbench';
import { readConfig } from '../../src/config';

const [target] = process.argv.slice(2);
const wb = await openWorkbench({ ...readConfig({}), dbPath: target ?? '' });
process.stdout.write(`${JSON.stringify(wb.seedReport)}\n`);
await wb.close();
