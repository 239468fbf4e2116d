// "What did we do last time?": the past incidents most like this one, why each is comparable, what the EU and its
// member states did, and how long attribution and response took.
import { Link } from 'react-router-dom';
import { attributionText, formatPartialDate, responseText, similarity, timing } from '../lib/precedents';
import type { RankedPrecedent } from '../toolbox-types';
import { SourcesButton } from './sources-button';
import '../incident.css';

interface Props {
  precedents: RankedPrecedent[];
  /** 3 on the incident page, 2 in the print view. */
  level: 2 | 3;
  print?: boolean;
}

function Precedent({ p, level, print }: { p: RankedPrecedent; level: 2 | 3; print: boolean }) {
  const Title = level === 2 ? 'h3' : 'h4';
  const took = timing(p);
  return (
    <li className="precedent" data-testid="precedent">
      <div className="precedent-head">
        <Title>{p.origin === 'registry' && !print ? <Link to={`/incidents/${encodeURIComponent(p.id)}`}>{p.title}</Link> : p.title}</Title>
        <span className="tag">{similarity(p)} similar</span>
        {p.unverified && <span className="tag tag-warn">partly unverified</span>}
        {!print && <SourcesButton sources={p.sources} label={p.title} />}
      </div>
      <p className="muted">
        Started {formatPartialDate(p.start)} · {p.origin === 'registry' ? 'from the incident registry' : 'from the reviewed precedents'}
      </p>
      <p className="precedent-label">Comparable because</p>
      <ul>
        {p.why.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      {p.attribution.length > 0 && (
        <p>
          <strong>Attributed:</strong> {p.attribution.map(attributionText).join('; ')}
        </p>
      )}
      <p className="precedent-label">What was done</p>
      {p.responses.length === 0 ? (
        <p>No response is recorded.</p>
      ) : (
        <ul>
          {p.responses.map((r, i) => (
            <li key={i}>{responseText(r)}</li>
          ))}
        </ul>
      )}
      {took && <p data-testid="precedent-timing">{took}.</p>}
    </li>
  );
}

export function PlanPrecedents({ precedents, level, print = false }: Props) {
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="precedents-heading" className={print ? 'plan-precedents' : 'card plan-precedents'}>
      <H id="precedents-heading">Precedents</H>
      <p className="muted">
        Past incidents most like this one, ranked by the traits they share with it (category, initiator, victims, effects); the points of each trait are
        shown.
      </p>
      {precedents.length === 0 ? (
        <p>No comparable past incident is known: none shares the category or the initiator state.</p>
      ) : (
        <ol className="precedents">
          {precedents.map((p) => (
            <Precedent key={`${p.origin}-${p.id}`} p={p} level={level} print={print} />
          ))}
        </ol>
      )}
    </section>
  );
}
