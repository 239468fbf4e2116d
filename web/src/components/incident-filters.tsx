// Filters and search for the incident list; each change goes into the address.
import { useId, useState, type FormEvent } from 'react';
import { humanise } from '../lib/format';
import { CATEGORIES } from '../lib/vocabulary';

export interface IncidentFilter {
  category: string;
  ongoing: string;
  q: string;
}

export function IncidentFilters({ value, onChange }: { value: IncidentFilter; onChange: (f: IncidentFilter) => void }) {
  const id = useId();
  const [q, setQ] = useState(value.q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...value, q: q.trim() });
  };
  return (
    <form className="filters" role="search" aria-label="Filter incidents" onSubmit={submit}>
      <div className="field-inline">
        <label htmlFor={`${id}-q`}>Search</label>
        <input id={`${id}-q`} type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="title, initiator, victim…" />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-cat`}>Category</label>
        <select id={`${id}-cat`} value={value.category} onChange={(e) => onChange({ ...value, category: e.target.value })}>
          <option value="">All</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {humanise(c)}
            </option>
          ))}
        </select>
      </div>
      <div className="field-inline">
        <label htmlFor={`${id}-on`}>Status</label>
        <select id={`${id}-on`} value={value.ongoing} onChange={(e) => onChange({ ...value, ongoing: e.target.value })}>
          <option value="">All</option>
          <option value="true">Ongoing</option>
          <option value="false">Concluded</option>
        </select>
      </div>
    </form>
  );
}
