// Security (exports): CSV downloads cannot carry a spreadsheet formula, whatever the cell begins with or the
// separator a spreadsheet's locale uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/exchange/csv';
import { dialects, startHarness, teamConfig, type Harness } from './harness';
import { addUser, call, incident, type Client } from './team';

const PAYLOADS = ["-2+3+cmd|' /C calc'!A0", '=HYPERLINK("http://x")', '+1+1', '@SUM(1)', '\t=1+1', '\r=1+1', 'ok;=1+1', '＝1+1'];

describe.each(dialects)('security: CSV formula injection on %s', (dialect) => {
  let h: Harness;
  let editor: Client;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    editor = await addUser(h, 'editor-de', 'editor', 'DE');
    for (const title of PAYLOADS) {
      const r = await call(h.app, editor, 'POST', '/api/incidents', incident(title, { summary: title }));
      expect(r.status, `${JSON.stringify(title)}: ${r.text}`).toBe(201);
    }
  });
  afterAll(async () => h?.close());

  it('no cell of the incidents CSV starts with a formula character, read with either separator', async () => {
    const r = await call(h.app, editor, 'GET', '/api/export/incidents?format=csv');
    expect(r.status, r.text.slice(0, 200)).toBe(200);
    const rows = parseCsv(r.text);
    const cells = rows.slice(1).flat();
    for (const payload of PAYLOADS) {
      const trimmed = payload.trim();
      expect(cells.some((c) => c.includes(trimmed.slice(1))), JSON.stringify(payload)).toBe(true);
    }
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    // A spreadsheet in a semicolon locale splits unquoted text at ";": every ";" sits inside a quoted field.
    const unquoted = r.text.replace(/"(?:[^"]|"")*"/g, '""');
    expect(unquoted).not.toContain(';');
  });
});
