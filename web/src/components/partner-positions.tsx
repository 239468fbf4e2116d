// A partner's positions on the multilateral instruments, its memberships, and how the EU perceives it.
import type { PartnerProfile, PositionView } from '../api-types';
import { formatDate, formatPeriod, humanise } from '../lib/format';
import { FactGroup } from './fact-group';
import { FactItem } from './fact-item';

function Position({ label, view }: { label: string; view: PositionView | null }) {
  if (!view) return null;
  const earlier = view.history.filter((h) => h.from !== view.from || h.value !== view.value);
  return (
    <FactItem
      label={label}
      title={
        <>
          {label}: <strong>{humanise(view.value)}</strong>
          {view.stance ? ` (${humanise(view.stance)})` : ''}
        </>
      }
      tags={[`since ${formatDate(view.from)}`]}
      summary={view.note}
      sources={view.sources}
      unverified={view.unverified}
    >
      {earlier.length > 0 && (
        <p className="fact-history">
          Earlier: {earlier.map((h) => `${humanise(h.value)} (${formatDate(h.from)})`).join('; ')}
        </p>
      )}
    </FactItem>
  );
}

export function PartnerPositions({ profile }: { profile: PartnerProfile }) {
  const { positions, membershipDetails, perception } = profile;
  const count = [positions.budapestConvention, positions.internetGovernance, positions.wcit2012, perception].filter(Boolean).length + membershipDetails.length;
  return (
    <FactGroup id="positions" title="Positions and memberships" count={count} propose="position">
      <Position label="Budapest Convention" view={positions.budapestConvention} />
      <Position label="Internet governance" view={positions.internetGovernance} />
      <Position label="WCIT-12 final acts" view={positions.wcit2012} />
      <Position label="Perceived by the EU as" view={perception} />
      {membershipDetails.map((m) => (
        <FactItem
          key={m.id}
          label={humanise(m.id)}
          title={`Member of ${humanise(m.id)}`}
          tags={[formatPeriod(m.from, m.until), m.role]}
          summary={m.note}
          sources={m.sources}
        />
      ))}
    </FactGroup>
  );
}
