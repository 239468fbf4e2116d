// The Traffic Light Protocol 2.0 as the app explains it (FIRST, "Traffic Light Protocol (TLP) Definitions and
// Usage", version 2.0, 2022, https://www.first.org/tlp/), and who may see a record of each level on this server.
import type { RecordMarking, TlpLevel } from '../toolbox-types';

export const TLP_LEVELS: readonly TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export const tlpLabel = (level: TlpLevel) => `TLP:${level.toUpperCase()}`;

/** FIRST's meaning of each level, in short, and who sees such a record in team mode (src/core/marking/clearance.ts). */
export const TLP_MEANING: Readonly<Record<TlpLevel, { disclosure: string; here: string }>> = {
  clear: { disclosure: 'No limit on disclosure.', here: 'Everyone, including visitors who are not signed in.' },
  green: { disclosure: 'Within the community, not through public channels.', here: 'Every signed-in user.' },
  amber: { disclosure: 'Need-to-know within the organisations that receive it.', here: 'Users of the owning organisation and of the organisations it is shared with.' },
  'amber+strict': { disclosure: 'Within the owning organisation only.', here: 'Users of the owning organisation only.' },
  red: { disclosure: 'For the named recipients only, not to be passed on.', here: 'The named recipients only; whoever marks it RED is always one of them.' },
};

/** The most restrictive of some levels: a printed page carries the strictest marking of anything on it (TLP 2.0). */
export function strictestTlp(levels: readonly TlpLevel[]): TlpLevel {
  return levels.reduce<TlpLevel>((a, b) => (TLP_LEVELS.indexOf(b) > TLP_LEVELS.indexOf(a) ? b : a), 'clear');
}

export function isTlpLevel(value: string): value is TlpLevel {
  return (TLP_LEVELS as readonly string[]).includes(value);
}

/** Who may see this record, in one sentence, for the incident page. */
export function audienceOf(m: RecordMarking): string {
  const owner = m.owner ?? 'no organisation';
  switch (m.tlp) {
    case 'clear':
      return 'Visible to everyone, including visitors who are not signed in.';
    case 'green':
      return 'Visible to every signed-in user.';
    case 'amber':
      return `Visible to users of ${[owner, ...m.sharedWith].join(', ')}.`;
    case 'amber+strict':
      return `Visible to users of ${owner} only.`;
    case 'red':
      return `Visible to ${m.recipients.join(', ') || 'no one'} only.`;
  }
}
