import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { refuseUnknownOrganisations, type Organisations } from './organisation-problem';

const orgs: Organisations = { memberStates: ['DE', 'FR'], euBodies: async () => ['eeas', 'enisa'] };

async function refusal(named: readonly (readonly [string, string])[], what: string) {
  try {
    await refuseUnknownOrganisations(orgs, named, what);
    return undefined;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return { code: e.code, message: e.message, issues: e.issues };
  }
}

describe('refuseUnknownOrganisations, for incident markings and imports alike', () => {
  it('passes member states and EU bodies, and nothing named', async () => {
    expect(await refusal([['owner', 'DE'], ['sharedWith.0', 'enisa']], 'Invalid marking')).toBeUndefined();
    expect(await refusal([], 'Invalid marking')).toBeUndefined();
  });

  it('names each unknown organisation by its field, with the upper-case hint for a member state', async () => {
    const r = await refusal([['owner', 'eeas'], ['sharedWith.0', 'de'], ['sharedWith.1', 'XX']], 'Invalid marking');
    expect(r?.code).toBe('invalid_marking');
    expect(r?.issues.map((i) => i.path)).toEqual(['sharedWith.0', 'sharedWith.1']);
    expect(r?.issues[0]?.message).toContain('member state codes are upper case: DE');
    expect(r?.message).toMatch(/^Invalid marking: sharedWith\.0: .*; sharedWith\.1: /);
  });

  it('opens the message with what the caller was setting', async () => {
    expect((await refusal([['owner', 'fr']], 'Invalid import marking'))?.message).toMatch(/^Invalid import marking: owner: .*upper case: FR\)$/);
  });
});
