// An EuRepoC attribution row whose initiator's name is longer than an actor's may be: the row is left out with a
// warning naming it and the limit, and the incident and its other rows are kept.
import { describe, expect, it } from 'vitest';
import { mapEurepoc } from './eurepoc';
import { ACTOR_NAME_MAX } from './records';
import { newReport, ReportBuilder } from './report';
import { severity, tables } from './stix.fixture';

function mapInitiators(names: string[]) {
  const r = new ReportBuilder(newReport('eurepoc', ['EuRepoC_Global_Database_1.1.csv'], true));
  const incidents = [{ ID: '4242', name: 'An intrusion', description: 'An intrusion.', start_date: '2021-03-01', incident_type: 'Data theft', receiver_country: "['Germany']", receiver_category: "['State institutions / political system']", weighted_cyber_intensity: '3' }];
  const rows = names.map((name, n) => ({ incident_ID: '4242', attribution_type: 'Attribution by receiver government / state entity', attribution_date: '2021-04-01', attributing_actor: `Attributor ${n}`, attributed_initiator: name, attributed_initiator_country: n === 0 ? 'Russia' : 'Not available', attributed_initiator_category: 'State' }));
  const batch = mapEurepoc({ incidents, attributions: new Map([['4242', rows]]), receivers: new Map() }, { severity }, r, tables);
  return { batch, report: r.report };
}

describe("an EuRepoC initiator's name as an actor", () => {
  it('keeps a name of the limit as an actor', () => {
    const long = `${'N'.repeat(ACTOR_NAME_MAX - 4)} end`;
    const { batch } = mapInitiators(['APT28', long]);
    expect(batch.actors.map((a) => a.body.name).sort()).toEqual(['APT28', long]);
    expect(batch.attributions).toHaveLength(2);
  });

  it('leaves out the row of a longer name with a warning naming it and the limit, and keeps the incident and the other row', () => {
    const { batch, report } = mapInitiators(['APT28', 'N'.repeat(ACTOR_NAME_MAX + 1)]);
    expect(batch.incidents).toHaveLength(1);
    expect(batch.actors.map((a) => a.body.name)).toEqual(['APT28']);
    expect(batch.attributions).toHaveLength(1);
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: 'warning', object: 'eurepoc:4242', path: 'attributions.1.attributed_initiator', message: expect.stringMatching(/: name: at most 500 characters; attribution left out$/) }));
    expect(report.rows?.skipped).toBe(0);
  });
});
