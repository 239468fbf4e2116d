// The STIX sightings and reports imported on an incident, in a real browser: the incident page's two sections (each
// item with its TLP label, only web addresses as links), the print view, keyboard order, accessibility.
import { describe, expect, it } from 'vitest';
import { incident } from '../integration/team';
import { browserSuite, expectAccessible } from './browser';

const suite = browserSuite();
const session = suite.session;

const AMBER2 = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const GREEN2 = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const TLP2 = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const INCIDENT = 'incident--7a5a7d0c-3f8e-4a63-9a49-3c2e8a6a5f11';
const APT28 = 'intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29';
const WHERE = 'identity--0a1b2c3d-0000-4000-8000-000000000001';

/**
 * As tests/integration/exchange-stix.test.ts's "STIX sightings and reports" bundle: a TLP:AMBER incident attributed to
 * an intrusion set, a sighting of each, and a report on both whose second reference is no web address.
 */
function observedBundle() {
  const t = '2024-03-01T10:00:00.000Z';
  const t2 = '2024-03-05T10:00:00.000Z';
  const marking = (id: string, level: string) => ({ type: 'marking-definition', spec_version: '2.1', id, created: '2022-10-01T00:00:00.000Z', name: `TLP:${level.toUpperCase()}`, extensions: { [TLP2]: { extension_type: 'property-extension', tlp_2_0: level } } });
  return {
    type: 'bundle',
    id: 'bundle--0a1b2c3d-0000-4000-8000-0000000000fe',
    objects: [
      marking(AMBER2, 'amber'),
      marking(GREEN2, 'green'),
      { type: 'identity', spec_version: '2.1', id: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff', created: t, modified: t, name: 'CERT-EU', identity_class: 'organization' },
      { type: 'location', spec_version: '2.1', id: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64', created: t, modified: t, name: 'Germany', country: 'DE' },
      { type: 'intrusion-set', spec_version: '2.1', id: APT28, created: t, modified: t, name: 'APT28', description: 'A GRU unit.', object_marking_refs: [AMBER2] },
      { type: 'incident', spec_version: '2.1', id: INCIDENT, created: t, modified: t, name: 'Bundestag intrusion', description: 'Mail servers of the parliament.', labels: ['cyber-espionage', 'severity:high'], created_by_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff', object_marking_refs: [AMBER2] },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--3f9a9aa9-108a-4333-83e2-4fb25add0463', created: t, modified: t, relationship_type: 'targets', source_ref: INCIDENT, target_ref: 'location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64' },
      { type: 'relationship', spec_version: '2.1', id: 'relationship--4f9a9aa9-108a-4333-83e2-4fb25add0463', created: t, modified: t, relationship_type: 'attributed-to', confidence: 80, source_ref: INCIDENT, target_ref: APT28, object_marking_refs: [AMBER2] },
      { type: 'identity', spec_version: '2.1', id: WHERE, created: t2, modified: t2, name: 'CERT-Bund', identity_class: 'organization' },
      { type: 'sighting', spec_version: '2.1', id: 'sighting--0a1b2c3d-0000-4000-8000-000000000003', created: t2, modified: t2, first_seen: '2024-03-02T08:00:00Z', last_seen: '2024-03-04T18:00:00Z', count: 3, sighting_of_ref: INCIDENT, where_sighted_refs: [WHERE], description: 'Beaconing from two ministries.', object_marking_refs: [GREEN2] },
      { type: 'sighting', spec_version: '2.1', id: 'sighting--0a1b2c3d-0000-4000-8000-000000000004', created: t2, modified: t2, first_seen: '2024-03-01T00:00:00Z', sighting_of_ref: APT28, object_marking_refs: [AMBER2] },
      {
        type: 'report',
        spec_version: '2.1',
        id: 'report--0a1b2c3d-0000-4000-8000-000000000006',
        created: t2,
        modified: t2,
        name: 'Bundestag intrusion: technical analysis',
        published: '2024-03-06T00:00:00Z',
        report_types: ['threat-report'],
        description: 'How the mail servers were reached.',
        object_refs: [INCIDENT, APT28],
        external_references: [
          { source_name: 'BSI', url: 'https://example.org/bsi-report' },
          { source_name: 'Mailing list', url: 'javascript:alert(1)', external_id: 'ML-7' },
        ],
        object_marking_refs: [AMBER2],
      },
    ],
  };
}

/** Imports the bundle as the local operator (sign-in is off), DE owning its AMBER records; answers the incident's id. */
async function importObserved(): Promise<string> {
  const res = await suite.h.app.inject({ method: 'POST', url: '/api/import/stix?owner=DE', payload: observedBundle() });
  expect(res.statusCode, res.body).toBe(200);
  const list = await suite.h.app.inject({ method: 'GET', url: '/api/incidents?q=Bundestag' });
  const found = (list.json() as { items: { id: string; incident: { title: string } }[] }).items.find((i) => i.incident.title === 'Bundestag intrusion');
  if (!found) throw new Error('the imported incident is not listed');
  return found.id;
}

describe('imported sightings and reports', () => {
  it('shows each sighting and report with its marking, links only web addresses, and prints them', async () => {
    const id = await importObserved();
    const p = await session.open(`/incidents/${id}`);
    await p.getByRole('heading', { level: 1, name: 'Bundestag intrusion' }).waitFor();

    const sightings = p.locator('section[aria-labelledby="sightings-heading"]');
    await sightings.getByRole('heading', { level: 2, name: /Sightings/ }).waitFor();
    expect(await sightings.getByRole('columnheader').allTextContents()).toEqual(['First seen', 'Last seen', 'Of', 'How many times', 'Where', 'Description', 'Marking']);
    // Newest first: the sighting of the incident (last seen 4 March), then the one of its actor (first seen 1 March).
    const rows = sightings.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const cells = async (n: number) => (await rows.nth(n).locator('th, td').allTextContents()).map((t) => t.trim());
    expect(await cells(0)).toEqual(['2 Mar 2024', '4 Mar 2024', 'This incident', '3 times', 'CERT-Bund', 'Beaconing from two ministries.', 'TLP:AMBER']);
    expect(await cells(1)).toEqual(['1 Mar 2024', '—', 'The actor it is attributed to', 'Not stated', 'Not stated', 'None', 'TLP:AMBER']);

    const reports = p.locator('section[aria-labelledby="reports-heading"]');
    const report = reports.getByRole('listitem').filter({ has: p.getByRole('heading', { level: 3, name: 'Bundestag intrusion: technical analysis' }) });
    expect(await report.count()).toBe(1);
    expect(await report.locator('.report-meta').textContent()).toBe('TLP:AMBER Published 6 Mar 2024 · Threat report');
    expect(await report.textContent()).toContain('How the mail servers were reached.');
    const bsi = report.getByRole('link', { name: 'BSI' });
    expect(await bsi.getAttribute('href')).toBe('https://example.org/bsi-report');
    expect(await bsi.getAttribute('rel')).toContain('noopener');
    // A reference whose address is not http(s) stays text, shown as given.
    expect(await report.getByRole('link').count()).toBe(1);
    expect(await report.getByRole('listitem').nth(1).textContent()).toBe('Mailing list (javascript:alert(1)), ML-7');

    // Keyboard: the scrollable sightings table takes focus, and the next Tab reaches the report's link.
    await sightings.getByRole('region', { name: 'Sightings' }).focus();
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('https://example.org/bsi-report');
    await expectAccessible(p);
    session.expectNoConsoleErrors();

    await p.getByRole('link', { name: 'Print view' }).click();
    await p.getByRole('heading', { level: 2, name: 'Sightings' }).waitFor();
    const printed = p.locator('.print-sightings > li');
    await expect.poll(() => printed.count(), { timeout: 30_000 }).toBe(3); // the heading is drawn before the list's data
    expect(await printed.allTextContents()).toEqual([
      'TLP:AMBER 2 Mar 2024 – 4 Mar 2024: this incident, seen 3 times at CERT-Bund. Beaconing from two ministries.',
      'TLP:AMBER from 1 Mar 2024: the actor it is attributed to',
      'TLP:AMBER Bundestag intrusion: technical analysis, published 6 Mar 2024 (threat report). How the mail servers were reached. References: BSI (https://example.org/bsi-report); Mailing list (javascript:alert(1)), ML-7',
    ]);
    expect(await p.getByRole('heading', { level: 2, name: 'Reports' }).count()).toBe(1);
    expect(await p.locator('.print-sightings a').getAttribute('href')).toBe('https://example.org/bsi-report');
    await p.getByRole('heading', { name: 'Open measures, in escalation order' }).waitFor();
    await expectAccessible(p);
    session.expectNoConsoleErrors();

    // The printed page carries the strictest marking on it: with the incident made GREEN, its AMBER sightings and
    // report keep the page AMBER; the incident page itself shows the incident's own level.
    const patched = await suite.h.app.inject({ method: 'PATCH', url: `/api/incidents/${id}`, payload: { tlp: 'green' } });
    expect(patched.statusCode, patched.body).toBe(200);
    await p.reload();
    await p.getByRole('heading', { level: 2, name: 'Sightings' }).waitFor();
    expect(await p.locator('.print-marking').allTextContents()).toEqual(['TLP:AMBER', 'TLP:AMBER']);
  });

  it('shows neither section on an incident with no sighting or report', async () => {
    const res = await suite.h.app.inject({ method: 'POST', url: '/api/incidents', payload: incident('Phishing wave against a ministry') });
    expect(res.statusCode, res.body).toBe(201);
    const p = await session.open(`/incidents/${(res.json() as { id: string }).id}`);
    await p.getByRole('heading', { level: 2, name: 'The incident' }).waitFor();
    await p.getByRole('heading', { level: 2, name: 'Response plan' }).waitFor();
    expect(await p.getByRole('heading', { name: /Sightings|Reports/ }).count()).toBe(0);
    await p.getByRole('link', { name: 'Print view' }).click();
    await p.getByRole('heading', { name: 'Open measures, in escalation order' }).waitFor();
    expect(await p.getByRole('heading', { name: /Sightings|Reports/ }).count()).toBe(0);
    session.expectNoConsoleErrors();
  });
});
