// Seeding the store from the data files: idempotent, updates in place, refuses corrupt files and writes nothing then.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { openWorkbench } from '../../src/app/workbench';
import { projectRoot } from '../../src/config';
import { AppError } from '../../src/core/errors';
import { openDatabase } from '../../src/store/db';
import { dialects, freshDatabase, testConfig, tempDir } from './harness';

function copyData(): string {
  const dir = path.join(tempDir('cyberdiplo-data-'), 'data');
  fs.cpSync(path.join(projectRoot, 'data'), dir, { recursive: true });
  return dir;
}

describe.each(dialects)('seeding on %s', (dialect) => {
  const configFor = async (overrides: Parameters<typeof testConfig>[0] = {}) => {
    const db = await freshDatabase(dialect);
    drops.push(db.drop);
    return testConfig({ dbPath: db.target, ...overrides });
  };
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const drop of drops) await drop();
  });

  it('creates the database on first run and changes nothing when run again', async () => {
    const config = await configFor();
    const first = await openWorkbench(config);
    expect(first.seedReport?.inserted).toBeGreaterThan(10);
    const count = (await first.partners()).length;
    await first.close();
    const second = await openWorkbench(config);
    expect(second.seedReport).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect((await second.partners()).length).toBe(count);
    await second.close();
  });

  it('updates an edited record in place instead of duplicating it', async () => {
    const dataDir = copyData();
    const config = await configFor({ dataDir });
    await (await openWorkbench(config)).close();
    const file = path.join(dataDir, 'partnerships', 'ca.yaml');
    const doc = YAML.parse(fs.readFileSync(file, 'utf8')) as { partner: { name: string } };
    doc.partner.name = 'Canada (edited)';
    fs.writeFileSync(file, YAML.stringify(doc));
    const wb = await openWorkbench(config);
    expect(wb.seedReport).toMatchObject({ inserted: 0, updated: 1, deleted: 0 });
    const partners = await wb.partners();
    expect(partners.filter((p) => p.id === 'CA').map((p) => p.name)).toEqual(['Canada (edited)']);
    await wb.close();
  });

  it('skips parsing when the data files are byte for byte those of the last seed, and seeds again when one changes', async () => {
    const dataDir = copyData();
    const config = await configFor({ dataDir });
    await (await openWorkbench(config)).close();
    // A row changed behind the product's back stays as it is while the files are unchanged: nothing was re-read...
    const tamper = async () => {
      const db = await openDatabase(config.dbPath);
      await db.updateTable('kb_record').set({ hash: 'tampered' }).where('id', '=', 'partnership:CA').execute();
      await db.destroy();
    };
    const hashOf = async () => {
      const db = await openDatabase(config.dbPath);
      const row = await db.selectFrom('kb_record').select('hash').where('id', '=', 'partnership:CA').executeTakeFirst();
      await db.destroy();
      return row?.hash;
    };
    await tamper();
    const unchanged = await openWorkbench(config);
    expect(unchanged.seedReport).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
    expect(unchanged.seedReport?.facts).toBeGreaterThan(100);
    const partnerFiles = fs.readdirSync(path.join(dataDir, 'partnerships')).filter((f) => f.endsWith('.yaml') && f !== 'shared-dialogues.yaml');
    expect((await unchanged.partners()).length).toBe(partnerFiles.length);
    await unchanged.close();
    expect(await hashOf()).toBe('tampered');
    // ...and any change to a file, even a comment, makes the next start compare every record again.
    const file = path.join(dataDir, 'partnerships', 'jp.yaml');
    fs.appendFileSync(file, '\n# reviewed again\n');
    const reseeded = await openWorkbench(config);
    expect(reseeded.seedReport).toMatchObject({ inserted: 0, updated: 1, deleted: 0 });
    await reseeded.close();
    expect(await hashOf()).not.toBe('tampered');
  });

  it.each([
    ['ca.yaml', (t: string) => t.replace(/cyberMention: \w+/, 'cyberMention: plenty'), /ca\.yaml.*cyberMention/],
    ['ca.yaml', (t: string) => `${t}\n  : : [unclosed`, /ca\.yaml.*not valid YAML/],
    ['jp.yaml', (t: string) => t.replace(/level: \w+/, 'level: galactic'), /jp\.yaml.*level/],
  ])('refuses a corrupt %s with a message naming the file and field, and writes nothing', async (name, corrupt, message) => {
    const dataDir = copyData();
    const file = path.join(dataDir, 'partnerships', name);
    fs.writeFileSync(file, corrupt(fs.readFileSync(file, 'utf8')));
    const config = await configFor({ dataDir });
    const error = await openWorkbench(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('corrupt_data');
    expect((error as AppError).message).toMatch(message);
    const db = await openDatabase(config.dbPath);
    const rows = await db.selectFrom('kb_record').select('id').execute();
    expect(rows).toHaveLength(0);
    await db.destroy();
  });
});
