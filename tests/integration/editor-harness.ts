// A test file's server with one editor of DE, for the API tests of one import each (kept apart from team.ts, which
// the load benchmark imports outside the test runner).
import { afterAll, beforeAll } from 'vitest';
import { startHarness, teamConfig, type Harness, type TestDialect } from './harness';
import { addUser, type Client } from './team';

/**
 * A team-mode harness on `dialect` with one editor of DE (`de`), started before the enclosing describe's tests and
 * closed after them; read `h` and `de` inside the tests.
 */
export function withEditorOfDe(dialect: TestDialect): { readonly h: Harness; readonly de: Client } {
  const ctx = {} as { h: Harness; de: Client };
  beforeAll(async () => {
    ctx.h = await startHarness(teamConfig(), dialect);
    ctx.de = await addUser(ctx.h, 'editor-de', 'editor', 'DE');
  });
  afterAll(async () => ctx.h?.close());
  return ctx;
}
