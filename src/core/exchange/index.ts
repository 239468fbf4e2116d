// Exchange with the field: STIX 2.1 import and export, EuRepoC and CFR imports, CSV and JSON exports of every list.
export * from './cfr';
export * from './country-names';
export * from './csv';
export * from './dataset-cells';
export * from './eurepoc';
export * from './hash';
export * from './import-options';
export * from './import-plan';
export * from './records';
export * from './report';
export * from './stix-checks';
export * from './stix-export';
export * from './stix-import';
export * from './stix-schemas';
export * from './tlp';
export * from './views';
