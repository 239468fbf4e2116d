// The documents that frame a partnership, newest first, with how much each says on cyber.
import type { DocumentFact } from '../api-types';
import { humanise } from '../lib/format';
import { FactGroup } from './fact-group';
import { FactItem } from './fact-item';

export function PartnerDocuments({ documents }: { documents: DocumentFact[] }) {
  const sorted = [...documents].sort((a, b) => b.year - a.year);
  return (
    <FactGroup id="documents" title="Documents" count={sorted.length} propose="document">
      {sorted.map((d) => (
        <FactItem
          key={d.id}
          label={d.title}
          title={d.url ? <a href={d.url} target="_blank" rel="noreferrer noopener">{d.title}</a> : d.title}
          tags={[String(d.year), humanise(d.type), `cyber: ${d.cyberMention}`, d.keyDocument && 'key document']}
          summary={d.summary}
          datedNotes={d.datedNotes}
          sources={d.sources}
          change={{ kind: 'document', target: d.id }}
        />
      ))}
    </FactGroup>
  );
}
