// Uploads of the EuRepoC release and of the CFR Cyber Operations Tracker's export under /api/import: the files come as
// multipart/form-data parts named by their role, are checked to be the files the importer needs, and are imported as
// the command line imports them: one transaction (a refused file writes nothing), the audit entries of an import, and
// the report POST /api/import/stix answers. Options and permission are the STIX upload's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ExchangeService, rejection } from '../../app/exchange-service';
import type { Workbench } from '../../app/workbench';
import type { Principal } from '../../core/auth/principal';
import { AppError, allowedList } from '../../core/errors';
import { eurepocFileKind, type ImportFormat } from '../../core/exchange/index';
import { importMarkingOptions } from '../../core/exchange/import-options';
import * as c from '../../contract/exchange';
import { readCsvHeader } from '../../store/exchange-files';
import { acceptMultipart, UploadBody, type UploadedPart } from '../multipart';
import type { ZodTypeProvider } from '../zod-provider';
import { flag } from './exchange';

interface Role {
  /** The file as its publisher names it. */
  file: string;
  /** What it is, in words. */
  what: string;
  required: boolean;
}

/** EuRepoC release 1.1: the global database is needed; without the other two its list-valued cells are read instead. */
export const EUREPOC_PARTS: Record<'incidents' | 'attributions' | 'receivers', Role> = {
  incidents: { file: 'EuRepoC_Global_Database_1.1.csv', what: 'the global database', required: true },
  attributions: { file: 'EuRepoC_Attribution_dataset_1.1.csv', what: 'the attribution dataset', required: false },
  receivers: { file: 'EuRepoC_Receiver_dataset_1.1.csv', what: 'the receiver dataset', required: false },
};
export const CFR_PARTS: Record<'file', Role> = {
  file: { file: 'cyber-operations-incidents.csv', what: "the tracker's CSV export", required: true },
};

/**
 * Release 1.1's three files hold 4.6 MB (the global database 3.5 MB); the tracker's export about 0.5 MB (768 rows to
 * December 2022). The limits leave room for later releases; larger files go through the command line, which streams them.
 */
export const EUREPOC_UPLOAD_LIMIT = 16 * 1024 * 1024;
export const CFR_UPLOAD_LIMIT = 8 * 1024 * 1024;

const expected = (roles: Record<string, Role>) => allowedList(Object.entries(roles).map(([field, r]) => `${field} (${r.file}${r.required ? ', required' : ''})`));

const refuse = (message: string, field: string, issue: string) => new AppError('invalid_input', message, [{ path: field, message: issue }]);

/** The name a part's file keeps in the report and the audit trail: its last part, printable, up to 200 characters. */
function partFileName(part: UploadedPart, role: Role): string {
  if (part.filename === undefined || part.filename === '') return role.file;
  const name = part.filename.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  if (!name || name.length > 200 || /[\u0000-\u001f\u007f]/.test(name) || name === '.' || name === '..') {
    throw refuse(`The part ${part.field} names its file "${part.filename.slice(0, 80)}": a file name is 1 to 200 printable characters`, part.field, '1..200 printable characters');
  }
  return name;
}

/** The parts as files by role, in the roles' order; refuses an unknown, repeated, empty or missing one with the names expected. */
function filesByRole<R extends string>(body: unknown, roles: Record<R, Role>, format: string): { role: R; name: string; data: Buffer }[] {
  if (!(body instanceof UploadBody)) {
    throw refuse(`Send the ${format} files as multipart/form-data, one part per file: ${expected(roles)}`, '(body)', 'multipart/form-data');
  }
  const byRole = new Map<R, UploadedPart>();
  for (const part of body.parts) {
    if (!Object.hasOwn(roles, part.field)) {
      throw refuse(`Unknown part "${part.field.slice(0, 80)}": a ${format} upload takes ${expected(roles)}`, part.field, `one of ${Object.keys(roles).join(', ')}`);
    }
    const role = part.field as R;
    if (byRole.has(role)) throw refuse(`The part ${role} is sent twice: send ${roles[role].what} once`, role, 'once');
    if (part.data.length === 0) throw refuse(`The part ${role} (${part.filename || roles[role].file}) is empty: it should hold ${roles[role].what}`, role, 'empty');
    byRole.set(role, part);
  }
  const out: { role: R; name: string; data: Buffer }[] = [];
  for (const [role, r] of Object.entries(roles) as [R, Role][]) {
    const part = byRole.get(role);
    if (part) out.push({ role, name: partFileName(part, r), data: part.data });
    else if (r.required) throw refuse(`The ${format} upload lacks ${r.what}: send it as the part ${role} (${r.file}); the parts taken are ${expected(roles)}`, role, 'required');
  }
  return out;
}

/** Writes each file under a folder of its role (two parts may carry one name), runs `fn` on the paths, then removes them. */
async function withFiles<T>(files: { role: string; name: string; data: Buffer }[], fn: (paths: string[]) => Promise<T>): Promise<T> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'cyberdiplo-upload-'));
  try {
    const paths: string[] = [];
    for (const f of files) {
      await fs.promises.mkdir(path.join(dir, f.role));
      const file = path.join(dir, f.role, f.name);
      await fs.promises.writeFile(file, f.data);
      paths.push(file);
    }
    return await fn(paths);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** A EuRepoC file sent as another role's part (the importer tells them apart by their columns, so a swap would pass unseen). */
async function checkEurepocRoles(files: { role: string; name: string }[], paths: string[]): Promise<void> {
  for (const [i, f] of files.entries()) {
    const header = await readCsvHeader(paths[i] ?? '');
    const kind = header ? eurepocFileKind(Object.fromEntries(header.map((h) => [h, '']))) : null;
    // A file of none of the three kinds is refused by the importer, with its report's words.
    if (kind && kind !== f.role) {
      const holds = EUREPOC_PARTS[kind];
      throw refuse(`The part ${f.role} holds ${f.name}, which is ${holds.what} by its columns: send it as the part ${kind} (${holds.file})`, f.role, `expected ${EUREPOC_PARTS[f.role as keyof typeof EUREPOC_PARTS].what}`);
    }
  }
}

export function importUploadRoutes(server: FastifyInstance, wb: Workbench) {
  const exchange = new ExchangeService(wb);
  const tags = ['exchange'];
  const uploads = (roles: Record<string, Role>) => Object.fromEntries(Object.entries(roles).map(([field, r]) => [field, { description: `${r.what} (${r.file})`, required: r.required }]));

  const upload = async (format: ImportFormat, roles: Record<string, Role>, p: Principal, body: unknown, q: z.infer<typeof c.UploadQuery>) => {
    const options = { strict: flag('strict', q.strict), dryRun: flag('dryRun', q.dryRun), marking: importMarkingOptions(q) };
    const files = filesByRole(body, roles, format === 'eurepoc' ? 'EuRepoC' : 'CFR');
    const report = await withFiles(files, async (paths) => {
      if (format === 'eurepoc') await checkEurepocRoles(files, paths);
      return exchange.importFiles(p, format, paths, options);
    });
    if (report.rejected) throw rejection(report);
    return report;
  };

  // Encapsulated: only these routes take multipart bodies.
  server.register(async (scope) => {
    acceptMultipart(scope);
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const eurepocSchema = { summary: 'Import the EuRepoC release 1.1 files (multipart/form-data, a part per file)', tags, querystring: c.UploadQuery, uploads: uploads(EUREPOC_PARTS), response: { 200: c.ImportReport } };
    app.post(
      '/api/import/eurepoc',
      { bodyLimit: EUREPOC_UPLOAD_LIMIT, config: { access: 'import.run', uploadLimit: { bytes: EUREPOC_UPLOAD_LIMIT, what: 'a EuRepoC upload' }, uploadParts: Object.keys(EUREPOC_PARTS) }, schema: eurepocSchema },
      async (req) => upload('eurepoc', EUREPOC_PARTS, req.principal, req.body, req.query),
    );
    const cfrSchema = { summary: "Import the CFR Cyber Operations Tracker's CSV export (multipart/form-data, the part file)", tags, querystring: c.UploadQuery, uploads: uploads(CFR_PARTS), response: { 200: c.ImportReport } };
    app.post('/api/import/cfr', { bodyLimit: CFR_UPLOAD_LIMIT, config: { access: 'import.run', uploadLimit: { bytes: CFR_UPLOAD_LIMIT, what: 'a CFR upload' }, uploadParts: Object.keys(CFR_PARTS) }, schema: cfrSchema }, async (req) =>
      upload('cfr', CFR_PARTS, req.principal, req.body, req.query),
    );
  });
}
