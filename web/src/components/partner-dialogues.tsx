// The dialogues in which the EU meets a partner: level, topics, rhythm and status at the as-of date.
import type { DialogueFact } from '../api-types';
import { formatDate, humanise } from '../lib/format';
import { FactGroup } from './fact-group';
import { FactItem } from './fact-item';
import { ProposeChangeButton } from './propose-change';

const LEVEL_ORDER = ['summit', 'ministerial', 'senior-officials', 'working', 'parliamentary'];

export function PartnerDialogues({ dialogues }: { dialogues: DialogueFact[] }) {
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
            humanise(d.status),
            d.frequency !== 'unknown' && humanise(d.frequency),
            d.established !== null && `since ${formatDate(d.established)}`,
            d.cyberSpecific && 'cyber-specific',
            d.keyDialogue && 'key dialogue',
            d.partners.length > 1 && `with ${d.partners.join(', ')}`,
          ]}
          summary={d.summary}
          sources={d.sources}
          change={{ kind: 'dialogue', target: d.id }}
        >
          <p className="fact-topics">{d.topics.map(humanise).join(' · ')}</p>
          <ProposeChangeButton kind="meeting" action="add" preset={{ dialogue: d.id }} label="Propose a new round…" />
        </FactItem>
      ))}
    </FactGroup>
  );
}
