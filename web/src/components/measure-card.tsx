// One measure of the toolbox for an incident: open or closed, why, who decides by which rule, on which basis.
import { Link } from 'react-router-dom';
import { namePapers } from '../lib/citation';
import { reasonLabel } from '../lib/plan';
import { humanise } from '../lib/format';
import { decisionBodyName, decisionCell } from '../lib/decision-words';
import { isRecord, sourcesOf, textOf } from '../lib/describe';
import { isAttributionReason } from '../lib/measure-attribution';
import type { PlanReason, ShownMeasure } from '../toolbox-types';
import { AttributionLine } from './attribution-line';
import { SourcesButton } from './sources-button';

const RULES: Record<string, string> = {
  unanimity: 'unanimity',
  qmv: 'qualified majority',
  rqmv: 'reinforced qualified majority',
  none: 'no vote',
  national: 'national decision',
};

/** Council votes the simulator can play out (its rule presets); other rules have no vote to simulate. */
const SIMULATED = new Set(['unanimity', 'qmv', 'rqmv']);

/** A precondition closes the measure when it fails; advisories and procedure rules never do. */
const closes = (r: PlanReason) => !r.holds && r.kind !== 'advisory' && r.kind !== 'procedure';

function Reason({ reason: r }: { reason: PlanReason }) {
  const advisory = r.kind === 'advisory';
  const procedure = r.kind === 'procedure';
  const mark = advisory ? 'i' : procedure ? (r.holds ? '⇄' : '=') : r.holds ? '✓' : '✕';
  const cls = advisory || procedure ? 'reason reason-advisory' : r.holds ? 'reason reason-holds' : 'reason reason-fails';
  const said = advisory ? 'Note: ' : procedure ? (r.holds ? 'Rule changed: ' : 'Rule kept: ') : r.holds ? 'Holds: ' : 'Fails: ';
  return (
    <li className={cls}>
      <span className="reason-mark" aria-hidden="true">
        {mark}
      </span>
      <span className="visually-hidden">{said}</span>
      <span className="reason-text">{namePapers(r.text)}</span>
      <SourcesButton sources={r.sources} label={reasonLabel(namePapers(r.text))} />
    </li>
  );
}

function Body({ measure: m }: { measure: ShownMeasure }) {
  const proposed = m.decision.proposedBy?.map(decisionBodyName).join(', ');
  const change = m.decision.ruleChange;
  const vote = m.decision.by === 'council' && SIMULATED.has(m.decision.rule);
  return (
    <>
      {m.summary && <p className="muted">{namePapers(m.summary)}</p>}
      <p>
        <strong>Decision:</strong> {decisionCell(m.decision)}
        {proposed ? ` · proposed by ${proposed}` : ''}
        {vote && (
          <>
            {' · '}
            <Link to={`/vote?rule=${m.decision.rule}`} data-testid="vote-link">
              Simulate the Council vote ({RULES[m.decision.rule]})
            </Link>
          </>
        )}
      </p>
      {change && (
        <p className="measure-rule-change" data-testid="rule-change">
          <strong>Rule changed:</strong> {namePapers(change.text)}
        </p>
      )}
      {m.procedure && (
        <p>
          <strong>Procedure:</strong> {namePapers(m.procedure)}
        </p>
      )}
      {m.legalBasis.length > 0 && (
        <p>
          <strong>Legal basis:</strong>{' '}
          {m.legalBasis.map((b, i) => (
            <span key={i} className="basis">
              {i > 0 ? '; ' : ''}
              {isRecord(b) ? textOf(b.label ?? b) : textOf(b)}
              {isRecord(b) && <SourcesButton sources={sourcesOf(b)} label={textOf(b.label ?? b)} />}
            </span>
          ))}
        </p>
      )}
      {m.effect && (
        <p>
          <strong>Effect:</strong> {namePapers(m.effect)}
        </p>
      )}
    </>
  );
}

/**
 * An open measure shows everything; a closed one leads with what fails and keeps the rest a click away. The
 * attribution it rests on has a line of its own, in place of the engine's reason for it.
 */
export function MeasureCard({ measure: m }: { measure: ShownMeasure }) {
  const attributionReason = m.reasons.find((r) => isAttributionReason(m, r));
  const reasons = m.reasons.filter((r) => r !== attributionReason);
  const failing = reasons.filter(closes);
  const rest = m.available ? reasons : reasons.filter((r) => !failing.includes(r));
  return (
    <article id={`measure-${m.id}`} className={`measure ${m.available ? 'measure-open' : 'measure-closed'}`} tabIndex={-1} aria-labelledby={`measure-${m.id}-title`}>
      <header className="measure-head">
        <h4 id={`measure-${m.id}-title`}>{m.title}</h4>
        <span className={`tag ${m.available ? 'tag-open' : 'tag-closed'}`}>{m.available ? 'Open' : 'Closed'}</span>
        {m.decision.ruleChange && <span className="tag tag-live">Rule changed: {RULES[m.decision.ruleChange.to] ?? humanise(m.decision.ruleChange.to)}</span>}
        <span className="tag">{humanise(m.category)}</span>
        <SourcesButton sources={m.sources ?? []} label={m.title} />
      </header>
      {m.taken && m.taken.length > 0 && (
        <p className="measure-taken">
          <strong>Already taken:</strong> {m.taken.map((t) => `${t.by}, ${t.date}`).join('; ')}
        </p>
      )}
      {m.attribution && <AttributionLine attribution={m.attribution} reason={attributionReason} />}
      {!m.available && failing.length > 0 && (
        <ul className="reasons" aria-label="Why it is closed">
          {failing.map((r, i) => (
            <Reason key={`${r.rule}-${i}`} reason={r} />
          ))}
        </ul>
      )}
      {m.available ? (
        <>
          <Body measure={m} />
          <ul className="reasons" aria-label="Why it is open">
            {rest.map((r, i) => (
              <Reason key={`${r.rule}-${i}`} reason={r} />
            ))}
          </ul>
        </>
      ) : (
        <details>
          <summary>Decision, procedure and legal basis</summary>
          <Body measure={m} />
          <ul className="reasons" aria-label="Other conditions">
            {rest.map((r, i) => (
              <Reason key={`${r.rule}-${i}`} reason={r} />
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
