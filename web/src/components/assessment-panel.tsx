// A partnership's assessment: orientation and the rule behind it, maturity, the dimensions and the three
// purposes, each score with the facts that moved it.
import type { Assessment, ScoredPart } from '../api-types';
import { humanise } from '../lib/format';
import { ORIENTATION_COLOURS } from '../lib/vocabulary';
import { ExplanationList } from './explanation-list';
import { ScoreBar } from './score-bar';
import { SourcesButton } from './sources-button';

const PURPOSES = ['reflexive', 'relational', 'structural'] as const;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/\.$/, '');

export function OrientationBadge({ orientation }: { orientation: string }) {
  return (
    <span className="badge" style={{ background: ORIENTATION_COLOURS[orientation] ?? '#57606a' }}>
      {humanise(orientation)}
    </span>
  );
}

function Part({ id, part, colour }: { id: string; part: ScoredPart; colour: string }) {
  const title = part.title ?? humanise(id);
  return (
    <div className="purpose">
      <ScoreBar label={title} value={part.score} colour={colour} />
      <details>
        <summary>Why {Math.round(part.score)}</summary>
        <ExplanationList explanation={part.explanation} />
      </details>
    </div>
  );
}

export function AssessmentPanel({ assessment: a }: { assessment: Assessment }) {
  return (
    <div className="assessment">
      <p className="assessment-orientation">
        Orientation: <OrientationBadge orientation={a.orientation} />
        {a.orientationRule && <SourcesButton sources={a.orientationRule.sources} label="the orientation rule" />}
      </p>
      {a.orientationRule?.because && <p className="muted">{capitalise(a.orientationRule.because)}.</p>}
      <ScoreBar label={`Maturity${a.rank ? ` (rank ${a.rank} of 10)` : ''}`} value={a.maturity} />
      <details className="assessment-why">
        <summary>How the facts moved the maturity ({a.explanation.length} steps)</summary>
        <ExplanationList explanation={a.explanation} />
      </details>
      {a.dimensions && (
        <>
          <h3>Dimensions</h3>
          {Object.entries(a.dimensions).map(([id, part]) => (
            <Part key={id} id={id} part={part} colour="#3b6ea8" />
          ))}
        </>
      )}
      <h3>Purposes</h3>
      {PURPOSES.map((p) => {
        const part = a.purposes[p];
        return part ? <Part key={p} id={p} part={part} colour="#6a4fa3" /> : null;
      })}
      {a.weights && <p className="muted small">Weights: {a.weights}</p>}
    </div>
  );
}
