// What the format mappers take, read from the data folder as an import reads it: the incident vocabulary, the exchange
// tables, CFR's response table and the record ids' digest (SHA-1, made as the import service makes it for every mapping).
import { hash } from 'node:crypto';
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
  const sha1 = (text: string) => hash('sha1', text, 'hex');
  return { vocabulary, tables: readExchangeTables(dataDir, measureIds), cfrTable, sha1 };
}
