// The partners (the ten strategic partners and the EU's other cyber-dialogue partners), each a way into its page.
import { Link } from 'react-router-dom';
import { api } from '../api';
import { AsyncView } from '../components/async-view';
import { formatDate } from '../lib/format';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';

export function PartnersPage() {
  useTitle('Partners');
  const partners = useApi((s) => api.partners(s), 'partners');
  return (
    <div className="page">
      <header className="page-header">
        <h1>Partners</h1>
        <p className="lede">Open a partner to read every fact of the partnership, its assessment and its gaps, at any date.</p>
      </header>
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
