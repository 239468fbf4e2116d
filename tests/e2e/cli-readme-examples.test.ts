// The README's examples of reading the observatory from the command line, run as written on a fresh database: each
// succeeds and finds something, so that a new user copying one sees what it is for, not an empty table.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { cliRunner } from './cli-harness';

/** The observatory's examples: the README's command-line block up to the response toolbox, without files or redirections. */
function observatoryExamples(): string[][] {
  const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const block = readme.slice(readme.indexOf('## Command line'), readme.indexOf('# the response toolbox'));
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('npx cyberdiplo ') && !/[<>|]|\.ya?ml|--dir|--json/.test(l))
    .map((l) => l.slice('npx cyberdiplo '.length).split(/\s+/));
}

describe('the README examples of the observatory', () => {
  const cli = cliRunner();
  const examples = observatoryExamples();

  it('are found in the README', () => {
    expect(examples.length).toBeGreaterThan(10);
    expect(examples.map((e) => e[0])).toContain('dialogues');
  });

  it.each(examples.map((e) => [e.join(' '), e] as const))('%s succeeds and lists something', (_, args) => {
    const r = cli([...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('(none)');
  }, 60_000);
});
