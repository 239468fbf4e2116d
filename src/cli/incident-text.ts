// An incident as `cyberdiplo incidents show` prints it: what happened, to whom, who is suspected, who attributed it
// and what was done, in words (codes stay in --json).
import { capitalLabelOf, labelOf } from '../core/labels';
import { describeAttribution } from '../core/toolbox/attribution-needs';
import type { IncidentInput } from '../core/toolbox/incident';
import { SECTORS } from '../core/toolbox/sectors';

const sectorWords = (sector: string): string => (sector in SECTORS ? SECTORS[sector as keyof typeof SECTORS].label : labelOf(sector));

/** `measureTitle`: a measure's title in the toolbox (a response names its measure by id). */
export function incidentLines(i: IncidentInput, measureTitle: (id: string) => string | undefined = () => undefined): string[] {
  const { initiator: who } = i;
  const named = [...who.identifiedPersons, ...who.identifiedEntities];
  return [
    `category ${labelOf(i.category)}; start ${i.start}; ${i.ongoing ? 'ongoing' : `concluded${i.end ? ` ${i.end}` : ''}`}; severity ${labelOf(i.effects.severity)}`,
    `victims: ${i.victims.map((v) => `${v.country} (${sectorWords(v.sector)}${v.name ? `: ${v.name}` : ''})`).join(', ')}`,
    `initiator: ${[capitalLabelOf(who.type), who.name].filter(Boolean).join(', ')}${who.country ? ` (${who.country})` : ''}${named.length ? `; identified: ${named.join(', ')}` : ''}`,
    ...(i.attribution.length ? i.attribution.map((a) => `attribution: ${describeAttribution(a)}`) : ['attribution: none recorded']),
    ...i.responses.map((r) => `response: ${measureTitle(r.measure) ?? labelOf(r.measure)} on ${r.date} by ${r.by}${r.note ? ` (${r.note})` : ''}`),
  ];
}

/** The codings of the dataset the incident came from (EuRepoC's indicators and scores), a cell a line, as written. */
export function codingLines(i: IncidentInput): string[] {
  return (i.codings ?? []).flatMap((c) => [`codings of the source dataset (${c.source}; no rule reads them):`, ...Object.entries(c.cells).map(([column, value]) => `  ${column}: ${value}`)]);
}
