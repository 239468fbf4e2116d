// Cooperation delivered, the tensions the sources name, and the attention the partnership gets at the top.
import type { PartnerProfile } from '../api-types';
import { formatPeriod, humanise } from '../lib/format';
import { FactGroup } from './fact-group';
import { FactItem } from './fact-item';

export function PartnerCooperation({ profile }: { profile: PartnerProfile }) {
  const { cooperation, tensions, attention } = profile;
  return (
    <FactGroup id="cooperation" title="Cooperation and tensions" count={cooperation.length + tensions.length + attention.length} propose="cooperation">
      {cooperation.map((c) => (
        <FactItem key={c.id} label={c.title} title={c.title} tags={[c.kind && humanise(c.kind), formatPeriod(c.from, c.until, c.reported)]} summary={c.summary} datedNotes={c.datedNotes} sources={c.sources} change={{ kind: 'cooperation', target: c.id }} />
      ))}
      {tensions.map((t) => (
        <FactItem key={t.id} label={t.title} title={t.title} tags={['tension', formatPeriod(t.from, t.until, t.reported)]} summary={t.summary} datedNotes={t.datedNotes} sources={t.sources} />
      ))}
      {attention.map((a, i) => (
        <FactItem key={`attention-${i}`} label={`${a.level} attention ${a.year}`} title={`${humanise(a.level)} attention, ${a.year}`} tags={[]} summary={a.note} sources={a.sources} />
      ))}
    </FactGroup>
  );
}
