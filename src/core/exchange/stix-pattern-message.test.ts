// A value failing an OASIS schema's pattern is reported with the property and the form it needs in words, or with the
// whole regular expression, never with one cut short (a timestamp's used to end in "([0-5][0-9)").
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStixSchemas } from '../../store/exchange-files';
import { compileStixSchemas } from './stix-schemas';

const validate = compileStixSchemas(readStixSchemas(path.resolve(__dirname, '../../..', 'data', 'stix-schemas')), { shortcut: false });
const T = '2016-05-12T08:17:27.000Z';
const actor = { type: 'threat-actor', spec_version: '2.1', id: 'threat-actor--56f3f0db-b5d5-431c-ae56-c18f02caf500', created: T, modified: T, name: 'An actor' };
const issues = (over: Record<string, unknown>) => validate({ ...actor, ...over }).issues;

describe("a schema pattern's message", () => {
  it('names a timestamp in words', () => {
    expect(issues({ first_seen: '2016-05-12 08:17' })).toContainEqual({ path: 'first_seen', message: 'must be a UTC timestamp such as 2016-05-12T08:17:27.000Z' });
    expect(issues({ created: '2016-05-12T08:17:27Z', modified: '2016-05-12T08:17:27Z' })).toContainEqual({ path: 'created', message: 'must be a UTC timestamp to the millisecond at least, such as 2016-05-12T08:17:27.000Z' });
  });

  it('names an identifier and an id of the wrong type in words', () => {
    expect(issues({ created_by_ref: 'identity--not-a-uuid' })).toContainEqual({ path: 'created_by_ref', message: 'must be an identifier <type>--<UUID> such as identity--8c6af861-7b20-41ef-9b59-6344fd872a8f' });
    expect(issues({ id: 'campaign--56f3f0db-b5d5-431c-ae56-c18f02caf500' })).toContainEqual({ path: 'id', message: 'must be an identifier starting with "threat-actor--"' });
  });

  it('quotes a short expression whole and names none that is long, cutting none', () => {
    const rel = { type: 'relationship', spec_version: '2.1', id: 'relationship--a2e3efb5-351d-4d46-97a0-6897ee7c77a0', created: T, modified: T, relationship_type: 'Attributed To', source_ref: actor.id, target_ref: 'identity--733c5838-34d9-4fbf-949c-62aba761184c' };
    expect(validate(rel).issues).toContainEqual({ path: 'relationship_type', message: 'does not have the required form: it must match the regular expression ^[a-z0-9\\-]+$' });
    const ip = validate({ type: 'ipv6-addr', spec_version: '2.1', id: 'ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1', value: 'not an address' }).issues;
    expect(ip).toContainEqual({ path: 'value', message: "does not have the required form: see this property's pattern in the STIX 2.1 schema of its object" });
    for (const i of [...ip, ...issues({ first_seen: 'x' })]) expect(i.message).not.toMatch(/\(\[0-5\]\[0-9\)|\{1,4\}:\)\{7\}/);
  });
});
