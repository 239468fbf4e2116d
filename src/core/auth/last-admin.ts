// The rule that keeps a team deployment manageable: at least one enabled admin account must remain, since only an
// admin can manage accounts over the API (the CLI operator needs shell access to the database host to step in).
import type { Role } from './roles';

export interface AdminStanding {
  role: Role;
  disabled: boolean;
}

export const isEnabledAdmin = (a: AdminStanding) => a.role === 'admin' && !a.disabled;

/** Whether a change (role, disabled) could take an account out of the enabled admins, so that the rule must be checked. */
export function mayRemoveAdmin(change: { role?: Role | undefined; disabled?: boolean | undefined }): boolean {
  return (change.role !== undefined && change.role !== 'admin') || change.disabled === true;
}

/**
 * Why changing `before` into `after` is refused, or undefined when it may go ahead: the change must not take the last
 * enabled admin out of that standing. `otherEnabledAdmins` counts the enabled admins besides this account. Accounts
 * that are not enabled admins are never held back, so a deployment without any admin yet still works as before.
 */
export function lastAdminProblem(username: string, before: AdminStanding, after: AdminStanding, otherEnabledAdmins: number): { path: 'role' | 'disabled'; message: string } | undefined {
  if (!isEnabledAdmin(before) || isEnabledAdmin(after) || otherEnabledAdmins > 0) return undefined;
  const path = after.disabled ? 'disabled' : 'role';
  const what = after.disabled ? 'disable' : `make ${after.role}`;
  return {
    path,
    message: `Cannot ${what} "${username}": at least one enabled admin account must remain, and "${username}" is the last one. Make another account admin first`,
  };
}
