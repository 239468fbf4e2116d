// A record's TLP marking as FIRST prints it: the level in its colour on black (TLP 2.0, "How to use TLP in email
// and in documents"), which keeps every level above the WCAG contrast minimum.
import { tlpLabel, TLP_MEANING } from '../lib/tlp';
import type { TlpLevel } from '../toolbox-types';

export function TlpLabel({ level }: { level: TlpLevel }) {
  return (
    <span className={`tlp tlp-${level.replace('+', '-')}`} title={TLP_MEANING[level].disclosure}>
      {tlpLabel(level)}
    </span>
  );
}
