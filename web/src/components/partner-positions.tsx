// A partner's positions on the multilateral instruments (with what other sources say against them), its UN General
// Assembly votes on cyber resolutions, its memberships, and how the EU perceives it.
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
      tags={[view.reported ? `first reported ${formatDate(view.from)}, start not given` : `since ${formatDate(view.from)}`]}
      summary={view.note}
      datedNotes={view.datedNotes}
      sources={view.sources}
      unverified={view.unverified}
    >
      {earlier.length > 0 && (
        <p className="fact-history">
          Earlier: {earlier.map((h) => `${humanise(h.value)} (${formatDate(h.from)})`).join('; ')}
        </p>
      )}
      {(view.disagreements ?? []).map((d) => (
        <p key={d.claim} className="fact-history">
          Another source says: {d.claim} ({d.sources.map((s) => s.locator).join('; ')})
        </p>
      ))}
    </FactItem>
  );
}

export function PartnerPositions({ profile }: { profile: PartnerProfile }) {
  const { positions, membershipDetails, perception } = profile;
  const votes = profile.unVotes ?? [];
  const count =
    [positions.budapestConvention, positions.unCybercrimeConvention, positions.internetGovernance, positions.wcit2012, perception].filter(Boolean).length +
    membershipDetails.length +
    votes.length;
  return (
    <FactGroup id="positions" title="Positions and memberships" count={count} propose="position">
      <Position label="Budapest Convention" view={positions.budapestConvention} />
      <Position label="UN Convention against Cybercrime" view={positions.unCybercrimeConvention ?? null} />
      <Position label="Internet governance" view={positions.internetGovernance} />
      <Position label="WCIT-12 final acts" view={positions.wcit2012} />
      <Position label="Perceived by the EU as" view={perception} />
      {votes.map((v) => (
        <FactItem
          key={v.resolution}
          label={`UN General Assembly resolution ${v.resolution}`}
          title={
            <>
              Vote on UN General Assembly resolution {v.resolution}: <strong>{humanise(v.vote)}</strong>
            </>
          }
          tags={[formatDate(v.date)]}
          summary={v.note}
          sources={v.sources}
          unverified={v.unverified}
        />
      ))}
      {membershipDetails.map((m) => (
        <FactItem
          key={m.id}
          label={humanise(m.id)}
          title={`Member of ${humanise(m.id)}`}
          tags={[formatPeriod(m.from, m.until, m.reported), m.role]}
          summary={m.note}
          datedNotes={m.datedNotes}
          sources={m.sources}
        />
      ))}
    </FactGroup>
  );
}
