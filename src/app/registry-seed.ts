// Seeds the incident registry with the reviewed precedents on a server's start, so that a first start is not empty:
// each precedent once, under its deterministic id, TLP:CLEAR and owned by no organisation. A precedent already in the
// registry, or one that was there and was deleted, is left as it is: analysts' edits and deletions stand.
import type { Actor } from '../core/auth/principal';
import { clearanceOf } from '../core/marking/clearance';
import type { RecordMarking } from '../core/marking/clearance';
import { validateIncidentInput, type IncidentInput } from '../core/toolbox/incident';
import { incidentVocabulary, type Toolbox } from '../core/toolbox/load';
import { incidentFromPrecedent, precedentIncidentId } from '../core/toolbox/precedent-incidents';
import type { IncidentRepository } from '../store/incident-repository';

export interface RegistrySeedReport {
  /** Ids of the incidents written by this start. */
  inserted: string[];
  /** Ids already in the registry, or deleted from it, and left as they are. */
  kept: string[];
}

/** How the audit trail names the writer of seeded incidents. */
export const SEED_ACTOR: Actor = { id: 'seed:precedents', org: null };

const CLEAR: RecordMarking = { tlp: 'clear', owner: null, sharedWith: [], recipients: [] };
const EVERYTHING = clearanceOf({ kind: 'local', org: null });

export async function seedPrecedentIncidents(toolbox: Toolbox, incidents: IncidentRepository<IncidentInput>, at: string): Promise<RegistrySeedReport> {
  const report: RegistrySeedReport = { inserted: [], kept: [] };
  const vocabulary = incidentVocabulary(toolbox);
  for (const precedent of toolbox.precedents.precedents) {
    const id = precedentIncidentId(precedent.id);
    const known = async () => (await incidents.history(EVERYTHING, id)).length > 0;
    if (await known()) {
      report.kept.push(id);
      continue;
    }
    const incident = validateIncidentInput(incidentFromPrecedent(precedent), vocabulary);
    try {
      await incidents.create(SEED_ACTOR, id, incident, CLEAR, at);
      report.inserted.push(id);
    } catch (error) {
      // Another server on the same database seeded it first.
      if (!(await known())) throw error;
      report.kept.push(id);
    }
  }
  return report;
}
