// A separate process starting on a database as a server does, for registry-seed.test.ts:
//   node --import tsx tests/integration/registry-seed-starter.ts <db file or postgres URL> [<meeting folder> <name>]
// Prints the registry seed report of its start as one JSON line. With a meeting folder, the seeder reads who wrote a
// copy, then waits until every other process named in the folder has read it too, before it writes.
import fs from 'node:fs';
import path from 'node:path';
import type { SeedAudit } from '../../src/app/registry-seed';
import { openWorkbench } from '../../src/app/workbench';
import { readConfig } from '../../src/config';

const [target, folder, name] = process.argv.slice(2);
const config = { ...readConfig({}), dbPath: target ?? '' };
if (!folder || !name) {
  const wb = await openWorkbench(config, { seedRegistry: true });
  process.stdout.write(`${JSON.stringify(wb.registrySeed)}\n`);
  await wb.close();
} else {
  const wb = await openWorkbench(config);
  let met = false;
  const held: SeedAudit = {
    async list(c, opts) {
      const entries = await wb.audit.list(c, opts);
      if (!met) {
        fs.writeFileSync(path.join(folder, name), '');
        for (const until = Date.now() + 30_000; fs.readdirSync(folder).length < 2 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 10));
        met = true;
      }
      return entries;
    },
  };
  process.stdout.write(`${JSON.stringify(await wb.toolbox.seedPrecedents(held))}\n`);
  await wb.close();
}
