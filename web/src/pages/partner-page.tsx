// Partner: every fact of one partnership with its sources, replayable through time, with its assessment and gaps.
import { Link, useParams } from 'react-router-dom';
import { api } from '../api';
import { AsOfControl } from '../components/as-of-control';
import { AssessmentHistoryChart } from '../components/assessment-history';
import { AssessmentPanel } from '../components/assessment-panel';
import { AsyncView } from '../components/async-view';
import { ExportBar, PrintFooter } from '../components/export-bar';
import { GapsPanel } from '../components/gaps-panel';
import { PartnerAgreements } from '../components/partner-agreements';
import { PartnerChanges } from '../components/partner-changes';
import { PartnerCooperation } from '../components/partner-cooperation';
import { PartnerDialogues } from '../components/partner-dialogues';
import { PartnerDocuments } from '../components/partner-documents';
import { PartnerEvents } from '../components/partner-events';
import { unverifiedDialogueYears } from '../lib/unverified-years';
import type { PartnerProfile } from '../api-types';
import { PartnerPositions } from '../components/partner-positions';
import { PartnerStrategies } from '../components/partner-strategies';
import { PartnerSwitcher } from '../components/partner-switcher';
import { AsOfProblem } from '../components/as-of-problem';
import { partnerTable } from '../lib/export-tables';
import { formatDate, todayIso } from '../lib/format';
import { useApi } from '../lib/use-api';
import { asOfParam, useUrlQuery } from '../lib/use-url-query';
import { useTitle } from '../lib/use-title';

const SECTIONS = [
  ['documents', 'Documents'],
  ['dialogues', 'Dialogues'],
  ['agreements', 'Agreements'],
  ['positions', 'Positions'],
  ['cooperation', 'Cooperation'],
  ['strategies', 'Strategies'],
  // In one column (tablets), the assessment, timeline and gaps come after the facts: the links reach them too.
  ['assessment', 'Assessment'],
  ['events', 'Timeline'],
  ['gaps', 'Gaps'],
] as const;

/** The first year of the assessment-over-time chart. */
const HISTORY_FROM = 2010;

export function PartnerPage() {
  const id = (useParams().id ?? '').toUpperCase();
  const [query, update] = useUrlQuery();
  const [asOf, setAsOf, asOfProblem] = asOfParam(query, update);
  const key = `${id}@${asOf ?? ''}`;
  const partners = useApi((s) => api.partners(s), 'partners');
  const profile = useApi((s) => api.partner(id, asOf, s), key);
  const assessment = useApi((s) => api.assessment(id, asOf, s), key);
  const gaps = useApi((s) => api.gaps(id, asOf, s), key);
  const timeline = useApi((s) => api.partnerTimeline(id, asOf, s), key);
  // The assessment over time, from the first year of the cyber partnerships the papers review to the as-of year.
  const historyTo = Number((asOf ?? todayIso()).slice(0, 4));
  const history = useApi((s) => api.assessmentHistory(id, HISTORY_FROM, Math.max(HISTORY_FROM, historyTo), s), `${id}@${historyTo}`);
  const name = profile.data?.name ?? partners.data?.find((p) => p.id === id)?.name ?? id;
  useTitle(name);

  // A code the observatory does not hold: one message naming the partners it does, not an error per panel.
  if (partners.data && !partners.data.some((p) => p.id === id)) {
    return (
      <div className="page page-partner">
        <header className="page-header">
          <p className="breadcrumb">
            <Link to="/partners">Partners</Link> / {id}
          </p>
          <h1>No partner “{id}”</h1>
        </header>
        <div className="notice notice-error" role="alert">
          <p>The observatory holds no partner with the code “{id}”. Its partners are:</p>
          <ul className="unknown-partner-list">
            {partners.data.map((p) => (
              <li key={p.id}>
                <Link to={`/partners/${p.id}`}>{p.name}</Link> ({p.id})
              </li>
            ))}
          </ul>
        </div>
      </div>
    );
  }

  return (
    <div className="page page-partner">
      <header className="page-header">
        <p className="breadcrumb">
          <Link to="/partners">Partners</Link> / {name}
        </p>
        <h1>EU – {name}</h1>
        <p className="lede" aria-live="polite">
          {asOf ? `The partnership as it stood on ${formatDate(asOf)}.` : 'The partnership as it stands today.'}
          {profile.data?.partnershipSince ? ` Strategic partner since ${profile.data.partnershipSince}.` : ''}
          {profile.data?.group === 'cyber-dialogue-partner' && profile.data.cyberDialogueSince
            ? ` Not one of the ten strategic partners; cyber dialogue with the EU since ${formatDate(profile.data.cyberDialogueSince)}.`
            : ''}
        </p>
        <div className="toolbar">
          {partners.data && <PartnerSwitcher partners={partners.data} current={id} asOf={asOf} />}
          <AsOfControl value={asOf} onChange={setAsOf} />
          <Link className="button button-quiet" to={`/compare?ids=${id}`}>
            Compare…
          </Link>
        </div>
        <ExportBar
          what={`EU – ${name}`}
          tlp="clear"
          asOf={asOf}
          table={profile.data ? () => profile.data && partnerTable(profile.data, asOf, assessment.data, gaps.data) : undefined}
        />
      </header>
      <AsOfProblem problem={asOfProblem} onClear={() => setAsOf(undefined)} />

      <div className="partner-layout">
        <div className="partner-facts">
          <nav aria-label="Sections" className="section-nav">
            {SECTIONS.map(([s, label]) => (
              <a key={s} href={`#${s}-heading`}>
                {label}
              </a>
            ))}
          </nav>
          <AsyncView resource={profile} what="the partnership">
            {(p) => (
              <>
                <PartnerDocuments documents={p.documents} />
                <PartnerDialogues dialogues={p.dialogues} partner={id} partners={partners.data} />
                <PartnerAgreements agreements={p.agreements} />
                <PartnerPositions profile={p} />
                <PartnerCooperation profile={p} />
                <PartnerStrategies strategies={p.nationalStrategies} />
              </>
            )}
          </AsyncView>
        </div>
        <aside className="partner-side" aria-label="Assessment, timeline and gaps">
          <section className="card" aria-labelledby="assessment-heading">
            <h2 id="assessment-heading">Assessment</h2>
            <AsyncView resource={assessment} what="the assessment">
              {(a) => <AssessmentPanel assessment={a} />}
            </AsyncView>
            <h3>Over time</h3>
            <AsyncView resource={history} what="the assessment over time">
              {(h) => <AssessmentHistoryChart history={h} />}
            </AsyncView>
          </section>
          <PartnerChanges partner={id} />
          <section className="card" aria-labelledby="events-heading">
            <h2 id="events-heading">Timeline</h2>
            <AsyncView resource={timeline} what="the timeline">
              {(t) => <PartnerEvents events={t.events} unverified={unverifiedDialogueYears(t.activeCyberDialogues, dialogueNames(profile.data))} />}
            </AsyncView>
          </section>
          <section className="card" aria-labelledby="gaps-heading">
            <h2 id="gaps-heading">Gaps</h2>
            <p className="muted">What the partnership lacks against the EU's stated objectives.</p>
            <AsyncView resource={gaps} what="the gaps">
              {(g) => <GapsPanel gaps={g} />}
            </AsyncView>
          </section>
        </aside>
      </div>
      <PrintFooter tlp="clear" />
    </div>
  );
}

/** The partner's dialogues by id, to name those the timeline lists apart (ids until the profile has arrived). */
function dialogueNames(profile: PartnerProfile | undefined): Map<string, string> {
  return new Map((profile?.dialogues ?? []).map((d) => [d.id, d.name]));
}
