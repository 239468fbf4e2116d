// A separate process writing into a shared SQLite file, for sqlite-processes.test.ts:
//   node --import tsx tests/integration/sqlite-writer.ts <db file> <label> <count>
// It records `count` audited incidents, and runs `count` read-then-write transactions on a shared counter that
// yield to the event loop between the read and the write, as a transaction awaiting any I/O would.
import { openWorkbench } from '../../src/app/workbench';
import { readConfig } from '../../src/config';
import { incident } from './team';

const [file, label, count] = process.argv.slice(2);
const wb = await openWorkbench({ ...readConfig({}), dbPath: file ?? '' }, { seed: false });
const local = { kind: 'local', org: 'DE' } as const;
const errors: string[] = [];
const attempt = async (write: () => Promise<unknown>) => {
  try {
    await write();
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
};
for (let i = 0; i < Number(count); i++) {
  await attempt(() => wb.toolbox.create(local, incident(`${label} ${i}`)));
  await attempt(() =>
    wb.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('meta').select('value').where('key', '=', 'test_counter').executeTakeFirst();
      await new Promise((resolve) => setTimeout(resolve, 1));
      const value = String(Number(row?.value ?? '0') + 1);
      await trx.insertInto('meta').values({ key: 'test_counter', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }),
  );
}
await wb.close();
process.stdout.write(JSON.stringify({ failures: errors.length, first: errors[0] ?? null }));
