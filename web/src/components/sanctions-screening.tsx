// Name screening on the sanctions page: one name typed in, or a file of names (CSV, one a row; or JSON) with its
// results to download as CSV. Strong matches are the ones an officer must review before proceeding.
import { useId, useState } from 'react';
import { noMatchText } from '../../../src/core/sanctions/no-match';
import { api } from '../api';
import { formatDate } from '../lib/format';
import { namesOfFile, resultsCsv } from '../lib/screening';
import type { BatchScreenResult, ScreeningMatch, ScreenResult } from '../sanctions-types';

function MatchTable({ query, matches, caption }: { query: string; matches: ScreeningMatch[]; caption: string }) {
  if (matches.length === 0)
    return (
      <p data-testid="screen-verdict" role="status">
        {noMatchText(query)}
      </p>
    );
  return (
    <>
      <p data-testid="screen-verdict" role="status" className={matches[0]?.strong ? 'match-strong' : undefined}>
        {matches[0]?.strong ? 'Strong match: review before proceeding.' : 'Possible match only: no strong match.'}
      </p>
      <table className="data-table screening-matches">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Listed</th>
            <th scope="col">Score</th>
            <th scope="col">Strong</th>
            <th scope="col">Matched on</th>
            <th scope="col">Listed since</th>
            <th scope="col">In force</th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m) => (
            <tr key={m.targetId}>
              <th scope="row">{m.name}</th>
              <td>{m.score.toFixed(2)}</td>
              <td>{m.strong ? 'yes' : 'no'}</td>
              <td>
                {m.matchedOn} <span className="muted">({m.matchedAs})</span>
              </td>
              <td>{formatDate(m.listedSince)}</td>
              <td>{m.inForce ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function SanctionsScreening({ asOf }: { asOf: string | undefined }) {
  const id = useId();
  const [name, setName] = useState('');
  const [one, setOne] = useState<ScreenResult | null>(null);
  const [batch, setBatch] = useState<{ result: BatchScreenResult; href: string; file: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const screenOne = () =>
    run(async () => {
      setOne(await api.screen(name.trim(), asOf));
    });

  const screenFile = (file: File) =>
    run(async () => {
      const names = namesOfFile(file.name, await file.text());
      const result = await api.screenBatch(names, asOf);
      if (batch) URL.revokeObjectURL(batch.href);
      setBatch({ result, file: file.name, href: URL.createObjectURL(new Blob([resultsCsv(result)], { type: 'text/csv' })) });
    });

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Screen names</h2>
      <p className="muted">
        Compares a name with every name, alias, moniker and group name of those listed {asOf ? `on ${formatDate(asOf)}` : 'today'}, across transliterations and scripts.
      </p>
      <form
        className="screening-form"
        role="search"
        aria-label="Screen a name"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void screenOne();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>Name to screen</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={300} placeholder="e.g. Алексей Минин, APT28, 陈诚" />
        </div>
        <button type="submit" className="button" disabled={busy || !name.trim()}>
          Screen
        </button>
      </form>
      {one && <MatchTable query={one.query} matches={one.matches} caption={`Matches for “${one.query}” on ${formatDate(one.asOf)}`} />}
      {(one?.stale || batch?.result.stale) && (
        <p className="muted" data-testid="screen-stale">
          The sanctions data is known up to {formatDate((one ?? batch?.result)?.knownUntil ?? '')}: later listings are not in it, so the data may be stale.
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-file`}>Screen a file of names (CSV, one name a row; or JSON)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.txt,.json,text/csv,application/json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void screenFile(f);
          }}
        />
      </div>
      {batch && (
        <div data-testid="batch-result">
          <p role="status">
            {batch.result.results.length} names screened on {formatDate(batch.result.asOf)}: {batch.result.strong} with a strong match.{' '}
            <a href={batch.href} download={`screening-${batch.result.asOf}.csv`}>
              Download the results (CSV)
            </a>
          </p>
          <table className="data-table">
            <caption>Best match for each name of {batch.file}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Best match</th>
                <th scope="col">Score</th>
                <th scope="col">Strong</th>
              </tr>
            </thead>
            <tbody>
              {batch.result.results.map((r, i) => (
                <tr key={i}>
                  <th scope="row">{r.query}</th>
                  <td>{r.matches[0]?.name ?? '—'}</td>
                  <td>{r.matches[0] ? r.matches[0].score.toFixed(2) : '—'}</td>
                  <td>{r.matches[0]?.strong ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error !== null && (
        <p role="alert" className="notice notice-error">
          Could not screen: {error instanceof Error ? error.message : String(error)}
        </p>
      )}
    </section>
  );
}
