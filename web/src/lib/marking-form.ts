// The incident form's marking: the TLP level and the sharing list that goes with it, to and from the API's fields.
import type { MarkingInput, RecordMarking, TlpLevel } from '../toolbox-types';
import { organisation } from './account-form';

export interface MarkingForm {
  /** '' leaves the level to the server's default for new records. */
  tlp: TlpLevel | '';
  /** Organisations, comma-separated: AMBER only. */
  sharedWith: string;
  /** Usernames, comma-separated: RED only. */
  recipients: string;
  /**
   * The owning organisation as typed, offered with sign-in off (single analyst) where no account names one:
   * AMBER and AMBER+STRICT need it. Empty keeps the record's owner (or, for a new one, the server's organisation).
   */
  owner: string;
}

export const newMarking = (defaultTlp?: TlpLevel): MarkingForm => ({ tlp: defaultTlp ?? '', sharedWith: '', recipients: '', owner: '' });

export const fromMarking = (m: RecordMarking): MarkingForm => ({ tlp: m.tlp, sharedWith: m.sharedWith.join(', '), recipients: m.recipients.join(', '), owner: '' });

/** The levels that need an owner organisation (src/core/marking/marking.ts). */
export const needsOwner = (tlp: TlpLevel | '') => tlp === 'amber' || tlp === 'amber+strict';

const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The sharing lists as typed, written the way the API keeps them. */
export const sharedWithOf = (f: MarkingForm) => list(f.sharedWith).map(organisation);
export const recipientsOf = (f: MarkingForm) => list(f.recipients).map((u) => u.toLowerCase());

/** Sends the list of the chosen level only, and in full, so that the form says exactly who else may see the record. */
export function toMarkingInput(f: MarkingForm): MarkingInput {
  if (f.tlp === '') return {};
  const owner = needsOwner(f.tlp) && f.owner.trim() ? { owner: organisation(f.owner.trim()) } : {};
  if (f.tlp === 'amber') return { tlp: f.tlp, sharedWith: sharedWithOf(f), ...owner };
  if (f.tlp === 'red') return { tlp: f.tlp, recipients: recipientsOf(f) };
  return { tlp: f.tlp, ...owner };
}
