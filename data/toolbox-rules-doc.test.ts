// docs/toolbox-rules.md is the reviewable table of the toolbox's rules: it must say what the data say.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rulesTable } from '../src/core/toolbox/rules-table';
import { toolbox } from '../src/core/toolbox/toolbox.fixture';

const DOC = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'toolbox-rules.md');

describe('docs/toolbox-rules.md', () => {
  it('is the table the data give (regenerate with: npx cyberdiplo rules --markdown > docs/toolbox-rules.md)', () => {
    expect(readFileSync(DOC, 'utf8')).toBe(rulesTable(toolbox));
  });

  it('lists every rule with a source and flags every UNVERIFIED note', () => {
    const doc = rulesTable(toolbox);
    for (const r of toolbox.rules.rules) {
      const row = doc.split('\n').find((l) => l.startsWith(`| ${r.id} |`));
      expect(row, r.id).toBeDefined();
      if (/UNVERIFIED/.test(r.note ?? '')) expect(row).toMatch(/\| UNVERIFIED/);
    }
  });
});
