// Record a new incident, or edit one (with its current version loaded first), if the person's role allows it.
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import type { Me } from '../auth-types';
import { AsyncView } from '../components/async-view';
import { IncidentForm } from '../components/incident-form';
import { NotAllowed } from '../components/not-allowed';
import { emptyForm, fromInput } from '../lib/incident-form-model';
import { fromMarking, newMarking } from '../lib/marking-form';
import { allowance, changeAllowance } from '../lib/permissions';
import { useSession } from '../lib/session';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';
import type { ShownIncident, StoredIncident } from '../toolbox-types';
import type { Resource } from '../lib/use-api';

const ownOrg = (me: Me) => (me.principal.kind === 'anonymous' ? null : me.principal.org);

export function IncidentEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  // Loaded here, so that the breadcrumb can name the incident by its title.
  const stored = useApi((s) => (id ? api.incident(id, s) : Promise.resolve(null)), id ?? '');
  const title = stored.data?.incident.title;
  useTitle(id ? (title ? `Edit: ${title}` : 'Edit incident') : 'Record an incident');
  const onSaved = (s: StoredIncident) => navigate(`/incidents/${s.id}`);
  const mayCreate = allowance(me, 'incident.create');
  return (
    <div className="page page-incident-edit">
      <header className="page-header">
        <nav className="breadcrumb" aria-label="Breadcrumb" data-testid="breadcrumb">
          <Link to="/incidents">Incidents</Link> / {id ? <><Link to={`/incidents/${id}`}>{title ?? 'Incident'}</Link> / edit</> : 'new'}
        </nav>
        <h1>{id ? 'Edit the incident' : 'Record an incident'}</h1>
        <p className="lede">What happened, to whom, with what effects, and who is suspected. The response plan is drawn from these answers.</p>
      </header>
      {id ? (
        <EditExisting stored={stored} onSaved={onSaved} me={me} />
      ) : mayCreate.allowed ? (
        <IncidentForm initial={emptyForm()} initialMarking={newMarking(me.defaultTlp)} owner={ownOrg(me)} onSaved={onSaved} />
      ) : (
        <NotAllowed allowance={mayCreate} />
      )}
    </div>
  );
}

function EditExisting({ stored, onSaved, me }: { stored: Resource<ShownIncident | null>; onSaved: (s: StoredIncident) => void; me: Me }) {
  return (
    <AsyncView resource={stored} what="the incident">
      {(s) => {
        if (!s) return null;
        const may = changeAllowance(me, s.marking);
        if (!may.allowed) return <NotAllowed allowance={may} />;
        return <IncidentForm key={`${s.id}-${s.version}`} initial={fromInput(s.incident)} initialMarking={fromMarking(s.marking)} owner={s.marking.owner} id={s.id} onSaved={onSaved} />;
      }}
    </AsyncView>
  );
}
