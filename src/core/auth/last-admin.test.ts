// The last enabled admin: never disabled or demoted, whatever the order of the fields in the change.
import { describe, expect, it } from 'vitest';
import { lastAdminProblem, mayRemoveAdmin } from './last-admin';

const admin = { role: 'admin', disabled: false } as const;

describe('the last enabled admin', () => {
  it('may not be disabled or given a lower role, naming the rule and the field', () => {
    expect(lastAdminProblem('root', admin, { role: 'admin', disabled: true }, 0)).toEqual({
      path: 'disabled',
      message: 'Cannot disable "root": at least one enabled admin account must remain, and "root" is the last one. Make another account admin first',
    });
    for (const role of ['viewer', 'analyst', 'editor'] as const) {
      expect(lastAdminProblem('root', admin, { role, disabled: false }, 0)).toMatchObject({ path: 'role', message: expect.stringMatching(new RegExp(`^Cannot make ${role} "root": at least one enabled admin`)) });
    }
    expect(lastAdminProblem('root', admin, { role: 'viewer', disabled: true }, 0)?.path).toBe('disabled');
  });

  it('lets the change through while another enabled admin remains, or when the account is no enabled admin', () => {
    expect(lastAdminProblem('root', admin, { role: 'viewer', disabled: true }, 1)).toBeUndefined();
    expect(lastAdminProblem('root', admin, admin, 0)).toBeUndefined();
    expect(lastAdminProblem('old', { role: 'admin', disabled: true }, { role: 'viewer', disabled: true }, 0)).toBeUndefined();
    expect(lastAdminProblem('ed', { role: 'editor', disabled: false }, { role: 'editor', disabled: true }, 0)).toBeUndefined();
  });

  it('tells which changes need the check (and so the lock on the admins)', () => {
    expect(mayRemoveAdmin({ disabled: true })).toBe(true);
    expect(mayRemoveAdmin({ role: 'editor' })).toBe(true);
    expect(mayRemoveAdmin({ role: 'admin', disabled: false })).toBe(false);
    expect(mayRemoveAdmin({})).toBe(false);
  });
});
