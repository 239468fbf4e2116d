// The dialogues in which the EU meets a partner: level, topics, rhythm and status at the as-of date.
import type { DialogueFact, DialogueMeeting } from '../api-types';
import { unverifiedStatusNote } from '../../../src/core/kb/unverified-status';
import { meetingSummary } from '../lib/fact-text';
import { formatDate, humanise } from '../lib/format';
import { sharedWithText, type NamedPartner } from '../lib/partner-names';
import { FactGroup } from './fact-group';
import { FactItem } from './fact-item';
import { ProposeChangeButton } from './propose-change';
import { SourcesButton } from './sources-button';

/** The note as a sentence of its own. */
const capitalised = (t: string | undefined) => (t ? `${t.charAt(0).toUpperCase()}${t.slice(1)}.` : '');

const LEVEL_ORDER = ['summit', 'ministerial', 'senior-officials', 'working', 'parliamentary'];

/** The status at the date; an unknown status names the last report, a suspension or an end its date. */
function statusTag(d: DialogueFact): string {
  if (d.statusUnverified) return `${humanise(d.status)} (unverified, not counted)`;
  if (d.status === 'unknown') return d.statusSince != null ? `status unknown since ${formatDate(d.statusSince)}` : 'status unknown';
  if ((d.status === 'suspended' || d.status === 'ended') && d.statusSince != null) return `${humanise(d.status)} since ${formatDate(d.statusSince)}`;
  return humanise(d.status);
}

/** The dated rounds held by the as-of date, newest first; an unverified one says so. */
function DialogueMeetings({ meetings }: { meetings: DialogueMeeting[] }) {
  const sorted = [...meetings].sort((a, b) => String(b.date).localeCompare(String(a.date)));
  return (
    <details className="fact-history">
      <summary>{sorted.length === 1 ? '1 dated meeting' : `${sorted.length} dated meetings`}</summary>
      <ul>
        {sorted.map((m) => (
          <li key={`${m.date}-${m.title}`}>
            {formatDate(m.date)}: {m.title}
            {m.unverified ? ' (unverified)' : ''}
            {meetingSummary(m.summary)}
            {m.fora.length > 0 ? ` Took up: ${m.fora.map(humanise).join(', ')}.` : ''}
            <SourcesButton sources={m.sources} label={m.title} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** `partner`: the page's partner, left out of a shared dialogue's other partners; `partners`: the list that names them. */
export function PartnerDialogues({ dialogues, partner, partners }: { dialogues: DialogueFact[]; partner?: string; partners?: readonly NamedPartner[] | undefined }) {
  const sorted = [...dialogues].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.name.localeCompare(b.name));
  return (
    <FactGroup id="dialogues" title="Dialogues" count={sorted.length} propose="dialogue">
      {sorted.map((d) => (
        <FactItem
          key={d.id}
          label={d.name}
          title={d.name}
          tags={[
            humanise(d.level),
            statusTag(d),
            d.frequency !== 'unknown' && humanise(d.frequency),
            d.established !== null ? `since ${formatDate(d.established)}` : d.firstReported != null && `first reported ${formatDate(d.firstReported)}, start not given`,
            d.cyberSpecific && 'cyber-specific',
            d.keyDialogue && 'key dialogue',
            sharedWithText(d.partners, partner, partners),
          ]}
          summary={d.summary}
          sources={d.sources}
          change={{ kind: 'dialogue', target: d.id }}
        >
          {unverifiedStatusNote(d) !== undefined && <p className="fact-history">{capitalised(unverifiedStatusNote(d))}</p>}
          <p className="fact-topics">{d.topics.map(humanise).join(' · ')}</p>
          {d.meetings && d.meetings.length > 0 && <DialogueMeetings meetings={d.meetings} />}
          <ProposeChangeButton kind="meeting" action="add" preset={{ dialogue: d.id }} label="Propose a new round…" />
        </FactItem>
      ))}
    </FactGroup>
  );
}
