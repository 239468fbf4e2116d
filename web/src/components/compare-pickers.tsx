// Chooses the two or three partners to compare.
import { useId } from 'react';
import type { PartnerSummary } from '../api-types';

interface Props {
  partners: PartnerSummary[];
  ids: string[];
  onChange: (ids: string[]) => void;
}

export function ComparePickers({ partners, ids, onChange }: Props) {
  const base = useId();
  const slots = [0, 1, 2];
  const set = (slot: number, value: string) => {
    const next = [...ids];
    if (value) next[slot] = value;
    else next.splice(slot, 1);
    onChange(next.filter((v, i) => v && next.indexOf(v) === i));
  };
  return (
    <div className="compare-pickers" role="group" aria-label="Partners to compare">
      {slots.map((slot) => (
        <div className="field-inline" key={slot}>
          <label htmlFor={`${base}-${slot}`}>{slot === 2 ? 'Third partner (optional)' : slot === 0 ? 'First partner' : 'Second partner'}</label>
          <select id={`${base}-${slot}`} value={ids[slot] ?? ''} onChange={(e) => set(slot, e.target.value)} disabled={slot > ids.length}>
            <option value="">{slot === 2 ? '— none —' : '— choose —'}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id} disabled={ids.includes(p.id) && ids[slot] !== p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
