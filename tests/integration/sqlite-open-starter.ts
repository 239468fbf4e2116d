// A separate process opening new SQLite files at set moments, for sqlite-open-race.test.ts:
//   node --import tsx tests/integration/sqlite-open-starter.ts <folder> <rounds> <first moment, ms since the epoch> <step ms>
// In round r it waits for the moment first + r * step, opens <folder>/r.db (new: several processes open it at that
// moment) as the store opens a file, and prints "ok" or the error's code, one line per round.
import path from 'node:path';
import { connectDatabase } from '../../src/store/db';

const [folder = '', rounds = '0', first = '0', step = '0'] = process.argv.slice(2);
for (let r = 0; r < Number(rounds); r++) {
  const at = Number(first) + r * Number(step);
  while (Date.now() < at) {
    // busy-wait, so that every process opens the file in the same millisecond
  }
  try {
    const db = await connectDatabase(path.join(folder, `${r}.db`));
    await db.destroy();
    process.stdout.write('ok\n');
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause;
    process.stdout.write(`${cause?.code ?? (e instanceof Error ? e.message : String(e))}\n`);
  }
}
