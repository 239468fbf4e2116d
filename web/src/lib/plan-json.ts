// The response plan as a JSON file: the object GET /api/incidents/:id/plan answers, under the incident's marking
// (first in the file, as the Markdown opens with it and every CSV row carries it), named by plan, date and marking.
import type { TlpLevel } from '../toolbox-types';
import { exportFileName } from './csv-export';
import { tlpLabel } from './tlp';

export interface PlanJsonFile {
  name: string;
  text: string;
}

/**
 * The file of a plan as the API answered it (`plan` unchanged, every field kept), with `marking` in front: a copy
 * taken out of its folder still says how far it may be shared. Its date is the plan's own (`asOf`).
 */
export function planJsonFile<P extends { asOf: string }>(plan: P, incident: { title: string; tlp: TlpLevel }, today: string): PlanJsonFile {
  const name = exportFileName({ view: 'plan', subject: incident.title, asOf: plan.asOf, tlp: incident.tlp }, today, 'json');
  return { name, text: `${JSON.stringify({ marking: tlpLabel(incident.tlp), ...plan }, null, 2)}\n` };
}
