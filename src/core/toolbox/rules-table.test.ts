// docs/toolbox-rules.md is generated from the reviewed rules (`cyberdiplo rules --markdown`); it must say what the
// engine applies, so a change to rules.yaml or measures.yaml without regenerating it fails here.
import { describe, expect, it } from 'vitest';
import document from '../../../docs/toolbox-rules.md?raw';
import { rulesTable } from './rules-table';
import { toolbox } from './toolbox.fixture';

describe('docs/toolbox-rules.md', () => {
  it('is the table the rules and measures give (regenerate it with `npx cyberdiplo rules --markdown`)', () => {
    expect(document.trimEnd()).toBe(rulesTable(toolbox).trimEnd());
  });
});
