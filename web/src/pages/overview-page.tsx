// Overview: the partners on a world map, the headline figures, and the dialogues over the years.
import { useEffect } from 'react';
import { api } from '../api';
import type { DialogueFact, PartnerSummary, Timeline } from '../api-types';
import { AsyncView } from '../components/async-view';
import { DialogueTimeline } from '../components/dialogue-timeline';
import { ExportBar, PrintFooter } from '../components/export-bar';
import { ErrorMessage } from '../components/error-message';
import { HeadlineFigures, type Figure } from '../components/headline-figures';
import { MapLegend } from '../components/map-legend';
import { Segmented } from '../components/segmented';
import { WorldMap } from '../components/world-map';
import { currentDialogues, dialogueNames, TIMELINE_FROM } from '../lib/dialogue-counts';
import { COLOUR_MODES, colourPartners, type ColourMode } from '../lib/map-colouring';
import { dropEarly, earlyAnswer, takeEarly } from '../lib/overview-reads';
import { useApi, type Resource } from '../lib/use-api';
import { useTitle } from '../lib/use-title';
import { useUrlQuery } from '../lib/use-url-query';
import { loadWorld } from '../lib/world-data';

const isMode = (v: string | null): v is ColourMode => COLOUR_MODES.some(([m]) => m === v);

function figure<T>(r: Pick<Resource<T>, 'data' | 'error'>, value: (d: T) => string | number): string | number {
  if (r.data !== undefined) return value(r.data);
  if (r.error) return '—';
  return '…';
}

/** The year table as a CSV table; the code that writes it (and the citations) is loaded on the first download only. */
async function overviewTable(timeline: Timeline | undefined, partners: PartnerSummary[] | undefined, dialogues: DialogueFact[] | undefined) {
  if (!timeline || !partners) return undefined;
  const { timelineTable } = await import('../lib/export-tables');
  return timelineTable(timeline.activeCyberDialogues, partners, dialogues, TIMELINE_FROM);
}

export function OverviewPage() {
  useTitle('Overview');
  // Start fetching the map now, alongside the API calls, rather than once the partners have arrived (the entry has
  // started it already when the app opened here).
  useEffect(() => {
    loadWorld().catch(() => undefined);
  }, []);
  const [query, update] = useUrlQuery();
  const raw = query.get('colour');
  const mode: ColourMode = isMode(raw) ? raw : 'orientation';
  // The first load takes the answers the entry asked for when the app opened here (lib/overview-reads.ts).
  // Those that have come already are drawn in the page's first render, with the map, in one layout and paint.
  const partners = useApi((s) => takeEarly('partners') ?? api.partners(s), 'partners', () => earlyAnswer('partners'));
  const dialogues = useApi((s) => takeEarly('dialogues') ?? api.dialogues({}, s), 'dialogues', () => earlyAnswer('dialogues'));
  const assessments = useApi((s) => takeEarly('assessments') ?? api.assessmentFigures(undefined, s), 'assess', () => earlyAnswer('assessments'));
  const timeline = useApi((s) => takeEarly('timeline') ?? api.timeline(undefined, s), 'timeline', () => earlyAnswer('timeline'));
  const incidents = useApi((s) => takeEarly('incidents') ?? api.incidents({ limit: 1 }, s), 'incident-count', () => earlyAnswer('incidents'));
  // After the reads above have taken what they had not drawn: what they drew is taken too, once.
  useEffect(() => dropEarly(), []);
  // The headline, the map and the year table count the same dialogues: the timeline's last row.
  const now = timeline.data ? currentDialogues(timeline.data.activeCyberDialogues, dialogues.data) : undefined;
  const counted = { data: now, error: timeline.error };

  const figures: Figure[] = [
    { label: 'Strategic partners', value: figure(partners, (p) => p.filter((x) => x.group !== 'cyber-dialogue-partner').length) },
    {
      label: 'Other cyber-dialogue partners',
      value: figure(partners, (p) => p.filter((x) => x.group === 'cyber-dialogue-partner').length),
      note: 'beyond the ten, also on the map',
    },
    { label: 'Active cyber-related dialogues', value: figure(counted, (n) => n.total), note: 'today; on the map and in the last column below' },
    { label: 'Of which cyber-specific', value: figure(counted, (n) => n.cyberSpecific ?? (dialogues.error ? '—' : '…')), note: 'dialogues on cyber questions alone' },
    {
      label: 'Results-oriented partnerships',
      value: figure(assessments, (a) => a.filter((x) => x.orientation === 'results-oriented').length),
      note: assessments.error ? 'assessment unavailable' : undefined,
    },
    {
      label: 'Average maturity',
      value: figure(assessments, (a) => (a.length ? Math.round(a.reduce((s, x) => s + x.maturity, 0) / a.length) : '—')),
      note: assessments.error ? 'assessment unavailable' : 'out of 100',
    },
    { label: 'Incidents recorded', value: figure(incidents, (i) => i.total), note: incidents.error ? 'registry unavailable' : undefined },
  ];

  return (
    <div className="page page-overview">
      <header className="page-header">
        <h1>The EU's cyber partnerships</h1>
        <p className="lede">Ten strategic partners, the dialogues that bind them to the EU, and how each partnership delivers.</p>
      </header>

      <HeadlineFigures figures={figures} />

      <section className="card" aria-labelledby="map-heading">
        <div className="card-head">
          <h2 id="map-heading">Partners on the map</h2>
          <Segmented
            legend="Colour by"
            value={mode}
            options={COLOUR_MODES}
            onChange={(m) => update((q) => q.set('colour', m))}
          />
        </div>
        {mode !== 'dialogues' && assessments.error && <ErrorMessage error={assessments.error} what="the assessment" onRetry={assessments.reload} />}
        <AsyncView resource={partners} what="the partners">
          {(list) => {
            const coloured = colourPartners(mode, list, assessments.data, now?.byPartner);
            const title = COLOUR_MODES.find(([m]) => m === mode)?.[1] ?? mode;
            return (
              <div className="map-layout">
                <WorldMap partners={coloured.partners} caption={`World map of the partners, coloured by ${title.toLowerCase()}`} />
                <MapLegend entries={coloured.legend} partners={coloured.partners} title={title} />
              </div>
            );
          }}
        </AsyncView>
      </section>

      <section className="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Dialogues per partner per year</h2>
        <p className="muted">
          Cyber-related dialogues between the EU and each partner that were active at the end of each year. A dialogue whose start the sources do
          not give counts from the year a source first reported it; one that no source reports for three years has an unknown status and is not
          counted; one reported active only by an unverified source (a hypothesis or a low-grade report) is shown apart, not counted.
        </p>
        <ExportBar
          what="Dialogues per partner per year"
          tlp="clear"
          asOf={undefined}
          table={timeline.data && partners.data ? () => overviewTable(timeline.data, partners.data, dialogues.data) : undefined}
        />
        <AsyncView resource={timeline} what="the timeline">
          {(t) => <DialogueTimeline years={t.activeCyberDialogues} partners={partners.data ?? []} names={dialogueNames(dialogues.data)} />}
        </AsyncView>
      </section>
      <PrintFooter tlp="clear" />
    </div>
  );
}
