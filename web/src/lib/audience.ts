// Who may see a marked record, in plain words ("AMBER: users of DE and FR"), and whether the person using the app
// would still see it: the rule of src/core/marking/clearance.ts, mirrored only to explain; the server decides.
import type { Me } from '../auth-types';
import type { RecordMarking } from '../toolbox-types';
import { andList } from './format';
import { sharedWithOf, recipientsOf, type MarkingForm } from './marking-form';
import { isTeamMode } from './permissions';
import { tlpLabel } from './tlp';

const unique = (xs: string[]) => [...new Set(xs)];

export function audienceWords(m: RecordMarking): string {
  const level = tlpLabel(m.tlp).replace('TLP:', '');
  switch (m.tlp) {
    case 'clear':
      return `${level}: everyone, including visitors who are not signed in`;
    case 'green':
      return `${level}: every signed-in user of this server`;
    case 'amber':
      return m.owner ? `${level}: users of ${andList([m.owner, ...m.sharedWith])}` : `${level}: nobody until it has an owner organisation`;
    case 'amber+strict':
      return m.owner ? `${level}: users of ${m.owner} only` : `${level}: nobody until it has an owner organisation`;
    case 'red':
      return m.recipients.length ? `${level}: ${andList(m.recipients)} only` : `${level}: nobody yet`;
  }
}

/** Would this person see a record so marked? */
export function canSee(me: Me, m: RecordMarking): boolean {
  if (!isTeamMode(me)) return true;
  const p = me.principal;
  if (m.tlp === 'clear') return true;
  if (p.kind !== 'user') return false;
  switch (m.tlp) {
    case 'green':
      return true;
    case 'amber':
      return m.owner === p.org || m.sharedWith.includes(p.org);
    case 'amber+strict':
      return m.owner === p.org;
    case 'red':
      return m.recipients.includes(p.username);
  }
}

/**
 * The marking a save of the editor would give the record, as the server resolves it (src/core/marking/marking.ts):
 * lists apply to their level only, the owner is not listed among the organisations it shares with, and whoever marks
 * a record RED is always one of its recipients.
 */
export function resolvedMarking(form: MarkingForm, owner: string | null, me: Me, current: RecordMarking): RecordMarking {
  const tlp = form.tlp || current.tlp;
  const saver = me.principal.kind === 'user' ? [me.principal.username] : [];
  return {
    tlp,
    owner,
    sharedWith: tlp === 'amber' ? unique(sharedWithOf(form)).filter((o) => o !== owner) : [],
    recipients: tlp === 'red' ? unique([...recipientsOf(form), ...saver]) : [],
  };
}
