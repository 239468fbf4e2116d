// An incident at a glance: kind, dates, victims, effects, initiator, attribution, responses taken, and the codings of
// the dataset it came from.
import { countryText } from '../lib/countries';
import { formatDate, humanise } from '../lib/format';
import { sectorLabel } from '../lib/sectors';
import { ATTRIBUTOR_TYPES, CONTEXT_FLAGS, EFFECT_FLAGS, FACTOR_FLAGS } from '../lib/vocabulary';
import type { Attribution, IncidentInput } from '../toolbox-types';
import { DetailsList } from './details-list';
import { IncidentCodings } from './incident-codings';
import { SourceList } from './source-list';

const count = new Intl.NumberFormat('en-GB');
const ATTRIBUTORS = new Map<string, string>(ATTRIBUTOR_TYPES);

/** The factors of significant effect the incident records, in words. */
function factorsOf(e: IncidentInput['effects']): string[] {
  return [
    ...(e.personsAffected !== undefined ? [`${count.format(e.personsAffected)} persons affected`] : []),
    ...(e.economicLoss !== undefined ? [`economic loss of €${count.format(e.economicLoss)}`] : []),
    ...FACTOR_FLAGS.filter(([k]) => e[k]).map(([, label]) => label.charAt(0).toLowerCase() + label.slice(1)),
  ];
}

function attributionText(a: Attribution): string {
  // The label starts a sentence in the form ("The EU (Council, High Representative)"); here only its first letter drops.
  const label = a.byType ? (ATTRIBUTORS.get(a.byType) ?? a.byType) : undefined;
  const who = label ? ` (${label.charAt(0).toLowerCase()}${label.slice(1)})` : '';
  return `${humanise(a.kind)} by ${a.by}${who}, ${a.confidence} confidence${a.public ? ', public' : ''}`;
}

export function IncidentSummary({ incident: i }: { incident: IncidentInput }) {
  const effects = EFFECT_FLAGS.filter(([k]) => i.effects[k]).map(([, label]) => label);
  const factors = factorsOf(i.effects);
  const circumstances = CONTEXT_FLAGS.filter(([k]) => i.context[k]).map(([, label]) => label);
  const who = [humanise(i.initiator.type), i.initiator.country ? countryText(i.initiator.country) : null, i.initiator.name].filter(Boolean).join(' · ');
  const named = [...i.initiator.identifiedPersons, ...i.initiator.identifiedEntities];
  return (
    <div className="incident-summary">
      {i.summary && <p>{i.summary}</p>}
      <DetailsList
        pairs={[
          ['Category', humanise(i.category)],
          ['Status', i.ongoing ? 'Ongoing' : 'Concluded'],
          ['Started', formatDate(i.start)],
          ...(i.detected ? [['Detected', formatDate(i.detected)] as [string, string]] : []),
          ...(i.disclosed ? [['Disclosed', formatDate(i.disclosed)] as [string, string]] : []),
          ...(i.end ? [['Ended', formatDate(i.end)] as [string, string]] : []),
          ['Victims', i.victims.map((v) => `${v.name ? `${v.name}, ` : ''}${countryText(v.country)} (${sectorLabel(v.sector) ?? humanise(v.sector)})`).join('; ')],
          ['Severity', humanise(i.effects.severity)],
          ['Effects', effects.length ? effects.join('; ') : 'None of the aggravating effects'],
          ...(factors.length ? [['Factors of significant effect', factors.join('; ')] as [string, string]] : []),
          ['Suspected initiator', who || 'Unknown'],
          ...(named.length ? [['Identified', named.join(', ')] as [string, string]] : []),
          [
            'Attribution',
            i.attribution.length
              ? i.attribution.map(attributionText).join('; ')
              : 'None',
          ],
          ...(circumstances.length ? [['Circumstances', circumstances.join('; ')] as [string, string]] : []),
          ...((i.responses ?? []).length
            ? [['Responses taken', (i.responses ?? []).map((r) => `${humanise(r.measure)} by ${r.by}, ${formatDate(r.date)}${r.note ? ` (${r.note})` : ''}`).join('; ')] as [string, string]]
            : []),
        ]}
      />
      {i.sources && i.sources.length > 0 && (
        <div data-testid="incident-sources">
          <h3>Sources</h3>
          <SourceList sources={i.sources} />
        </div>
      )}
      <IncidentCodings codings={i.codings} />
    </div>
  );
}
