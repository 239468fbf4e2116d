// The live outcome of a Council vote: adopted or not, each threshold with its bars, and what would flip it.
import { countryText } from '../lib/countries';
import { CHOICES } from '../lib/vote-model';
import type { VoteResult as Result } from '../toolbox-types';
import { SourcesButton } from './sources-button';
import { ThresholdRow } from './threshold-row';

const choiceLabel = (c: string) => (CHOICES.find(([k]) => k === c)?.[1] ?? c).toLowerCase();

export function VoteResult({ result, pending }: { result: Result; pending: boolean }) {
  const participating = result.counts.participating ?? result.counts.members ?? 27;
  const flips = result.whatWouldFlip.map((f) => (typeof f === 'string' ? f : f.text));
  return (
    <div className="vote-result" aria-busy={pending}>
      <p className={`verdict ${result.adopted ? 'verdict-adopted' : 'verdict-rejected'}`} role="status" aria-live="polite" data-testid="verdict">
        <span aria-hidden="true">{result.adopted ? '✓' : '✕'}</span> {result.adopted ? 'Adopted' : 'Not adopted'}
      </p>
      {result.title && (
        <p className="muted">
          {result.title}
          {result.basis ? ` (${result.basis})` : ''}
          {result.year ? (result.populationFigures === 'none' ? `, ${result.year} (no population figures)` : `, ${result.figuresYear ?? result.year} population figures${result.figuresYear !== undefined ? ` (the latest in the data, for a vote in ${result.year})` : ''}`) : ''}
          {result.sources && <SourcesButton sources={result.sources} label="the voting rule and figures" />}
        </p>
      )}
      {result.counting && (
        <p className={result.counting.method === 'weighted-votes' ? 'notice' : 'muted'} data-testid="vote-counting">
          {result.counting.text}
          {result.counting.unverified ? ' (partly unverified)' : ''}
          <SourcesButton sources={result.counting.sources} label="how the qualified majority is counted" />
        </p>
      )}
      <ul className="vote-counts" aria-label="Votes">
        {CHOICES.map(([c, label]) => (
          <li key={c}>
            <span className="vote-count">{result.counts[c] ?? 0}</span> {label.toLowerCase()}
          </li>
        ))}
      </ul>
      <ul className="thresholds">
        {result.thresholds.map((t) => (
          <ThresholdRow key={t.id} threshold={t} participating={participating} />
        ))}
      </ul>
      {result.deemedReached && <p className="notice notice-unavailable">Deemed reached: too few members oppose to form a blocking minority.</p>}
      <h3>Pivotal member states</h3>
      {!result.pivotal || result.pivotal.length === 0 ? (
        <p className="muted" data-testid="pivotal">
          No single member state could reverse the outcome by changing its vote alone.
        </p>
      ) : (
        <p data-testid="pivotal">
          Each of these could reverse the outcome alone by voting {result.adopted ? 'against' : 'for'}: {result.pivotal.map((p) => `${countryText(p.state)} (now ${choiceLabel(p.from)})`).join(', ')}.
        </p>
      )}
      <h3>What would flip it</h3>
      {flips.length === 0 ? (
        <p className="muted">No change of votes among the members taking part would flip the outcome.</p>
      ) : (
        <ul className="vote-flip">
          {flips.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
      {result.constructiveAbstention && (
        <div className="notice" data-testid="constructive-abstention">
          <h3>Constructive abstention</h3>
          <p>
            {result.constructiveAbstention.text}
            {result.constructiveAbstention.unverified ? ' (partly unverified)' : ''}
            <SourcesButton sources={result.constructiveAbstention.sources} label="constructive abstention" />
          </p>
        </div>
      )}
      <details>
        <summary>The reasoning in full</summary>
        <ul className="vote-explanation">
          {result.explanation.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
