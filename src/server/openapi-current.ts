// The OpenAPI document and the client types as the current routes give them, from a server on an empty temporary
// database (the document depends on the routes, never on data or configuration).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWorkbench } from '../app/workbench';
import { readConfig } from '../config';
import { buildServer } from './app';
import { openApiTypes } from './openapi-types';

export async function currentOpenApi(): Promise<{ document: string; types: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-openapi-'));
  const wb = await openWorkbench({ ...readConfig({}), dbPath: path.join(dir, 'openapi.db'), port: 0 }, { seed: false, seedRegistry: false });
  try {
    const app = await buildServer(wb);
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Record<string, unknown>;
    await app.close();
    return { document: `${JSON.stringify(doc, null, 2)}\n`, types: openApiTypes(doc) };
  } finally {
    await wb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
