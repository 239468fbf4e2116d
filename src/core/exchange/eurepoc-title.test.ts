// An EuRepoC incident's name becomes its title whole: a name longer than a title may be is refused with its row
// named, never cut short without a word in the report.
import { describe, expect, it } from 'vitest';
import { mapEurepoc } from './eurepoc';
import { INCIDENT_TEXT_MAX } from '../toolbox/incident';
import { newReport, ReportBuilder } from './report';
import { severity, tables } from './stix.fixture';

function mapName(name: string) {
  const r = new ReportBuilder(newReport('eurepoc', ['EuRepoC_Global_Database_1.1.csv'], true));
  const incidents = [{ ID: '4242', name, description: 'An intrusion.', start_date: '2021-03-01', incident_type: 'Data theft', receiver_country: "['Germany']", receiver_category: "['State institutions / political system']", weighted_cyber_intensity: '3' }];
  const batch = mapEurepoc({ incidents, attributions: new Map(), receivers: new Map() }, { severity }, r, tables);
  return { batch, report: r.report };
}

describe('an EuRepoC name as the incident title', () => {
  it('keeps a name of up to the title limit whole', () => {
    for (const length of [501, 1_200, INCIDENT_TEXT_MAX.title]) {
      const name = `${'N'.repeat(length - 4)} end`;
      const { batch, report } = mapName(name);
      expect(batch.incidents.map((x) => x.body.title)).toEqual([name]);
      expect(report.rows?.skipped).toBe(0);
    }
  });

  it('refuses a longer name with the row and the limit, counted as skipped', () => {
    const { batch, report } = mapName('N'.repeat(INCIDENT_TEXT_MAX.title + 1));
    expect(batch.incidents).toEqual([]);
    expect(report.rows?.skipped).toBe(1);
    expect(report.problems).toContainEqual({ severity: 'skipped', object: 'eurepoc:4242', path: 'title', message: 'at most 2,000 characters; incident skipped' });
  });
});
