// The Traffic Light Protocol 2.0 levels a record can carry, with what each allows (FIRST, "Traffic Light Protocol
// (TLP) Definitions and Usage", version 2.0, August 2022, https://www.first.org/tlp/; STIX ids in the research notes on STIX, §3).
import { z } from 'zod';

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** FIRST TLP 2.0, paraphrased, and who may see a record of that level here. */
export const TLP_DEFINITIONS: Readonly<Record<TlpLevel, { label: string; disclosure: string; here: string }>> = {
  clear: { label: 'TLP:CLEAR', disclosure: 'no limit on disclosure', here: 'everyone, including anonymous readers of the public dataset' },
  green: { label: 'TLP:GREEN', disclosure: 'within the community, not through public channels', here: 'any signed-in user' },
  amber: {
    label: 'TLP:AMBER',
    disclosure: 'within the recipient organisation and its clients, on a need-to-know basis',
    here: 'users of the owning organisation and of the organisations it is shared with',
  },
  'amber+strict': { label: 'TLP:AMBER+STRICT', disclosure: 'within the recipient organisation only', here: 'users of the owning organisation only' },
  red: { label: 'TLP:RED', disclosure: 'for the eyes and ears of individual recipients only', here: 'the named users only' },
};

/**
 * Reads a level as people write it: any case, with or without "TLP:". TLP 1.0 WHITE is TLP 2.0 CLEAR
 * (FIRST TLP 2.0: "TLP:WHITE has been replaced by TLP:CLEAR").
 */
export const TlpInput = z
  .string()
  .transform((v) => {
    const s = v.trim().toLowerCase().replace(/^tlp:/, '');
    return s === 'white' ? 'clear' : s;
  })
  .pipe(z.enum(TLP_LEVELS));

export function tlpLabel(level: TlpLevel): string {
  return TLP_DEFINITIONS[level].label;
}

/** The level of a marking an import brought (STIX TLP 1.0 or 2.0), in TLP 2.0 terms; undefined if none. */
export function tlpFromImport(marking: { tlp: { level: string } | null } | null | undefined): TlpLevel | undefined {
  const parsed = TlpInput.safeParse(marking?.tlp?.level);
  return parsed.success ? parsed.data : undefined;
}
