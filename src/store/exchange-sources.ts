// The imported sightings and reports shown on an incident, filtered by the reader's clearance in SQL. Each is
// presented with its own fields only: never the other records it refers to, which the reader may not see.
import { sql } from 'kysely';
import type { ReportRecord, SightingRecord } from '../core/exchange/source-records';
import type { Clearance } from '../core/marking/clearance';
import type { TlpLevel } from '../core/marking/tlp';
import type { Db } from './db';
import { asTlp } from './marking-store';
import { effectiveTlp, markingJoins, visibleCondition } from './visibility';

export interface IncidentSighting {
  id: string;
  of: SightingRecord['of'];
  firstSeen: string | null;
  lastSeen: string | null;
  count: number | null;
  where: string[];
  description: string | null;
  summary: boolean;
  tlp: TlpLevel;
  /** The STIX id it was imported from. */
  source: string | null;
}

export interface IncidentReport {
  id: string;
  name: string;
  published: string;
  description: string | null;
  types: string[];
  externalReferences: ReportRecord['externalReferences'];
  tlp: TlpLevel;
  source: string | null;
}

export interface IncidentSources {
  sightings: IncidentSighting[];
  reports: IncidentReport[];
}

export async function incidentSources(db: Db, c: Clearance, incidentId: string, defaultTlp: TlpLevel): Promise<IncidentSources> {
  const rows = await sql<{ id: string; kind: string; body: string; tlp: string; source_key: string | null }>`
    SELECT r.id, r.kind, r.body, ${effectiveTlp(defaultTlp)} AS tlp, l.source_key
    FROM exchange_ref x JOIN exchange_record r ON r.id = x.record_id ${markingJoins('r.id')}
    WHERE x.target_id = ${incidentId} AND r.kind IN ('sighting', 'report') AND ${visibleCondition(c, 'r.id', defaultTlp)}
    ORDER BY r.kind, r.name, r.id`.execute(db);
  const out: IncidentSources = { sightings: [], reports: [] };
  for (const r of rows.rows) {
    const tlp = asTlp(r.tlp);
    if (r.kind === 'sighting') {
      const b = JSON.parse(r.body) as SightingRecord;
      out.sightings.push({ id: r.id, of: b.of, firstSeen: b.firstSeen ?? null, lastSeen: b.lastSeen ?? null, count: b.count, where: b.where, description: b.description ?? null, summary: b.summary, tlp, source: r.source_key });
    } else {
      const b = JSON.parse(r.body) as ReportRecord;
      out.reports.push({ id: r.id, name: b.name, published: b.published, description: b.description ?? null, types: b.types, externalReferences: b.externalReferences, tlp, source: r.source_key });
    }
  }
  // Newest observation first: what an analyst preparing a response looks for.
  out.sightings.sort((a, b) => (b.lastSeen ?? b.firstSeen ?? '').localeCompare(a.lastSeen ?? a.firstSeen ?? '') || a.id.localeCompare(b.id));
  return out;
}
