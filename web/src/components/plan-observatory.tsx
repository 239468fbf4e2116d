// What the observatory holds on the initiator state, as the plan read it: the cyber-related dialogues, the
// criminal-justice agreements and the Budapest Convention status; a state it does not cover is said to be so.
import { Link } from 'react-router-dom';
import type { RelationAgreement, RelationDialogue, Relations } from '../api-types';
import { formatDate, humanise } from '../lib/format';
import { SourcesButton } from './sources-button';
import '../incident.css';

interface Props {
  observatory: Relations | null | undefined;
  /** 3 on the incident page, 2 in the print view. */
  level: 2 | 3;
  print?: boolean;
}

function Dialogue({ d, print }: { d: RelationDialogue; print: boolean }) {
  const kind = d.cyberSpecific ? 'cyber-specific' : `cyber among its topics (${d.topics.map(humanise).join(', ')})`;
  return (
    <li>
      {d.name} — {humanise(d.level)} level, {kind}
      {d.status !== 'active' && `; ${humanise(d.status).toLowerCase()}`}
      {!print && <SourcesButton sources={d.sources} label={d.name} />}
    </li>
  );
}

function Agreement({ a, print }: { a: RelationAgreement; print: boolean }) {
  return (
    <li>
      {a.title} — {humanise(a.type)}, {humanise(a.status).toLowerCase()}
      {a.usable ? ', usable now' : ', not usable now'}
      {!print && <SourcesButton sources={a.sources} label={a.title} />}
    </li>
  );
}

export function PlanObservatory({ observatory: o, level, print = false }: Props) {
  const H = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  const body = () => {
    if (!o) return <p>No initiator state is recorded, so the plan consulted no dialogue or agreement.</p>;
    if (!o.covered) {
      return (
        <p data-testid="observatory-not-covered">
          <strong>{o.state} is not covered by the observatory.</strong> It records no dialogue, agreement or Budapest Convention status with this
          state, which does not mean that none exists.
        </p>
      );
    }
    const budapest = o.budapestConvention;
    return (
      <>
        <p>
          The EU and {o.name ?? o.state} as of {formatDate(o.asOf)}
          {!print && (
            <>
              {' '}
              (<Link to={`/partners/${encodeURIComponent(o.state)}`}>the partner’s page</Link>)
            </>
          )}
          .
        </p>
        <Sub>Cyber-related dialogues</Sub>
        {o.cyberDialogues.length === 0 ? (
          <p>No active dialogue has a cyber topic: there is no dialogue in which to raise the incident.</p>
        ) : (
          <>
            {!o.cyberDialogues.some((d) => d.cyberSpecific) && <p>None of the active dialogues is cyber-specific; cyber is one topic among others.</p>}
            <ul>
              {o.cyberDialogues.map((d) => (
                <Dialogue key={d.id} d={d} print={print} />
              ))}
            </ul>
          </>
        )}
        {o.inactiveCyberDialogues.length > 0 && (
          <>
            <p>Not active on the date:</p>
            <ul>
              {o.inactiveCyberDialogues.map((d) => (
                <Dialogue key={d.id} d={d} print={print} />
              ))}
            </ul>
          </>
        )}
        <Sub>Criminal-justice agreements</Sub>
        {o.criminalJusticeAgreements.length === 0 ? (
          <p>None is recorded: no mutual legal assistance, extradition, Europol or Eurojust agreement.</p>
        ) : (
          <ul>
            {o.criminalJusticeAgreements.map((a) => (
              <Agreement key={a.id} a={a} print={print} />
            ))}
          </ul>
        )}
        <Sub>Budapest Convention</Sub>
        <p>
          {budapest ? `${humanise(budapest.status)}${budapest.stance ? ` (stance: ${budapest.stance})` : ''}.` : 'No status is recorded.'}
          {budapest && !print && <SourcesButton sources={budapest.sources} label="the Budapest Convention status" />}
        </p>
      </>
    );
  };
  return (
    <section aria-labelledby="observatory-heading" className={print ? 'plan-observatory' : 'card plan-observatory'} data-testid="plan-observatory">
      <H id="observatory-heading">The initiator state in the observatory</H>
      {body()}
    </section>
  );
}
