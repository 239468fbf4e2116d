// Writes the published knowledge base (the files with the approved changes over them) as reviewed data files, so that
// curated facts can be reviewed in git: partnerships/<id>.yaml, partnerships/shared-dialogues.yaml, actors.yaml and
// eu-framework.yaml, the layout readRawDataset reads.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { exportFiles } from '../core/curation/export-files';
import { AppError } from '../core/errors';
import type { Workbench } from './workbench';

export interface ExportReport {
  dir: string;
  files: string[];
  version: string;
}

/** Writes the files into `dir`; a file there already is replaced only with `force` (else nothing is written). */
export async function exportKnowledgeBase(wb: Workbench, dir: string, opts: { force?: boolean } = {}): Promise<ExportReport> {
  const dataset = await wb.kb.dataset();
  const version = (await wb.kb.version()) ?? 'empty';
  const files = exportFiles(dataset, `Exported from the published knowledge base (version ${version.slice(0, 12)}): the reviewed files with the approved changes applied.`);
  const existing = opts.force ? [] : files.map((f) => f.path).filter((p) => fs.existsSync(path.join(dir, p)));
  if (existing.length) {
    const named = `${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ` and ${existing.length - 3} more` : ''}`;
    throw new AppError('conflict', `${dir} holds ${existing.length} of the files already (${named}): choose an empty folder, or add --force to replace them`);
  }
  for (const f of files) {
    const target = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const header = f.header.map((l) => `# ${l}`).join('\n');
    fs.writeFileSync(target, `${header}\n\n${YAML.stringify(f.content, { lineWidth: 0 })}`);
  }
  return { dir, files: files.map((f) => f.path), version };
}
