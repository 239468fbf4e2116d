// Which marked records a principal may see. The rule is data (a Clearance) so that the store can translate the
// very same rule into SQL, and canSee() evaluates it for one record with its reason.
import type { Principal } from '../auth/principal';
import { TLP_DEFINITIONS, tlpLabel, type TlpLevel } from './tlp';

export interface RecordMarking {
  tlp: TlpLevel;
  /** The owning organisation; AMBER and AMBER+STRICT records are its users'. */
  owner: string | null;
  /** Further organisations an AMBER record is shared with. */
  sharedWith: string[];
  /** Usernames that may see a RED record. */
  recipients: string[];
}

export interface Clearance {
  /** Sign-in is off: the single analyst sees everything. */
  all: boolean;
  /** Levels seen whoever owns the record: CLEAR for everyone, GREEN too for signed-in users. */
  levels: TlpLevel[];
  /** AMBER if this organisation owns the record or it is shared with it; AMBER+STRICT if it owns it. */
  org: string | null;
  /** RED if this username is among the recipients. */
  username: string | null;
}

export function clearanceOf(p: Principal): Clearance {
  switch (p.kind) {
    case 'local':
      return { all: true, levels: [], org: null, username: null };
    case 'anonymous':
    case 'operator':
      return { all: false, levels: ['clear'], org: null, username: null };
    case 'user':
      return { all: false, levels: ['clear', 'green'], org: p.org, username: p.username };
  }
}

/**
 * What of a clearance decides which records it sees, as one list (levels in order): equal lists see the same records,
 * so answers kept per reader (counts, incident pages) are keyed by it.
 */
export function clearanceKey(c: Clearance): unknown[] {
  return c.all ? ['all'] : [[...c.levels].sort(), c.org, c.username];
}

export function canSee(c: Clearance, m: RecordMarking): { visible: boolean; reason: string } {
  const label = tlpLabel(m.tlp);
  if (c.all) return { visible: true, reason: 'sign-in is off: the local analyst sees every record' };
  if (c.levels.includes(m.tlp)) return { visible: true, reason: `${label}: ${TLP_DEFINITIONS[m.tlp].here}` };
  switch (m.tlp) {
    case 'amber':
      if (c.org !== null && (m.owner === c.org || m.sharedWith.includes(c.org))) return { visible: true, reason: `${label}: shared with ${c.org}` };
      break;
    case 'amber+strict':
      if (c.org !== null && m.owner === c.org) return { visible: true, reason: `${label}: owned by ${c.org}` };
      break;
    case 'red':
      if (c.username !== null && m.recipients.includes(c.username)) return { visible: true, reason: `${label}: ${c.username} is a named recipient` };
      break;
    case 'clear':
    case 'green':
      break;
  }
  return { visible: false, reason: `${label}: only ${TLP_DEFINITIONS[m.tlp].here}` };
}
