// The published knowledge base as reviewed data files, in the layout of data/partnerships: one file per partner
// (with the dialogues only it takes part in) and shared-dialogues.yaml for dialogues with several partners.
import type { Dataset } from '../kb/dataset';

export interface ExportFile {
  /** Relative path, e.g. `partnerships/jp.yaml`. */
  path: string;
  /** What the file says at the top, as comment lines. */
  header: string[];
  content: unknown;
}

/** Drops undefined fields so that the written files hold exactly what the records say. */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function exportFiles(dataset: Dataset, note: string): ExportFile[] {
  const files: ExportFile[] = [];
  for (const [id, { file }] of dataset.partners) {
    const own = dataset.dialogues.filter((d) => d.partners.length === 1 && d.partners[0] === id);
    files.push({
      path: `partnerships/${id.toLowerCase()}.yaml`,
      header: [`${file.partner.name}: reviewed data file (validates against PartnershipFile).`, note],
      content: plain({ ...file, dialogues: own }),
    });
  }
  files.push({ path: 'partnerships/shared-dialogues.yaml', header: ['Dialogues with several strategic partners.', note], content: plain({ dialogues: dataset.dialogues.filter((d) => d.partners.length > 1) }) });
  files.push({ path: 'actors.yaml', header: ['Actors of the knowledge base.', note], content: plain({ actors: dataset.actors }) });
  files.push({ path: 'national-strategies.yaml', header: ["The partners' and the EU's national cybersecurity strategies.", note], content: plain({ partners: dataset.nationalStrategies }) });
  files.push({ path: 'eu-framework.yaml', header: ["The EU's own frame: strategies, threat categories, areas of responsibility.", note], content: plain(dataset.framework) });
  return files;
}
