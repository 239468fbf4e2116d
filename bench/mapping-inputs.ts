// What the format mappers take, read from the data folder as an import reads it: the incident vocabulary, the exchange
// tables, CFR's response table and the record ids' digest (SHA-1, as the import service gives it to every mapping).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readConfig } from '../src/config';
import { parseCfrResponseTable } from '../src/core/exchange/index';
import { incidentVocabulary } from '../src/core/toolbox/load';
import { readYamlFile } from '../src/store/dataset-files';
import { readExchangeTables } from '../src/store/exchange-files';
import { readToolbox } from '../src/store/toolbox-files';

export function mappingInputs() {
  const dataDir = readConfig({}).dataDir;
  const vocabulary = incidentVocabulary(readToolbox(dataDir));
  const measureIds = vocabulary.measureIds ?? [];
  const cfrTable = parseCfrResponseTable(readYamlFile(path.join(dataDir, 'exchange', 'cfr-responses.yaml'), dataDir).content, measureIds);
  const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
  return { vocabulary, tables: readExchangeTables(dataDir, measureIds), cfrTable, sha1 };
}
