// Writes the OpenAPI document (docs/openapi.json) and the web client's types (web/src/api/schema.d.ts) from the routes'
// schemas: `npm run openapi`. A test fails when the committed files differ from what this writes.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config';
import { currentOpenApi } from './openapi-current';

const { document, types } = await currentOpenApi();
fs.writeFileSync(path.join(projectRoot, 'docs', 'openapi.json'), document);
fs.mkdirSync(path.join(projectRoot, 'web', 'src', 'api'), { recursive: true });
fs.writeFileSync(path.join(projectRoot, 'web', 'src', 'api', 'schema.d.ts'), types);
console.log('wrote docs/openapi.json and web/src/api/schema.d.ts');
