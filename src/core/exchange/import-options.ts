// The marking options of an import as the CLI and the API take them (--tlp / tlp=, --org / owner=, --recipients /
// recipients=), checked with the same rules as the marking fields of an incident.
import { z } from 'zod';
import { Organisation, Username } from '../auth/account';
import { AppError } from '../errors';
import { TlpInput, tlpLabel } from '../marking/tlp';
import { parseOrThrow } from '../zod-issues';
import type { ImportMarkingOptions } from './import-plan';

const Options = z
  .object({
    tlp: TlpInput.optional(),
    owner: Organisation.optional(),
    recipients: z.array(Username).max(100).optional(),
  })
  .strict();

export interface RawImportMarking {
  tlp?: string | undefined;
  owner?: string | undefined;
  /** A list, or names separated by commas. */
  recipients?: string | string[] | undefined;
}

export function importMarkingOptions(raw: RawImportMarking): ImportMarkingOptions {
  const names = typeof raw.recipients === 'string' ? raw.recipients.split(',') : (raw.recipients ?? []);
  const recipients = names.map((n) => n.trim()).filter(Boolean);
  const o = parseOrThrow(Options, { tlp: raw.tlp || undefined, owner: raw.owner || undefined, recipients: recipients.length ? recipients : undefined }, 'invalid_marking', 'import marking');
  if (o.recipients && o.tlp !== undefined && o.tlp !== 'red') {
    throw new AppError('invalid_marking', `Invalid import marking: recipients apply to TLP:RED records only, not ${tlpLabel(o.tlp)}`, [{ path: 'recipients', message: 'TLP:RED only' }]);
  }
  return o;
}
