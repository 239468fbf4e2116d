// The reviewed precedents (data/toolbox/precedents.yaml) as registry incidents, so that the registry is not empty on
// first start: TLP:CLEAR, with a deterministic id per precedent, their attributions, the EU and member-state
// responses that were taken, and their sources. The registry needs a day for each date; where the sources give only a
// year or a month, the start, the detection and the disclosure are that period's first day and the summary says so,
// and a partial attribution date is left out of the record and given in the summary instead. The record keeps the
// detection and the disclosure, so that a plan does not count such an undated attribution before them
// (attributionKnownFrom): without them it would be bounded by the start alone, years too early for a campaign made
// public long after it began.
import { isValidIsoDate } from '../dates';
import { recordId } from '../exchange/hash';
import type { Precedent } from './precedents';

/** The registry id of a seeded precedent: a hash of its reviewed id, the same on every database. */
export const precedentIncidentId = (precedentId: string): string => recordId('inc', `precedent:${precedentId}`);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2018-04" → "April 2018", "2014" → "2014". */
function periodText(partial: string): string {
  const [year, month] = partial.split('-');
  return month ? `${MONTHS[Number(month) - 1] ?? month} ${year ?? ''}` : (year ?? partial);
}

/** The first day of a year or month ("2018-04" → "2018-04-01"); a full date is kept. */
const firstDay = (partial: string): string => (isValidIsoDate(partial) ? partial : partial.length === 4 ? `${partial}-01-01` : `${partial}-01`);

/**
 * The incident input for one precedent (validated by the caller with the incident schema). Attributions recorded in
 * the precedents are public statements by governments or the EU, so they are marked public with high confidence.
 */
export function incidentFromPrecedent(p: Precedent): Record<string, unknown> {
  const said: string[] = ['One of the past incidents the EU and its member states answered, from the reviewed precedents, recorded in the registry with its sources.'];
  if (!isValidIsoDate(p.start)) said.push(`The sources date the start to ${periodText(p.start)} only; the start date here is the first day of that period.`);
  if (p.detected !== undefined && !isValidIsoDate(p.detected)) said.push(`The sources date its detection to ${periodText(p.detected)} only; the detection date here is the first day of that period.`);
  if (p.disclosed !== undefined && !isValidIsoDate(p.disclosed)) said.push(`The sources date its disclosure to ${periodText(p.disclosed)} only; the disclosure date here is the first day of that period.`);
  for (const a of p.attribution) {
    if (a.date !== undefined && !isValidIsoDate(a.date)) said.push(`${a.by} attributed it in ${periodText(a.date)} (the sources give no day).`);
  }
  const taken = p.responses.filter((r) => r.measure !== undefined && isValidIsoDate(r.date));
  const others = p.responses.filter((r) => !taken.includes(r));
  if (others.length) said.push(`Other responses: ${others.map((r) => `${r.by}, ${periodText(r.date)}: ${r.what}`).join('; ')}.`);
  if (p.note) said.push(p.note);
  return {
    title: p.title,
    summary: said.join(' '),
    start: firstDay(p.start),
    ...(p.detected !== undefined ? { detected: firstDay(p.detected) } : {}),
    ...(p.disclosed !== undefined ? { disclosed: firstDay(p.disclosed) } : {}),
    ongoing: false,
    category: p.category,
    victims: p.victims.map((v) => ({ country: v.country, sector: v.sector, ...(v.name ? { name: v.name } : {}) })),
    effects: { ...p.effects },
    initiator: { type: p.initiator.type, country: p.initiator.country, ...(p.initiator.name ? { name: p.initiator.name } : {}) },
    attribution: p.attribution.map((a) => ({
      kind: a.kind,
      by: a.by,
      byType: a.byType,
      ...(a.date !== undefined && isValidIsoDate(a.date) ? { date: a.date } : {}),
      confidence: 'high',
      public: true,
    })),
    responses: taken.map((r) => ({ measure: r.measure, date: r.date, by: r.by, note: r.act ? `${r.what} (${r.act})` : r.what })),
    sources: p.sources,
  };
}
