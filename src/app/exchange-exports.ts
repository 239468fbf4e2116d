// The exports of the exchange: a STIX 2.1 bundle of incidents, actors and attributions, and every list the API
// serves as CSV or JSON. Each holds only what the reader may see: records are filtered by TLP in SQL, and an
// attribution goes out only with both records it links, so that it never names a record the reader may not see.
import type { Principal } from '../core/auth/principal';
import { AppError } from '../core/errors';
import {
  exportMarking,
  exportStix,
  flatColumns,
  flatten,
  markingLabel,
  matrixRows,
  parseTableFormat,
  parseView,
  rowsToCsv,
  type ActorRecord,
  type AttributionRecord,
  type ReportRecord,
  type SightingRecord,
  type StixBundle,
} from '../core/exchange/index';
import { STRATEGY_COLUMNS, strategyRows } from '../core/kb/national-strategies';
import { z } from 'zod';
import { Assessment } from '../contract/assessment';
import { DialogueFact, PartnerSummary } from '../contract/knowledge-base';
import { PlanMeasure } from '../contract/toolbox';
import { ActorRecord as ActorSchema } from '../core/exchange/records';
import { clearanceOf } from '../core/marking/clearance';
import { targetOf } from '../core/sanctions/targets';
import { planToJson, type IncidentInput } from '../core/toolbox/index';
import type { ExportView } from '../core/exchange/views';
import type { ExchangeRepository, VisibleRecord } from '../store/exchange-repository';
import * as assessment from './assessment-service';
import type { Workbench } from './workbench';

/**
 * Each table view's columns, written as its CSV's header even when no row matches (a date before any dialogue, an
 * empty registry): the columns `flatten` makes of the records the view lists, read from their schemas, so that a
 * file's columns never depend on which rows it holds. The matrix's are its instruments, given with the matrix.
 */
export const INCIDENT_COLUMNS = ['id', 'title', 'start', 'end', 'ongoing', 'category', 'severity', 'victims', 'initiator.type', 'initiator.country', 'initiator.name', 'attributions', 'responses', 'tlp', 'source'] as const;
export const VIEW_COLUMNS = {
  partners: flatColumns(PartnerSummary),
  dialogues: flatColumns(DialogueFact),
  assessments: flatColumns(Assessment),
  incidents: [...INCIDENT_COLUMNS],
  plans: ['incident', 'title', 'measure', 'category', 'available', 'coercion', ...flatColumns(z.object({ decision: PlanMeasure.shape.decision, taken: PlanMeasure.shape.taken })), 'reasons'],
  actors: ['id', ...flatColumns(ActorSchema), 'tlp', 'source'],
  'national-strategies': [...STRATEGY_COLUMNS],
} as const satisfies Record<Exclude<ExportView, 'matrix' | 'stix'>, readonly string[]>;

/** The columns of a table view's CSV; the matrix's are its instruments (`['id', 'name', ...matrix.columns]`). */
export const viewColumns = (view: Exclude<ExportView, 'stix'>, matrixColumns: readonly string[] = []): readonly string[] =>
  view === 'matrix' ? ['id', 'name', ...matrixColumns] : VIEW_COLUMNS[view];

export interface ExportOutput {
  contentType: string;
  filename: string;
  body: string;
}

export class ExchangeExports {
  constructor(
    private readonly wb: Workbench,
    private readonly repo: ExchangeRepository,
  ) {}

  /** The incidents a principal may see, or the one asked for; a hidden one answers exactly like a missing one. */
  private async incidents(p: Principal, only?: string) {
    if (only !== undefined) await this.wb.toolbox.get(p, only);
    return this.repo.incidentsForExport(clearanceOf(p), only);
  }

  /** A bundle of every incident, actor and attribution the principal may see, or of one incident with its actors. */
  async stix(p: Principal, incidentId?: string): Promise<StixBundle> {
    const c = clearanceOf(p);
    const incidents = await this.incidents(p, incidentId);
    const incidentIds = new Set(incidents.map((i) => i.id));
    let actors = await this.repo.records<ActorRecord>(c, 'actor');
    const actorIds = new Set(actors.map((a) => a.id));
    const attributions = (await this.repo.records<AttributionRecord>(c, 'attribution')).filter((a) => {
      const { subject, target } = a.value;
      return actorIds.has(target) && (subject.kind === 'incident' ? incidentIds.has(subject.id) : incidentId === undefined && actorIds.has(subject.id));
    });
    if (incidentId !== undefined) {
      const targets = new Set(attributions.map((a) => a.value.target));
      actors = actors.filter((a) => targets.has(a.id));
    }
    const links = await this.repo.links();
    const out = <T>(a: VisibleRecord<T>) => this.repo.exportRecord(a.id, a.value, a.created_at, a.updated_at, links.get(a.id), a.tlp);
    // Sightings and reports the reader may see; exportStix keeps those about records of this bundle, and the listings
    // the register links to its incidents.
    return exportStix({
      incidents,
      actors: actors.map(out),
      attributions: attributions.map(out),
      sightings: (await this.repo.records<SightingRecord>(c, 'sighting')).map(out),
      reports: (await this.repo.records<ReportRecord>(c, 'report')).map(out),
      sanctions: incidents.length ? await this.listings() : [],
    });
  }

  /** Every listing the sanctions register holds, in force or ended, as the register shows it. */
  private async listings() {
    const data = await this.wb.sanctions.data();
    return data.register.entries.map((e) => targetOf(e, data));
  }

  /** Every list the API serves, as CSV or JSON (and STIX for incidents). */
  async view(p: Principal, viewRaw: string | undefined, q: { format?: string; asOf?: string; incident?: string }): Promise<ExportOutput> {
    const view = parseView(viewRaw);
    if (view === 'stix') {
      if (q.format !== undefined && q.format !== 'stix' && q.format !== 'json') throw new AppError('invalid_filter', 'The stix view is a STIX 2.1 bundle (JSON); leave out format', [{ path: 'format', message: 'stix only' }]);
      const bundle = await this.stix(p, q.incident);
      return { contentType: 'application/stix+json; charset=utf-8', filename: 'cyberdiplo-stix.json', body: JSON.stringify(bundle, null, 2) };
    }
    const format = parseTableFormat(q.format);
    let data: unknown;
    let rows: () => Record<string, unknown>[];
    let columns: readonly string[] = [];
    switch (view) {
      case 'partners':
        data = await this.wb.partners(q.asOf);
        rows = () => (data as Record<string, unknown>[]).map((x) => flatten(x));
        break;
      case 'dialogues':
        data = await this.wb.dialogues({}, q.asOf);
        rows = () => (data as Record<string, unknown>[]).map((x) => flatten(x));
        break;
      case 'matrix': {
        const m = await this.wb.matrix(q.asOf);
        data = m;
        rows = () => matrixRows(m as Parameters<typeof matrixRows>[0]);
        columns = viewColumns('matrix', m.columns);
        break;
      }
      case 'national-strategies': {
        const list = await this.wb.nationalStrategies(q.asOf);
        data = list;
        rows = () => strategyRows(list);
        break;
      }
      case 'assessments':
        data = await assessment.assess(this.wb, undefined, q.asOf);
        rows = () => (data as unknown as Record<string, unknown>[]).map((x) => flatten(x));
        break;
      case 'incidents': {
        const list = await this.incidentRows(p, q.incident);
        data = list.json;
        rows = () => list.csv;
        break;
      }
      case 'plans': {
        const list = await this.planRows(p, q.incident);
        data = list.json;
        rows = () => list.csv;
        break;
      }
      case 'actors': {
        const links = await this.repo.links('actor');
        const actors = (await this.repo.records<ActorRecord>(clearanceOf(p), 'actor')).map((a) => ({ ...a, marking: exportMarking(links.get(a.id)?.marking ?? null, a.tlp), source: links.get(a.id)?.source ?? null }));
        data = actors.map((a) => ({ id: a.id, ...a.value, marking: a.marking, source: a.source }));
        rows = () => actors.map((a) => ({ id: a.id, ...flatten(a.value), tlp: markingLabel(a.marking), source: a.source?.key ?? '' }));
        break;
      }
    }
    if (view !== 'matrix') columns = viewColumns(view);
    if (format === 'json') return { contentType: 'application/json; charset=utf-8', filename: `cyberdiplo-${view}.json`, body: JSON.stringify(data, null, 2) };
    return { contentType: 'text/csv; charset=utf-8', filename: `cyberdiplo-${view}.csv`, body: rowsToCsv(rows() as Parameters<typeof rowsToCsv>[0], columns) };
  }

  private async incidentRows(p: Principal, only?: string) {
    const list = await this.incidents(p, only);
    const json = list.map((i) => ({ id: i.id, ...i.body, marking: i.marking, source: i.source }));
    const csv = list.map(({ id, body: b, marking, source }): Record<(typeof INCIDENT_COLUMNS)[number], unknown> => ({
      id,
      title: b.title,
      start: b.start,
      end: b.end ?? '',
      ongoing: b.ongoing,
      category: b.category,
      severity: b.effects.severity,
      victims: b.victims.map((v) => `${v.country} ${v.sector}${v.name ? ` (${v.name})` : ''}`).join('; '),
      'initiator.type': b.initiator.type,
      'initiator.country': b.initiator.country ?? '',
      'initiator.name': b.initiator.name ?? '',
      attributions: b.attribution.map((a) => `${a.kind} by ${a.by}${a.date ? ` ${a.date}` : ''} (${a.confidence})`).join('; '),
      responses: b.responses.map((r) => `${r.measure} ${r.date} by ${r.by}`).join('; '),
      tlp: markingLabel(marking),
      source: source?.key ?? '',
    }));
    return { json, csv };
  }

  private async planRows(p: Principal, only?: string) {
    const list = await this.incidents(p, only);
    const json: unknown[] = [];
    const csv: Record<string, unknown>[] = [];
    for (const i of list) {
      const plan = planToJson(this.wb.toolbox.plan(i.body as IncidentInput));
      json.push({ incidentId: i.id, title: i.body.title, ...plan });
      for (const m of plan.measures) {
        csv.push({ incident: i.id, title: i.body.title, measure: m.id, category: m.category, available: m.available, coercion: m.coercion, ...flatten({ decision: m.decision, taken: m.taken }), reasons: m.reasons.filter((r) => !r.holds).map((r) => r.text).join('; ') });
      }
    }
    return { json, csv };
  }
}
