// One condition of a voting rule: what it asks, whether the vote meets it, and bars for weighted votes, members and population.
import type { VoteThreshold } from '../toolbox-types';
import { ThresholdBar } from './threshold-bar';

/** Conditions where a bar says nothing more than the sentence (zero votes against, at least one for). */
const NO_BAR = new Set(['no-vote-against', 'at-least-one-for']);

export function ThresholdRow({ threshold: t, participating }: { threshold: VoteThreshold; participating: number }) {
  const bars = !NO_BAR.has(t.id);
  return (
    <li className={`threshold ${t.met ? 'threshold-met' : 'threshold-unmet'}`}>
      <p className="threshold-text">
        <span className="threshold-mark-icon" aria-hidden="true">
          {t.met ? '✓' : '✕'}
        </span>
        <span className="visually-hidden">{t.met ? 'Met: ' : 'Not met: '}</span>
        {t.text.charAt(0).toUpperCase() + t.text.slice(1)}
      </p>
      {bars && t.required.votes !== undefined && t.actual.votes !== undefined && (
        <ThresholdBar label="Weighted votes" actual={t.actual.votes} required={t.required.votes} scale={t.required.votesOf ?? t.required.votes} unit="members" met={t.met} />
      )}
      {bars && t.required.members !== undefined && t.actual.members !== undefined && (
        <ThresholdBar label="Members" actual={t.actual.members} required={t.required.members} scale={participating} unit="members" met={t.met} />
      )}
      {bars && t.required.populationPercent !== undefined && t.actual.populationPercent !== undefined && (
        <ThresholdBar label="Population" actual={t.actual.populationPercent} required={t.required.populationPercent} scale={100} unit="percent" met={t.met} />
      )}
    </li>
  );
}
