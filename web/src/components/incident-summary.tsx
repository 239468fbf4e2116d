// An incident at a glance: kind, dates, victims, effects, initiator, attribution, responses taken.
import { formatDate, humanise } from '../lib/format';
import { EFFECT_FLAGS } from '../lib/vocabulary';
import type { IncidentInput } from '../toolbox-types';
import { DetailsList } from './details-list';

export function IncidentSummary({ incident: i }: { incident: IncidentInput }) {
  const effects = EFFECT_FLAGS.filter(([k]) => i.effects[k]).map(([, label]) => label);
  const who = [humanise(i.initiator.type), i.initiator.country, i.initiator.name].filter(Boolean).join(' · ');
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
          ['Victims', i.victims.map((v) => `${v.name ? `${v.name}, ` : ''}${v.country} (${humanise(v.sector)})`).join('; ')],
          ['Severity', humanise(i.effects.severity)],
          ['Effects', effects.length ? effects.join('; ') : 'None of the aggravating effects'],
          ['Suspected initiator', who || 'Unknown'],
          ...(named.length ? [['Identified', named.join(', ')] as [string, string]] : []),
          [
            'Attribution',
            i.attribution.length
              ? i.attribution.map((a) => `${humanise(a.kind)} by ${a.by} (${a.confidence} confidence${a.public ? ', public' : ''})`).join('; ')
              : 'None',
          ],
          ...((i.responses ?? []).length
            ? [['Responses taken', (i.responses ?? []).map((r) => `${humanise(r.measure)} by ${r.by}, ${formatDate(r.date)}`).join('; ')] as [string, string]]
            : []),
        ]}
      />
    </div>
  );
}
