// The committed OpenAPI document (docs/openapi.json) and the web client's types generated from it
// (web/src/api/schema.d.ts) are what the routes give today: run `npm run openapi` after changing a route's schemas.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config';
import { currentOpenApi } from '../../src/server/openapi-current';

describe('the committed OpenAPI document', () => {
  it('equals the one the routes generate, and so do the web client types', async () => {
    const { document, types } = await currentOpenApi();
    const committed = (file: string) => fs.readFileSync(path.join(projectRoot, file), 'utf8');
    expect(committed('docs/openapi.json'), 'docs/openapi.json is stale: run npm run openapi').toBe(document);
    expect(committed('web/src/api/schema.d.ts'), 'web/src/api/schema.d.ts is stale: run npm run openapi').toBe(types);
  });

  it('is OpenAPI 3.1 and describes every API route the server registers', async () => {
    const doc = JSON.parse((await currentOpenApi()).document) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations).toContain('GET /api/partners/{id}');
    expect(operations).toContain('POST /api/incidents');
    expect(operations.length).toBeGreaterThan(50);
  });
});
