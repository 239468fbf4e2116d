// The plan's JSON file: the API's object unchanged, the incident's marking first, the plan's date and marking in the name.
import { describe, expect, it } from 'vitest';
import { planJsonFile } from './plan-json';

const plan = { incidentId: 'inc-1', asOf: '2020-07-29', measures: [{ id: 'demarche', available: true }], notCounted: ['attribution: political by Council of the EU on 2020-07-30'], observatory: null };

describe('planJsonFile', () => {
  it('writes the plan as the API answered it, with the marking in front', () => {
    const file = planJsonFile(plan, { title: 'OPCW network operation', tlp: 'amber' }, '2026-12-07');
    const read = JSON.parse(file.text) as Record<string, unknown>;
    expect(Object.keys(read)[0]).toBe('marking');
    expect(read.marking).toBe('TLP:AMBER');
    const { marking, ...rest } = read;
    expect(marking).toBeDefined();
    expect(rest).toEqual(plan);
    expect(file.text.charCodeAt(0)).toBe('{'.charCodeAt(0));
  });

  it('names the file by plan, incident, the plan’s date and the marking, which follow the inputs', () => {
    expect(planJsonFile(plan, { title: 'OPCW network operation', tlp: 'amber' }, '2026-12-07').name).toBe('cyberdiplo-plan-OPCW-network-operation-2020-07-29-TLP-AMBER.json');
    const red = planJsonFile({ ...plan, asOf: '2026-12-07' }, { title: 'Other', tlp: 'amber+strict' }, '2026-12-07');
    expect(red.name).toBe('cyberdiplo-plan-Other-2026-12-07-TLP-AMBER+STRICT.json');
    expect((JSON.parse(red.text) as { marking: string }).marking).toBe('TLP:AMBER+STRICT');
  });
});
