// A response plan's exports: its measures as CSV under the incident's marking, and the way to the printed plan.
import { Link } from 'react-router-dom';
import { planTable } from '../lib/export-toolbox-tables';
import type { PlanMeasure, TlpLevel } from '../toolbox-types';
import { ExportBar } from './export-bar';

interface Props {
  incident: { id: string; title: string };
  measures: PlanMeasure[];
  tlp: TlpLevel;
  asOf: string | undefined;
  /** The printed plan of the same date as this one (the page's own link, which keeps a date chosen on it). */
  printLink: string;
}

export function PlanExport({ incident, measures, tlp, asOf, printLink }: Props) {
  return (
    <div className="plan-export">
      <ExportBar what={`Response plan: ${incident.title}`} tlp={tlp} asOf={asOf} table={() => planTable(measures, incident, tlp, asOf)} />
      <p className="muted no-print">
        For paper, the <Link to={printLink}>printable plan</Link> lays out the whole plan with the sightings and reports and their markings.
      </p>
    </div>
  );
}
