// Moves from one partner to another, keeping the as-of date.
import { useId } from 'react';
import { useNavigate } from 'react-router-dom';
import type { PartnerSummary } from '../api-types';

export function PartnerSwitcher({ partners, current, asOf }: { partners: PartnerSummary[]; current: string; asOf: string | undefined }) {
  const id = useId();
  const navigate = useNavigate();
  return (
    <div className="field-inline">
      <label htmlFor={id}>Partner</label>
      <select id={id} value={current} onChange={(e) => navigate(`/partners/${e.target.value}${asOf ? `?asOf=${asOf}` : ''}`)}>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
