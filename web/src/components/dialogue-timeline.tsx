// The fabric of the partnerships over time: cyber-related dialogues active per partner per year, as a heat grid.
import { Link } from 'react-router-dom';
import type { ActiveDialoguesYear, PartnerSummary } from '../api-types';
import { TIMELINE_FROM } from '../lib/dialogue-counts';

/** Sequential blues; the text on each step keeps a contrast of at least 4.5:1. */
const STEPS = [
  ['#deebf7', '#000000'],
  ['#c6dbef', '#000000'],
  ['#9ecae1', '#000000'],
  ['#6baed6', '#000000'],
  ['#4292c6', '#000000'],
  ['#2171b5', '#ffffff'],
  ['#084594', '#ffffff'],
] as const;

function shade(n: number, max: number): { background: string; color: string } {
  if (n <= 0) return { background: 'transparent', color: '#57606a' };
  const step = STEPS[Math.min(STEPS.length - 1, Math.floor((n / Math.max(max, 1)) * (STEPS.length - 1)))] ?? STEPS[0];
  return { background: step[0], color: step[1] };
}

interface Props {
  years: ActiveDialoguesYear[];
  partners: PartnerSummary[];
  /** Years before this one are left out (the fabric is thin before the partnerships take shape). */
  from?: number;
  /** Dialogue names by id, for the cells' tooltips. */
  names?: ReadonlyMap<string, string>;
}

export function DialogueTimeline({ years, partners, from = TIMELINE_FROM, names: dialogueNames }: Props) {
  const shown = years.filter((y) => y.year >= from);
  if (shown.length === 0) return <p className="muted">No cyber-related dialogue is recorded in these years.</p>;
  const max = Math.max(0, ...shown.flatMap((y) => Object.values(y.byPartner)));
  const maxTotal = Math.max(0, ...shown.map((y) => y.total));
  return (
    <div className="scroll-x" tabIndex={0} role="region" aria-label="Dialogues per partner per year">
      <table className="heat-grid">
        <caption className="visually-hidden">Number of active cyber-related dialogues between the EU and each partner, by year</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            {shown.map((y) => (
              <th key={y.year} scope="col" className="year">
                <span aria-hidden="true">’{String(y.year).slice(2)}</span>
                <span className="visually-hidden">{y.year}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/partners/${p.id}`}>{p.name}</Link>
              </th>
              {shown.map((y) => {
                const n = y.byPartner[p.id] ?? 0;
                const names = (y.dialogues[p.id] ?? []).map((d) => dialogueNames?.get(d) ?? 'a dialogue');
                return (
                  <td key={y.year} style={shade(n, max)} title={`${p.name}, ${y.year}: ${n}${names.length ? ` (${names.join('; ')})` : ''}`}>
                    {n > 0 ? n : ''}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">All partners</th>
            {shown.map((y) => (
              <td key={y.year} style={shade(y.total, maxTotal)}>
                {y.total}
              </td>
            ))}
          </tr>
          <tr className="muted">
            <th scope="row">Of which start not given (first reported)</th>
            {shown.map((y) => (
              <td key={y.year}>{y.startUnknown ? y.startUnknown : ''}</td>
            ))}
          </tr>
          <tr className="muted">
            <th scope="row">Active only on an unverified report, not counted</th>
            {shown.map((y) => {
              const apart = y.activeUnverified ?? [];
              const listed = apart.map((d) => dialogueNames?.get(d) ?? 'a dialogue');
              return (
                <td key={y.year} title={listed.length ? `${y.year}: ${listed.join('; ')} (reported active only by an unverified source)` : undefined}>
                  {apart.length ? apart.length : ''}
                </td>
              );
            })}
          </tr>
          <tr className="muted">
            <th scope="row">Status unknown, not counted</th>
            {shown.map((y) => (
              <td key={y.year}>{y.statusUnknown ? y.statusUnknown : ''}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
