// What a partnership lacks against the EU's stated objectives, each gap with the objective it serves and
// its sources; the objectives already met are listed beneath.
import type { GapItem, Gaps } from '../api-types';
import { SourcesButton } from './sources-button';

function Objective({ item }: { item: GapItem }) {
  const o = item.objective;
  return (
    <p className="muted">
      Serves: {o.title}
      {o.strategy ? ` (${o.strategy.title})` : ''}
    </p>
  );
}

export function GapsPanel({ gaps }: { gaps: Gaps }) {
  return (
    <div>
      {gaps.gaps.length === 0 ? (
        <p>No gap against the EU's objectives at this date.</p>
      ) : (
        <ul className="gaps">
          {gaps.gaps.map((g) => (
            <li key={`${g.rule.id}-${g.objective.id}`} className="gap">
              <div className="fact-head">
                <span>{g.rule.title}</span>
                <SourcesButton sources={[...g.rule.sources, ...g.objective.sources]} label={g.rule.title} />
              </div>
              {g.lacking && <p className="gap-lacking">Lacking: {g.lacking}</p>}
              <Objective item={g} />
            </li>
          ))}
        </ul>
      )}
      {gaps.met.length > 0 && (
        <details>
          <summary>Objectives already served ({gaps.met.length})</summary>
          <ul className="gaps">
            {gaps.met.map((g) => (
              <li key={`${g.rule.id}-${g.objective.id}`} className="gap gap-met">
                <div className="fact-head">
                  <span>✓ {g.rule.title}</span>
                  <SourcesButton sources={[...g.rule.sources, ...g.objective.sources]} label={g.rule.title} />
                </div>
                <Objective item={g} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
