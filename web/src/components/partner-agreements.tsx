// Agreements between the EU (or Europol, Eurojust) and a partner, with their status at the as-of date and, for a status
// that may have moved since (considered, negotiating...), the year to which a source last reports it.
import type { AgreementFact } from '../api-types';
import { statusAsOfText } from '../../../src/core/kb/record-coverage-text';
import { unverifiedStatusNote } from '../../../src/core/kb/unverified-status';
import { humanise } from '../lib/format';
import { FactGroup } from './fact-group';
import { FactItem } from './fact-item';

/** The note as a sentence of its own. */
const capitalised = (t: string | undefined) => (t ? `${t.charAt(0).toUpperCase()}${t.slice(1)}.` : '');

export function PartnerAgreements({ agreements }: { agreements: AgreementFact[] }) {
  return (
    <FactGroup id="agreements" title="Agreements" count={agreements.length} propose="agreement">
      {agreements.map((a) => (
        <FactItem
          key={a.id}
          label={a.title}
          title={a.title}
          tags={[
            humanise(a.type),
            a.statusReported ? `${humanise(a.status)} (first reported ${a.year})` : `${humanise(a.status)} (${a.year})`,
            a.statusAsOf && statusAsOfText(a.statusAsOf),
            a.statusUnverified && 'unverified, not counted',
            a.signedYear !== null && `signed ${a.signedYear}`,
            a.inForceYear !== null && `in force ${a.inForceYear}`,
            a.euParty !== 'eu' && `EU party: ${humanise(a.euParty)}`,
          ]}
          summary={a.summary}
          datedNotes={a.statusHistory.flatMap((s) => s.datedNotes ?? [])}
          sources={a.sources}
          change={{ kind: 'agreement', target: a.id }}
        >
          {a.statusUnverified && <p className="fact-history">{capitalised(unverifiedStatusNote(a))}</p>}
        </FactItem>
      ))}
    </FactGroup>
  );
}
