// A partner's positions on the multilateral instruments (with what other sources say against them), its UN General
// Assembly votes on cyber resolutions, its memberships, and how the EU perceives it; where the record of the votes, of
// the UN Convention against Cybercrime's signatures and of the Paris Call's supporters stops.
import type { PartnerProfile, PositionView } from '../api-types';
import { coverageLabel, coverageTags, coverageText } from '../../../src/core/kb/record-coverage-text';
import { positionInForceText, positionValueText } from '../../../src/core/kb/budapest-in-force-text';
import { formatDate, formatPeriod, humanise } from '../lib/format';
import { FactGroup } from './fact-group';
import { FactItem } from './fact-item';

/**
 * Where the record of a kind of fact stops: the source's last day, said in words when the view is later (a reader in
 * 2026 is told later votes, signatures or supporters are not in the data), with what the sources give after it, each
 * under its date.
 */
function Coverage({ coverage }: { coverage: NonNullable<PartnerProfile['unVoteCoverage']> }) {
  const label = coverageLabel(coverage.kind);
  return (
    <FactItem
      label={`${label}: coverage of the record`}
      title={
        <>
          {label}: <strong>recorded to {formatDate(coverage.to)}</strong>
        </>
      }
      tags={coverageTags(coverage)}
      summary={`${coverageText(coverage)} ${coverage.note}`}
      datedNotes={coverage.later}
      sources={[...coverage.sources, ...coverage.later.flatMap((l) => l.sources)]}
    />
  );
}

function Position({ label, view }: { label: string; view: PositionView | null }) {
  if (!view) return null;
  // A ratification of the Budapest Convention says when it entered into force for the partner, beside the ratification.
  const inForce = positionInForceText(view, formatDate);
  const earlier = view.history.filter((h) => h.from !== view.from || h.value !== view.value);
  return (
    <FactItem
      label={label}
      title={
        <>
          {label}: <strong>{positionValueText(view, humanise)}</strong>
          {view.stance ? ` (${humanise(view.stance)})` : ''}
        </>
      }
      tags={[view.reported ? `first reported ${formatDate(view.from)}, start not given` : `since ${formatDate(view.from)}`]}
      summary={view.note}
      datedNotes={view.datedNotes}
      sources={view.sources}
      unverified={view.unverified}
    >
      {inForce && <p className="fact-history">{inForce.charAt(0).toUpperCase() + inForce.slice(1)}.</p>}
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
    votes.length +
    [profile.unVoteCoverage, profile.unCybercrimeCoverage, profile.parisCallCoverage].filter(Boolean).length;
  return (
    <FactGroup id="positions" title="Positions and memberships" count={count} propose="position">
      <Position label="Budapest Convention" view={positions.budapestConvention} />
      <Position label="UN Convention against Cybercrime" view={positions.unCybercrimeConvention ?? null} />
      {profile.unCybercrimeCoverage && <Coverage coverage={profile.unCybercrimeCoverage} />}
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
      {profile.unVoteCoverage && <Coverage coverage={profile.unVoteCoverage} />}
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
      {profile.parisCallCoverage && <Coverage coverage={profile.parisCallCoverage} />}
    </FactGroup>
  );
}
