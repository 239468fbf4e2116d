// The partners (the ten strategic partners and the EU's other cyber-dialogue partners), each a way into its page.
import { Link } from 'react-router-dom';
import { api } from '../api';
import { AsyncView } from '../components/async-view';
import { AsOfProblem } from '../components/as-of-problem';
import { formatDate } from '../lib/format';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';
import { asOfParam, useUrlQuery } from '../lib/use-url-query';

export function PartnersPage() {
  useTitle('Partners');
  const [query, update] = useUrlQuery();
  // With ?asOf=, only the partners in the picture then: a cyber-dialogue partner from the start of its dialogue.
  const [asOf, setAsOf, asOfProblem] = asOfParam(query, update);
  const partners = useApi((s) => api.partners(s, asOf), `partners@${asOf ?? ''}`);
  return (
    <div className="page">
      <header className="page-header">
        <h1>Partners</h1>
        <p className="lede">Open a partner to read every fact of the partnership, its assessment and its gaps, at any date.</p>
        {asOf ? <p className="muted">The partners as of {formatDate(asOf)}: a cyber-dialogue partner appears from the start of its dialogue.</p> : null}
      </header>
      <AsOfProblem problem={asOfProblem} onClear={() => setAsOf(undefined)} />
      <AsyncView resource={partners} what="the partners">
        {(list) => (
          <ul className="partner-cards">
            {list.map((p) => (
              <li key={p.id}>
                <Link to={`/partners/${p.id}`} className="partner-card">
                  <span className="partner-code" aria-hidden="true">
                    {p.id}
                  </span>
                  <span className="partner-name">{p.name}</span>
                  {p.partnershipSince ? <span className="muted">strategic partner since {p.partnershipSince}</span> : null}
                  {p.group === 'cyber-dialogue-partner' && p.cyberDialogueSince ? (
                    <span className="muted">cyber dialogue since {formatDate(p.cyberDialogueSince)}</span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </AsyncView>
    </div>
  );
}
