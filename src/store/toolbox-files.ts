// Reads the toolbox's data files (measures, rules, severity scale, Council figures) for the core to validate.
import path from 'node:path';
import { TOOLBOX_FILES, loadToolbox, type ParsedToolboxFiles, type Toolbox, type ToolboxFileKey } from '../core/toolbox/load';
import { readYamlFile } from './dataset-files';

export function readToolbox(dataDir: string): Toolbox {
  const parsed = {} as ParsedToolboxFiles;
  for (const [key, rel] of Object.entries(TOOLBOX_FILES) as [ToolboxFileKey, string][]) {
    parsed[key] = readYamlFile(path.join(dataDir, rel.replace(/^data\//, '')), dataDir).content;
  }
  return loadToolbox(parsed);
}
