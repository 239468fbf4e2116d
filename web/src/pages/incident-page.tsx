// An incident and its response plan: what the EU can do, who decides, on which basis, and what is closed and why.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api';
import { AsyncView } from '../components/async-view';
import { AsOfControl } from '../components/as-of-control';
import { AsOfProblem } from '../components/as-of-problem';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Guarded } from '../components/guarded';
import { IncidentAccess } from '../components/incident-access';
import { IncidentHistory } from '../components/incident-history';
import { IncidentMarkingNote } from '../components/incident-marking-note';
import { IncidentReports } from '../components/incident-reports';
import { IncidentSightings } from '../components/incident-sightings';
import { IncidentSummary } from '../components/incident-summary';
import { PlanExport } from '../components/plan-export';
import { ResponsePlan } from '../components/response-plan';
import { downloadText, exportFileName } from '../lib/csv-export';
import { formatDate, todayIso } from '../lib/format';
import { planAsOf } from '../lib/as-of';
import { allowance, changeAllowance, isTeamMode } from '../lib/permissions';
import { identifiedCount, planMeasures, readCatalogue } from '../lib/plan';
import { planJsonFile } from '../lib/plan-json';
import { useSession } from '../lib/session';
import { useApi } from '../lib/use-api';
import { useTitle } from '../lib/use-title';
import { asOfParam, useUrlQuery } from '../lib/use-url-query';
import type { ResponsePlan as PlanAnswer, TlpLevel } from '../toolbox-types';

/** Saves the plan the page shows, as the API answered it, under the incident's marking. */
function savePlanJson(plan: PlanAnswer, incident: { title: string; tlp: TlpLevel }): void {
  const file = planJsonFile(plan, incident, todayIso());
  downloadText(file.text, file.name, 'application/json');
}

export function IncidentPage() {
  const id = useParams().id ?? '';
  const navigate = useNavigate();
  const { me } = useSession();
  const stored = useApi((s) => api.incident(id, s), id);
  // The plan's date (?asOf=, from the incident's start up to today; today by default): a trainer replays a past case.
  const [query, update] = useUrlQuery();
  const [addressDate, setAsOf, addressProblem] = asOfParam(query, update);
  const checked = planAsOf(addressDate, stored.data?.incident.start);
  const asOf = checked.asOf;
  const asOfProblem = addressProblem ?? checked.problem;
  const plan = useApi((s) => api.plan(id, asOf, s), `${id}-${stored.data?.version ?? 0}@${asOf ?? ''}`);
  const printLink = `/incidents/${id}/print${asOf ? `?asOf=${asOf}` : ''}`;
  const catalogue = useApi((s) => api.measures(s), 'measures');
  const [confirming, setConfirming] = useState(false);
  const title = stored.data?.incident.title;
  useTitle(title ?? 'Incident');

  // Runs from the app's confirmation dialog; a refusal is shown in the dialog, which stays open.
  const remove = async () => {
    await api.deleteIncident(id);
    setConfirming(false);
    navigate('/incidents', { state: { notice: `“${title ?? id}” is deleted. Its history is kept.` } });
  };

  return (
    <div className="page page-incident">
      <nav className="breadcrumb" aria-label="Breadcrumb" data-testid="breadcrumb">
        <Link to="/incidents">Incidents</Link> / {title ?? (stored.error ? id : 'Incident')}
      </nav>
      <AsyncView resource={stored} what="the incident">
        {(s) => (
          <>
            <header className="page-header">
              <h1>{s.incident.title}</h1>
              <IncidentMarkingNote marking={s.marking} teamMode={isTeamMode(me)} />
              <div className="toolbar">
                <Guarded allowance={changeAllowance(me, s.marking)} label="Edit" signInLabel="Sign in to edit">
                  <Link className="button" to={`/incidents/${id}/edit`}>
                    Edit
                  </Link>
                </Guarded>
                <Link className="button" to={printLink}>
                  Print view
                </Link>
                <a className="button button-quiet" href={api.planMarkdownUrl(id, asOf)} download={exportFileName({ view: 'plan', subject: s.incident.title, asOf: plan.data?.asOf, tlp: s.marking.tlp }, todayIso(), 'md')}>
                  Plan as Markdown
                </a>
                <button type="button" className="button button-quiet" disabled={!plan.data} onClick={() => plan.data && savePlanJson(plan.data, { title: s.incident.title, tlp: s.marking.tlp })}>
                  Plan as JSON
                </button>
                <Guarded allowance={allowance(me, 'incident.delete')} label="Delete" className="button button-danger">
                  <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
                    Delete
                  </button>
                </Guarded>
              </div>
              <ConfirmDialog open={confirming} title="Delete this incident?" confirmLabel="Delete the incident" onConfirm={remove} onClose={() => setConfirming(false)}>
                <p>
                  “{s.incident.title}” leaves the registry and its response plan with it. Its history is kept: the versions and who changed them stay in the audit trail.
                </p>
              </ConfirmDialog>
            </header>
            <IncidentAccess
              stored={s}
              onSaved={(saved, visible) => {
                if (visible) stored.reload();
                else navigate('/incidents', { state: { notice: `The marking of “${saved.incident.title}” is saved. You can no longer see the incident.` } });
              }}
            />
            <div className="incident-layout">
              <section className="card" aria-labelledby="incident-heading">
                <h2 id="incident-heading">The incident</h2>
                <IncidentSummary incident={s.incident} />
                <details>
                  <summary>History (version {s.version})</summary>
                  <IncidentHistory id={id} version={s.version} />
                </details>
              </section>
              <IncidentSightings sightings={s.sightings} />
              <IncidentReports reports={s.reports} />
            </div>
            <section aria-labelledby="plan-heading" className="plan-section">
              <h2 id="plan-heading">Response plan</h2>
              <p className="muted">
                {asOf
                  ? `Made on ${formatDate(asOf)}: the rules, the Council, the sanctions listings, the observatory and the precedents as they stood that day; attributions and responses dated later are not counted.`
                  : 'Made today. Choose an earlier date, from the day the incident began, to see the plan as it stood then.'}
              </p>
              <AsOfControl value={asOf} onChange={setAsOf} min={s.incident.start} label="Plan made on" />
              <AsOfProblem problem={asOfProblem} onClear={() => setAsOf(undefined)} />
              <AsyncView resource={plan} what="the response plan">
                {(p) => {
                  const measures = planMeasures(p, catalogue.data === undefined ? undefined : readCatalogue(catalogue.data));
                  return (
                    <>
                      <PlanExport incident={{ id, title: s.incident.title }} measures={measures} tlp={s.marking.tlp} asOf={p.asOf} printLink={printLink} />
                      <ResponsePlan plan={p} measures={measures} identified={identifiedCount(s.incident)} />
                    </>
                  );
                }}
              </AsyncView>
            </section>
          </>
        )}
      </AsyncView>
    </div>
  );
}
