// Why a marked record is seen by nobody: the TLP rule fails closed, so a marking without an owner, sharing or
// recipients (or whose organisations and recipients have no enabled account) hides the record from everyone.
import type { RecordMarking } from './clearance';
import { tlpLabel } from './tlp';

/** Enabled accounts as the clearance rule sees them: their organisations and usernames. */
export interface Readers {
  orgs: ReadonlySet<string>;
  usernames: ReadonlySet<string>;
}

/** Null when some enabled account may see a record of this marking; otherwise the reason nobody can. */
export function unseenReason(m: RecordMarking, readers: Readers): string | null {
  const label = tlpLabel(m.tlp);
  switch (m.tlp) {
    case 'clear':
    case 'green':
      return null;
    case 'amber': {
      const orgs = [m.owner, ...m.sharedWith].filter((o): o is string => o !== null);
      if (orgs.some((o) => readers.orgs.has(o))) return null;
      return orgs.length ? `${label}: no enabled account belongs to ${orgs.join(', ')}` : `${label} without an owning organisation or sharing`;
    }
    case 'amber+strict':
      if (m.owner !== null && readers.orgs.has(m.owner)) return null;
      return m.owner ? `${label}: no enabled account belongs to ${m.owner}` : `${label} without an owning organisation`;
    case 'red':
      if (m.recipients.some((u) => readers.usernames.has(u))) return null;
      return m.recipients.length ? `${label}: no recipient (${m.recipients.join(', ')}) has an enabled account` : `${label} without named recipients`;
  }
}
