// The import command as an operator runs it: refused in one line, writing nothing, when no organisation can own
// the records; imported for CYBERDIPLO_ORG or --org, with audit entries that `cyberdiplo audit verify` accepts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { expectOneLineError } from '../e2e/cli-harness';
import { body, taggedBundle } from './exchange-support';
import { TEST_AUDIT_KEY, dialects, freshDatabase, tempDir } from './harness';

describe.each(dialects)('cyberdiplo import on %s', (dialect) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const dir = tempDir('cyberdiplo-cli-import-');
  const file = path.join(dir, 'amber.json');

  /** Runs the CLI with a clean environment: the database of this dialect, and only the variables given. */
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CYBERDIPLO_|DATABASE_URL$)/.test(k)));
    // PostgreSQL is team mode, which needs the audit trail's key.
    const target = dialect === 'postgres' ? { DATABASE_URL: db.target, CYBERDIPLO_AUDIT_KEY: TEST_AUDIT_KEY } : { CYBERDIPLO_DB: db.target };
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'cyberdiplo.js'), ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...base, ...target, ...env, TZ: 'UTC' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const importEntries = () => {
    const r = cli(['--json', 'audit', 'list', '--limit', '1000']);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { action: string; actor: string; actorOrg: string | null; targetType: string }[]).filter((e) => e.action === 'import.stix');
  };

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    fs.writeFileSync(file, JSON.stringify(body(taggedBundle('cli', 'amber'))));
  });
  afterAll(async () => db?.drop());

  it('without an organisation: one line naming the fix, exit 1, nothing written', () => {
    const r = cli(['import', 'stix', file]);
    expectOneLineError(r, /need an owner organisation.*CYBERDIPLO_ORG.*--org/);
    expect(importEntries()).toEqual([]);
  }, 120_000);

  it('with CYBERDIPLO_ORG or --org: imported, audited, and the audit trail verifies', () => {
    const env: Record<string, string> = dialect === 'postgres' ? { CYBERDIPLO_ORG: 'DE' } : {};
    const args = dialect === 'postgres' ? ['import', 'stix', file] : ['import', 'stix', file, '--org', 'DE'];
    const r = cli(args, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/imported/);
    const entries = importEntries();
    expect(entries.map((e) => e.targetType).sort()).toEqual(['actor', 'attribution', 'import_report', 'incident']);
    // Sign-in off (SQLite): the local analyst; team mode (PostgreSQL) without a token: the operator.
    for (const e of entries) expect(e.actor).toMatch(dialect === 'postgres' ? /^operator:/ : /^local$/);
    const verify = cli(['audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/audit trail intact: \d+ entries/);
  }, 120_000);
});
