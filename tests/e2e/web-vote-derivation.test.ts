// The vote page asks what the API and the CLI ask: the kind of act, its proposer, defence implications and the
// emergency brake, from which the API derives the rule. Changing them moves the rule the page shows; the brake gives
// no vote; a rule chosen by hand is counted and the answer says how it differs; a refusal shows beneath its field.
import { describe, expect, it } from 'vitest';
import { browserSuite, expectAccessible } from './browser';

const suite = browserSuite();
const session = suite.session;

describe('the rule of a Council vote on the web page', () => {
  it('follows the act and its proposer: a member state proposing an implementing decision needs a reinforced qualified majority, the High Representative a qualified one, defence implications unanimity', async () => {
    const p = await session.open('/vote');
    await expect.poll(() => p.getByTestId('verdict').textContent(), { timeout: 15000 }).toMatch(/Adopted/);
    await p.getByLabel('Kind of act').selectOption('cfsp-implementing');
    // A qualified majority depends on who proposes: the API says so beneath the proposer until one is chosen.
    const proposerError = p.locator('.field-invalid', { has: p.getByLabel('Proposed by') }).locator('.field-error');
    await expect.poll(() => proposerError.textContent(), { timeout: 15000 }).toMatch(/a qualified majority depends on who proposes this act \(Art\. 238\(2\) TFEU\)/);
    await p.getByLabel('Proposed by').selectOption('member-state');
    await expect.poll(() => new URL(p.url()).search).toBe('?act=cfsp-implementing&proposer=member-state');
    const rule = p.getByTestId('derived-rule');
    await expect.poll(() => rule.textContent(), { timeout: 15000 }).toMatch(/^Reinforced QMV \(Art\. 31\(2\) TEU, third indent; Art\. 238\(2\) TFEU\)/);
    expect(await p.getByTestId('vote-derivation').textContent()).toMatch(/neither the Commission nor the High Representative: the reinforced qualified majority, 72 %/);
    // The vote is counted by the rule derived: the result's title is the reinforced majority's.
    await expect.poll(() => p.locator('.vote-side').textContent()).toMatch(/Reinforced qualified majority/);
    await expect.poll(() => p.getByRole('radio', { name: 'As the Treaties give it' }).isChecked()).toBe(true);

    await p.getByLabel('Proposed by').selectOption('high-representative');
    await expect.poll(() => rule.textContent()).toMatch(/^Qualified majority \(/);
    expect(await p.getByTestId('vote-derivation').textContent()).toMatch(/the ordinary qualified majority, 55 % of the members/);

    await p.getByLabel('Defence implications').check();
    await expect.poll(() => rule.textContent()).toMatch(/^Unanimity \(Art\. 31\(1\) and \(4\) TEU\)/);
    expect(await p.getByTestId('vote-derivation').textContent()).toMatch(/military or defence implications/);
    await expectAccessible(p);
    session.expectNoConsoleErrors([/status of 400/]);
  });

  it('gives no vote when a member state pulls the emergency brake, and says what follows', async () => {
    const p = await session.open('/vote?act=cfsp-implementing&proposer=high-representative');
    await expect.poll(() => p.getByTestId('verdict').textContent(), { timeout: 15000 }).toMatch(/Adopted/);
    await p.getByLabel('Emergency brake pulled by').selectOption('HU');
    await expect.poll(() => p.getByTestId('verdict').textContent(), { timeout: 15000 }).toMatch(/No vote taken/);
    const brake = p.getByTestId('emergency-brake');
    expect(await brake.textContent()).toMatch(/Hungary \(HU\) declares that, for vital and stated reasons of national policy, it intends to oppose the adoption of the decision: no vote is taken/);
    expect(await brake.textContent()).toMatch(/refer the matter to the European Council for a decision by unanimity\.Art\. 31\(2\) TEU, second subparagraph, text unverified/);
    expect(await p.locator('.thresholds').count()).toBe(0);
    expect(new URL(p.url()).searchParams.get('brake')).toBe('HU');
    await expectAccessible(p);
    session.expectNoConsoleErrors();
  });

  it("shows the API's refusal beneath the field it names: a brake on a unanimous decision, a proposer the act does not allow", async () => {
    const p = await session.open('/vote?act=cfsp-other&proposer=member-state&brake=HU');
    const brakeError = p.locator('.field-invalid', { has: p.getByLabel('Emergency brake pulled by') }).locator('.field-error');
    await expect.poll(() => brakeError.textContent(), { timeout: 15000 }).toMatch(/the emergency brake stops only a qualified-majority vote in one of the cases of Art\. 31\(2\) TEU/);
    expect(await p.getByLabel('Emergency brake pulled by').getAttribute('aria-invalid')).toBe('true');
    expect(await p.getByTestId('vote-field-refused').textContent()).toMatch(/Emergency brake pulled by: see the message beneath it/);
    await p.getByLabel('Emergency brake pulled by').selectOption('');
    await expect.poll(() => p.getByTestId('derived-rule').textContent(), { timeout: 15000 }).toMatch(/^Unanimity \(Art\. 31\(1\) TEU\)/);
    expect(await p.locator('.field-error').count()).toBe(0);

    // The page offers only the proposers an act takes; a pair the address names is still sent, and refused beneath the field.
    await p.goto(`${suite.base}/vote?act=sanctions-regulation&proposer=member-state`);
    const proposerError = p.locator('.field-invalid', { has: p.getByLabel('Proposed by') }).locator('.field-error');
    await expect.poll(() => proposerError.textContent(), { timeout: 15000 }).toMatch(/does not propose this act \(Art\. 215\(1\) TFEU\); allowed: hr-commission-joint/);
    expect(await p.getByLabel('Proposed by').locator('option:checked').textContent()).toBe('A member state (does not propose this act)');
    await expectAccessible(p);
    session.expectNoConsoleErrors([/status of 400/]);
  });

  it('offers for the act chosen only those who may propose it, keeps a proposer it takes, and says who is left out', async () => {
    const p = await session.open('/vote?act=qualified-majority-act&proposer=member-state');
    await expect.poll(() => p.getByTestId('derived-rule').textContent(), { timeout: 15000 }).toMatch(/^Reinforced QMV/);
    const proposer = p.getByLabel('Proposed by');
    const offered = () => proposer.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const why = p.locator('.field', { has: proposer }).locator('.hint');
    expect(await offered()).toEqual(['', 'commission', 'high-representative', 'hr-commission-joint', 'member-state']);
    expect(await why.count()).toBe(0);

    // A sanctions listing: the High Representative or a member state (Decision (CFSP) 2019/797, Art. 6(1)); the member state stays.
    await p.getByLabel('Kind of act').selectOption('sanctions-listing');
    await expect.poll(offered).toEqual(['', 'high-representative', 'member-state']);
    expect(await why.textContent()).toBe('Only those who may propose this act are offered: the Commission and the High Representative with the Commission do not propose it.');
    expect(await proposer.inputValue()).toBe('member-state');
    await expect.poll(() => new URL(p.url()).search).toBe('?act=sanctions-listing&proposer=member-state');
    await expect.poll(() => p.getByTestId('derived-rule').textContent(), { timeout: 15000 }).toMatch(/^Unanimity/);

    // The regulation of Art. 215 TFEU: a joint proposal only; the member state is taken out, and the page asks for a proposer.
    await p.getByLabel('Kind of act').selectOption('sanctions-regulation');
    await expect.poll(offered).toEqual(['', 'hr-commission-joint']);
    expect(await proposer.inputValue()).toBe('');
    await expect.poll(() => new URL(p.url()).search).toBe('?act=sanctions-regulation');
    expect(await why.textContent()).toMatch(/^Only those who may propose this act are offered: the Commission, the High Representative and a member state do not propose it\.$/);
    expect(await proposer.getAttribute('aria-describedby')).toContain(await why.getAttribute('id'));
    await proposer.selectOption('hr-commission-joint');
    await expect.poll(() => p.getByTestId('derived-rule').textContent(), { timeout: 15000 }).toMatch(/^Qualified majority \(Art\. 215\(1\) TFEU/);
    await expectAccessible(p);
    session.expectNoConsoleErrors([/status of 400/]);
  });

  it('counts a rule chosen by hand beside the act and says how it differs from the one the Treaties give', async () => {
    const p = await session.open('/vote?act=cfsp-implementing&proposer=member-state');
    await expect.poll(() => p.getByTestId('derived-rule').textContent(), { timeout: 15000 }).toMatch(/^Reinforced QMV/);
    await p.getByRole('radio', { name: 'Qualified majority' }).check();
    await expect.poll(() => new URL(p.url()).searchParams.get('rule')).toBe('qmv');
    await expect.poll(() => p.getByTestId('rule-contradiction').textContent(), { timeout: 15000 }).toMatch(
      /The rule chosen, a qualified majority \(rule qmv\), is not the one the Treaties give for this act: a reinforced qualified majority \(rule rqmv;/,
    );
    await p.getByRole('radio', { name: 'As the Treaties give it' }).check();
    await expect.poll(() => new URL(p.url()).searchParams.has('rule')).toBe(false);
    await expect.poll(() => p.getByTestId('rule-contradiction').count()).toBe(0);
    session.expectNoConsoleErrors();
  });
});
