// The curation workflow in a real browser, as new users would try it (team mode): an analyst proposes a 2026 round of
// the EU-Japan cyber dialogue with its source from the partner page, an editor approves it in the review queue, and
// the round shows on the partner page, in "changes since" and in the exported data files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportKnowledgeBase } from '../../src/app/kb-export';
import { teamConfig, tempDir } from '../integration/harness';
import { addUser } from '../integration/team';
import { browserSuite, expectAccessible, signInHere } from './browser';

const suite = browserSuite(teamConfig({ cookieSecure: false }), async (h) => {
  await addUser(h, 'ana', 'analyst', 'DE');
  const eddie = await addUser(h, 'eddie', 'editor', 'DE');
  // eddie's own pending change: the queue shows it to him without the approve and reject buttons
  const own = { partner: 'JP', kind: 'meeting', action: 'add', record: { dialogue: 'jp-ict-policy-dialogue', date: '2026-02-02', title: '30th round, Tokyo', sources: [{ ref: 'https://digital-strategy.ec.europa.eu/', locator: 'news item, February 2026' }] } };
  const res = await h.app.inject({ method: 'POST', url: '/api/kb/changes', headers: eddie.headers, payload: own });
  if (res.statusCode !== 201) throw new Error(`eddie's proposal failed: ${res.statusCode} ${res.body}`);
});

describe('curation in the browser', () => {
  it('an analyst proposes a 2026 dialogue round, an editor approves it, and it is published and exported', async () => {
    const p = await suite.session.open('/signin?next=%2Fpartners%2FJP');
    await signInHere(p, 'ana');
    await expect.poll(() => p.url()).toContain('/partners/JP');
    const fact = p.locator('li.fact').filter({ has: p.getByText('EU-Japan Cyber Dialogue', { exact: true }) });
    // each dialogue's button names it when read out
    await expect.poll(() => p.getByRole('button', { name: 'Propose a new round… (dialogue round of jp-cyber-dialogue)' }).count(), { timeout: 15000 }).toBe(1);
    await fact.getByRole('button', { name: /Propose a new round/ }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('Date of the round').fill('2026-03-02');
    await dialog.getByLabel(/Which round, where/).fill('8th round, Tokyo');
    await dialog.getByLabel(/Source \(a URL/).fill('https://www.eeas.europa.eu/eeas/eu-japan-cyber-dialogue-2026');
    await dialog.getByLabel(/Where in the source/).fill('EEAS press release, March 2026');
    await expectAccessible(p);
    await dialog.getByRole('button', { name: 'Propose for review' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 15000 }).toMatch(/Proposed as chg-\w+, pending review/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await p.getByRole('button', { name: 'Sign out' }).click();

    const e = await suite.session.open('/signin?next=%2Freview');
    await signInHere(e, 'eddie');
    await expect.poll(() => e.url()).toContain('/review');
    const card = e.locator('.review-card').filter({ hasText: 'jp-cyber-dialogue/2026-03-02' });
    await card.waitFor({ timeout: 15000 });
    expect(await card.textContent()).toMatch(/proposed by ana/);
    expect(await card.locator('.diff-side').nth(1).textContent()).toMatch(/2026-03-02/);
    const mine = e.locator('.review-card').filter({ hasText: 'jp-ict-policy-dialogue/2026-02-02' });
    expect(await mine.textContent()).toMatch(/You proposed this change: an editor or admin other than you approves or rejects it/);
    expect(await mine.getByRole('button', { name: /Approve|Reject/ }).count()).toBe(0);
    await expectAccessible(e);
    await card.getByRole('button', { name: 'Approve…' }).click();
    await e.getByRole('button', { name: 'Approve and publish' }).click();
    await expect.poll(() => e.locator('.review-card').filter({ hasText: 'jp-cyber-dialogue/2026-03-02' }).count(), { timeout: 15000 }).toBe(0);

    await e.goto(`${suite.base}/partners/JP`);
    const changes = e.locator('section[aria-labelledby="changes-heading"]');
    await changes.getByLabel('Since').fill('2026-01-01');
    await expect.poll(() => changes.textContent(), { timeout: 15000 }).toMatch(/proposed by ana, approved by eddie/);
    expect(await changes.textContent()).toMatch(/2026/);
    suite.session.expectNoConsoleErrors();

    const dir = tempDir('cyberdiplo-export-');
    await exportKnowledgeBase(suite.h.wb, dir);
    expect(fs.readFileSync(path.join(dir, 'partnerships', 'jp.yaml'), 'utf8')).toMatch(/date: 2026-03-02|date: "2026-03-02"/);
  });
});
