// How the overview map colours a partner: by its orientation, its maturity, or its number of active cyber-related
// dialogues (the counts of lib/dialogue-counts.ts, which the headline and the year table read too).
import type { AssessmentFigures, PartnerSummary } from '../api-types';
import type { LegendEntry } from '../components/map-legend';
import type { MapPartner } from '../components/world-map';
import { humanise } from './format';
import { ORIENTATION_COLOURS, maturityColour } from './vocabulary';

export type ColourMode = 'orientation' | 'maturity' | 'dialogues';

export const COLOUR_MODES = [
  ['orientation', 'Orientation'],
  ['maturity', 'Maturity'],
  ['dialogues', 'Active cyber-related dialogues'],
] as const;

const NONE = '#d0d7de';

export function colourPartners(
  mode: ColourMode,
  partners: PartnerSummary[],
  assessments: AssessmentFigures[] | undefined,
  dialogues: Readonly<Record<string, number>> | undefined,
): { partners: MapPartner[]; legend: LegendEntry[] } {
  if (mode === 'dialogues') {
    const count = (id: string) => dialogues?.[id] ?? 0;
    const max = Math.max(1, ...partners.map((p) => count(p.id)));
    return {
      partners: partners.map((p) => {
        const n = count(p.id);
        return { id: p.id, name: p.name, fill: dialogues ? maturityColour((n / max) * 99) : NONE, valueLabel: dialogues ? `${n} active` : 'not loaded' };
      }),
      legend: [
        { colour: maturityColour(5), label: 'Few' },
        { colour: maturityColour(95), label: `Most (${max})` },
      ],
    };
  }
  const byId = new Map((assessments ?? []).map((a) => [a.id, a]));
  if (mode === 'orientation') {
    return {
      partners: partners.map((p) => {
        const a = byId.get(p.id);
        return { id: p.id, name: p.name, fill: a ? (ORIENTATION_COLOURS[a.orientation] ?? NONE) : NONE, valueLabel: a ? humanise(a.orientation) : 'not assessed' };
      }),
      legend: [...Object.entries(ORIENTATION_COLOURS).map(([k, colour]) => ({ colour, label: humanise(k) })), { colour: NONE, label: 'Not assessed' }],
    };
  }
  return {
    partners: partners.map((p) => {
      const a = byId.get(p.id);
      return { id: p.id, name: p.name, fill: a ? maturityColour(a.maturity) : NONE, valueLabel: a ? `maturity ${Math.round(a.maturity)}/100` : 'not assessed' };
    }),
    legend: [
      { colour: maturityColour(10), label: '0–19' },
      { colour: maturityColour(30), label: '20–39' },
      { colour: maturityColour(50), label: '40–59' },
      { colour: maturityColour(70), label: '60–79' },
      { colour: maturityColour(90), label: '80–100' },
      { colour: NONE, label: 'Not assessed' },
    ],
  };
}
