// Reads the reviewed source grades (data/sources/publishers.yaml) for the API's presenters.
import path from 'node:path';
import { parsePublishersFile, sourceGrader, type SourceGrader } from '../core/sources/grades';
import { readYamlFile } from './dataset-files';

export const PUBLISHERS_FILE = path.join('sources', 'publishers.yaml');

export function readSourceGrader(dataDir: string): SourceGrader {
  const file = readYamlFile(path.join(dataDir, PUBLISHERS_FILE), dataDir);
  return sourceGrader(parsePublishersFile(file.content, file.name));
}
