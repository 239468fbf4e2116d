// Three test tiers, each its own project: unit (pure, beside the code), integration (real SQLite, real HTTP), e2e (CLI, browser).
// Integration hooks open and drop whole databases (PostgreSQL included): on a busy machine that outlasts vitest's 10 s default.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'data/**/*.test.ts', 'web/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30000, hookTimeout: 60000 } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 60000, hookTimeout: 120000, fileParallelism: false } },
    ],
  },
});
