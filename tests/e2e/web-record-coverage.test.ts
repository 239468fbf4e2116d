// Where the record stops, as a browser shows it on a partner page: India read in 2026 says its UN votes are recorded to
// the end of 2019 only, with what is known after; its Europol agreement reads considered as of 2016; a view of 2018
// says nothing of the record's end but still dates the agreement's status.
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser';

const suite = browserSuite();
const session = suite.session;

describe('where the record stops, on the partner page', () => {
  it("India's page in 2026 says the votes stop at the end of 2019 and the Europol agreement's status is as of 2016", async () => {
    const p = await session.open('/partners/IN?asOf=2026-01-31');
    const coverage = p.locator('li.fact', { hasText: 'UN General Assembly votes: recorded to' });
    await coverage.waitFor({ timeout: 15000 });
    const text = (await coverage.textContent()) ?? '';
    expect(text).toContain('recorded to 31 Dec 2019');
    expect(text).toContain('later votes not in the data');
    expect(text).toContain('UN General Assembly votes recorded to the end of 2019 only: the voting data stop there, so later votes are not in the data.');
    expect(text).toContain('79/243');
    const europol = p.locator('li.fact', { hasText: 'Possible Europol-India agreement' });
    expect(await europol.textContent()).toContain('as of 2016, last reported by Renard (2016)');
  });

  it('a view of 2018 shows the votes recorded by then and no end of the record, and the agreement as of 2016 still', async () => {
    const p = await session.open('/partners/IN?asOf=2018-12-31');
    await p.locator('li.fact', { hasText: 'Vote on UN General Assembly resolution 73/27' }).waitFor({ timeout: 15000 });
    expect(await p.locator('li.fact', { hasText: 'UN General Assembly votes: recorded to' }).count()).toBe(0);
    expect(await p.locator('li.fact', { hasText: 'Possible Europol-India agreement' }).textContent()).toContain('as of 2016, last reported by Renard (2016)');
  });

  it("Brazil's page in 2026 says where the Hanoi signatures and the Paris Call supporters stop; a view of October 2025 says neither", async () => {
    const p = await session.open('/partners/BR?asOf=2026-12-07');
    const hanoi = p.locator('li.fact', { hasText: 'Signatures of the UN Convention against Cybercrime: recorded to' });
    await hanoi.waitFor({ timeout: 15000 });
    const text = (await hanoi.textContent()) ?? '';
    expect(text).toContain('recorded to 29 Oct 2025');
    expect(text).toContain('later signatures not in the data');
    expect(text).toContain('so later signatures are not in the data.');
    const paris = (await p.locator('li.fact', { hasText: 'Paris Call supporters: recorded to' }).textContent()) ?? '';
    expect(paris).toContain('recorded to 25 Dec 2025');
    expect(paris).toContain('Paris Call supporters recorded to 2025-12-25 only');
    const before = await session.open('/partners/BR?asOf=2025-10-29');
    await before.locator('li.fact', { hasText: 'Vote on UN General Assembly resolution 73/27' }).waitFor({ timeout: 15000 });
    expect(await before.locator('li.fact', { hasText: 'Signatures of the UN Convention against Cybercrime: recorded to' }).count()).toBe(0);
    expect(await before.locator('li.fact', { hasText: 'Paris Call supporters: recorded to' }).count()).toBe(0);
  });
});
