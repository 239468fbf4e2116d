// Who attributed, as the server will read it: the incident form's words under "Attributed by (type)". Apart from the
// form's model, which every form's fields load, so that only the incident form loads the incident's rules for it.
import type { IsoDate } from '../../../src/core/dates';
import { attributorTypeOn } from '../../../src/core/toolbox/incident';
import type { AttributionRow } from './incident-form-model';

/**
 * How the server will read an attribution's author when the type is left to work out (src/core/toolbox/incident.ts,
 * with the membership of the attribution's date): said under the type while "By" is typed, so that an author
 * read as someone else ("German security firm", "Bundesregierung") does not silently close the measures that rest on a
 * member state's attribution.
 */
export function attributorReading(row: AttributionRow, today: string): string | undefined {
  if (row.byType !== '' || row.by.trim() === '') return undefined;
  const type = attributorTypeOn({ by: row.by.trim() }, (row.date || today) as IsoDate);
  if (type === 'member-state') return 'Read from “By” as: a member state.';
  if (type === 'eu') return 'Read from “By” as: the EU.';
  return 'Read from “By” as: neither a member state nor the EU, so sanctions and naming a state cannot rest on it. If a member state or the EU attributed it, choose that type, or start “By” with the state’s code (“DE government”) or name it (“Government of Germany”).';
}
