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
}

export const newMarking = (defaultTlp?: TlpLevel): MarkingForm => ({ tlp: defaultTlp ?? '', sharedWith: '', recipients: '' });

export const fromMarking = (m: RecordMarking): MarkingForm => ({ tlp: m.tlp, sharedWith: m.sharedWith.join(', '), recipients: m.recipients.join(', ') });

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
  if (f.tlp === 'amber') return { tlp: f.tlp, sharedWith: sharedWithOf(f) };
  if (f.tlp === 'red') return { tlp: f.tlp, recipients: recipientsOf(f) };
  return { tlp: f.tlp };
}
