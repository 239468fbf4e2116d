// Writes the published knowledge base (the files with the approved changes over them) as reviewed data files, so that
// curated facts can be reviewed in git: partnerships/<id>.yaml, partnerships/shared-dialogues.yaml, actors.yaml and
// eu-framework.yaml, the layout readRawDataset reads.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { exportFiles } from '../core/curation/export-files';
import type { Workbench } from './workbench';

export interface ExportReport {
  dir: string;
  files: string[];
  version: string;
}

export async function exportKnowledgeBase(wb: Workbench, dir: string): Promise<ExportReport> {
  const dataset = await wb.kb.dataset();
  const version = (await wb.kb.version()) ?? 'empty';
  const files = exportFiles(dataset, `Exported from the published knowledge base (version ${version.slice(0, 12)}): the reviewed files with the approved changes applied.`);
  for (const f of files) {
    const target = path.join(dir, f.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const header = f.header.map((l) => `# ${l}`).join('\n');
    fs.writeFileSync(target, `${header}\n\n${YAML.stringify(f.content, { lineWidth: 0 })}`);
  }
  return { dir, files: files.map((f) => f.path), version };
}
