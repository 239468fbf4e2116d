// Response plans kept in the derived views' cache. A plan reads the incident, the reviewed toolbox files (read once when
// the workbench opens), the observatory's relations with the initiator state (the knowledge base's version), the
// sanctions register (its imports), the registry incidents the reader may see as precedents (the incident version,
// moved by every write of incidents, markings and grants, and the reader's clearance) and its date (the one asked for,
// or today resolved by the workbench's clock before the key is made). All of these are in the key, the incident as the
// digest of its JSON; a plan whose computation saw a version move (another process wrote meanwhile) is answered but
// not kept.
import { createHash } from 'node:crypto';
import type { Principal } from '../core/auth/principal';
import { ANONYMOUS } from '../core/auth/principal';
import { clearanceKey, clearanceOf } from '../core/marking/clearance';
import type { TlpLevel } from '../core/marking/tlp';
import type { IncidentInput } from '../core/toolbox/index';
import { checkFilter } from '../core/kb/filters';
import { derivedCache, type ViewForm } from './assessment-service';
import { PLAN_FORMATS, type PlanFormat } from './toolbox-service';
import type { Workbench } from './workbench';

export interface PlanOptions {
  principal?: Principal;
  selfId?: string;
  marking?: TlpLevel;
  asOf?: string | undefined;
  asOfField?: string;
  /** The request's arrival stamp (version-reads.ts): the versions are read after the request arrived. */
  arrived?: number;
}

/** The versions a plan depends on, read in one statement. */
async function planVersions(wb: Workbench, arrived?: number): Promise<string> {
  const [kb, incident, sanctions] = await Promise.all([wb.versions.kb(arrived), wb.versions.incident(arrived), wb.versions.sanctions(arrived)]);
  return JSON.stringify([kb, incident, sanctions]);
}

/** The plan's key in the derived views' cache and the check that its versions still hold (see above). */
async function planKey(wb: Workbench, incident: IncidentInput, format: string | undefined, opts: PlanOptions) {
  const tb = wb.toolbox;
  // Refused as respond refuses them, before a key is made: a bad format or date is never a cached answer.
  const f = checkFilter('format', format, PLAN_FORMATS) ?? 'json';
  const date = tb.planDate(incident, opts.asOf, opts.asOfField);
  await wb.sanctions.ready();
  const versions = await planVersions(wb, opts.arrived);
  const digest = createHash('sha256').update(JSON.stringify(incident)).digest('base64url');
  const reader = JSON.stringify(clearanceKey(clearanceOf(opts.principal ?? ANONYMOUS)));
  const parts = ['plan', versions, reader, digest, opts.selfId, opts.marking, date, f];
  return { f, date, parts, keep: async () => (await planVersions(wb)) === versions };
}

/** The plan `ToolboxService.respond` answers, computed once per key (see above). */
export async function cachedPlan(wb: Workbench, incident: IncidentInput, format: string | undefined, opts: PlanOptions = {}): Promise<{ format: PlanFormat; body: unknown }> {
  const { f, date, parts, keep } = await planKey(wb, incident, format, opts);
  return derivedCache(wb).get(parts, () => wb.toolbox.respond(incident, f, { ...opts, asOf: date }), { keep });
}

/**
 * A JSON plan's answer with `fields` before the plan's own (a recorded incident's id), in the server's form `form`
 * (its encoded bytes), kept under the plan's key, the fields and the form's name: the plan is neither presented nor
 * written out again for each request.
 */
export async function cachedPlanForm<F>(wb: Workbench, incident: IncidentInput, fields: Record<string, unknown>, form: ViewForm<F>, opts: PlanOptions = {}): Promise<F> {
  const { parts, keep } = await planKey(wb, incident, 'json', opts);
  const plan = () => cachedPlan(wb, incident, 'json', opts);
  return derivedCache(wb).get([...parts, JSON.stringify(fields), form.name], async () => form.make({ ...fields, ...((await plan()).body as object) }), { keep, size: form.size });
}
