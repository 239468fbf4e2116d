// The regime's legal acts and what a listing does to a person or an entity, each with its sources.
import { andList, formatDate } from '../lib/format';
import type { SanctionsAct, SanctionsView } from '../sanctions-types';
import { DetailsList } from './details-list';
import { SourcesButton } from './sources-button';

function Act({ act }: { act: SanctionsAct }) {
  return (
    <>
      {act.act}, adopted {formatDate(act.adopted)}, on the basis of {act.legalBasis} <SourcesButton sources={act.sources} label={act.act} />
    </>
  );
}

export function SanctionsFramework({ framework: f }: { framework: SanctionsView['framework'] }) {
  const measures = f.measures;
  return (
    <section className="card" aria-labelledby="framework-heading">
      <h2 id="framework-heading">Legal acts and measures</h2>
      <p className="muted">{f.title}.</p>
      <DetailsList
        pairs={[
          ['Council decision (CFSP)', <Act key="decision" act={f.decision} />],
          ['Council regulation', <Act key="regulation" act={f.regulation} />],
        ]}
      />
      <h3 className="sanctions-subheading">
        What a listing does <SourcesButton sources={measures.sources} label="the measures" />
      </h3>
      <DetailsList
        pairs={[
          ['Listed persons', measures.persons.length ? capitalise(andList(measures.persons)) : '—'],
          ['Listed entities', measures.entities.length ? capitalise(andList(measures.entities)) : '—'],
          ['Both', capitalise(measures.also)],
        ]}
      />
    </section>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
