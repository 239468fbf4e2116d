// "What changed since": for a partner, the dated facts that began, changed or ended since a date the analyst picks
// (the date of their last note), and the curated changes published since then with who proposed and approved them.
import { useState } from 'react';
import { useLocation } from 'react-router-dom';
import '../curation.css';
import { kbChanges, KIND_WORDS } from '../lib/kb-changes';
import { formatDate, formatDated, formatDateTime, humanise, isIsoDate } from '../lib/format';
import { useApi } from '../lib/use-api';
import { AsyncView } from './async-view';
import { SourcesButton } from './sources-button';

const defaultSince = () => `${new Date().getFullYear() - 2}-01-01`;

export function PartnerChanges({ partner }: { partner: string }) {
  // A replay (?asOf=) shows nothing from after its date; what changed since a date reads today's knowledge base.
  const asOf = new URLSearchParams(useLocation().search).get('asOf');
  if (asOf && isIsoDate(asOf)) {
    return (
      <section className="card" aria-labelledby="changes-heading">
        <h2 id="changes-heading">Changes since</h2>
        <p className="muted">This page replays the partnership as it stood on {formatDate(asOf)}. What changed since a date is read against today&apos;s knowledge base: go back to today to see it.</p>
      </section>
    );
  }
  return <ChangesSince partner={partner} />;
}

function ChangesSince({ partner }: { partner: string }) {
  const [typed, setTyped] = useState(defaultSince);
  const since = isIsoDate(typed) ? typed : defaultSince();
  const changes = useApi((s) => kbChanges.since(partner, since, s), `${partner}@${since}`);
  return (
    <section className="card" aria-labelledby="changes-heading">
      <h2 id="changes-heading">Changes since</h2>
      <label className="field">
        <span>Since</span>
        <input type="date" value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby="changes-hint" />
      </label>
      <p id="changes-hint" className="muted">
        What began, changed or ended from this date on, and the reviewed changes published since.
      </p>
      <AsyncView resource={changes} what="the changes">
        {(c) => (
          <>
            {c.facts.length === 0 ? (
              <p className="muted">Nothing dated since {formatDate(c.since)}.</p>
            ) : (
              <ul className="changes-list">
                {c.facts.map((f, i) => (
                  <li key={`${f.fact}-${f.date}-${i}`}>
                    <span className="tag">{f.change}</span> <time dateTime={f.date}>{formatDated(f.date, f.precision)}</time> {f.title}
                    {f.unverified && <span className="tag tag-warn">to be verified</span>} <SourcesButton sources={f.sources} label={f.title} />
                  </li>
                ))}
              </ul>
            )}
            {c.changes.length > 0 && (
              <>
                <h3>Reviewed changes published</h3>
                <ul className="changes-list">
                  {c.changes.map((x) => (
                    <li key={x.id}>
                      {humanise(x.action)} {KIND_WORDS[x.kind]} <code>{x.target}</code>: proposed by {x.proposedBy}, approved by {x.reviewedBy} on {formatDateTime(x.reviewedAt)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}
