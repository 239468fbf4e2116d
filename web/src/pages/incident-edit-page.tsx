// Record a new incident, or edit one (with its current version loaded first).
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { AsyncView } from '../components/async-view';
import { IncidentForm } from '../components/incident-form';
import { emptyForm, fromInput } from '../lib/incident-form-model';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';
import type { StoredIncident } from '../toolbox-types';

export function IncidentEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  useTitle(id ? 'Edit incident' : 'Record an incident');
  const onSaved = (s: StoredIncident) => navigate(`/incidents/${s.id}`);
  return (
    <div className="page page-incident-edit">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/incidents">Incidents</Link> / {id ? 'edit' : 'new'}
        </p>
        <h1>{id ? 'Edit the incident' : 'Record an incident'}</h1>
        <p className="lede">What happened, to whom, with what effects, and who is suspected. The response plan is drawn from these answers.</p>
      </header>
      {id ? <EditExisting id={id} onSaved={onSaved} /> : <IncidentForm initial={emptyForm()} onSaved={onSaved} />}
    </div>
  );
}

function EditExisting({ id, onSaved }: { id: string; onSaved: (s: StoredIncident) => void }) {
  const stored = useApi((s) => api.incident(id, s), id);
  return (
    <AsyncView resource={stored} what="the incident">
      {(s) => <IncidentForm key={`${s.id}-${s.version}`} initial={fromInput(s.incident)} id={s.id} onSaved={onSaved} />}
    </AsyncView>
  );
}
