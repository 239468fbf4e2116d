// The as-of date: replays a partnership through time, by exact date or by dragging through the years.
import { useId } from 'react';
import { isIsoDate, todayIso } from '../lib/format';

const FIRST_YEAR = 2000;

interface Props {
  value: string | undefined;
  onChange: (asOf: string | undefined) => void;
}

export function AsOfControl({ value, onChange }: Props) {
  const dateId = useId();
  const yearId = useId();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = value ? Number(value.slice(0, 4)) : thisYear;
  return (
    <div className="as-of" role="group" aria-label="Date of the view">
      <div className="field-inline">
        <label htmlFor={dateId}>As of</label>
        <input
          id={dateId}
          type="date"
          min={`${FIRST_YEAR}-01-01`}
          max={todayIso()}
          value={value ?? ''}
          onChange={(e) => {
            const v = e.target.value;
            if (v === '') onChange(undefined);
            else if (isIsoDate(v)) onChange(v);
          }}
        />
      </div>
      <div className="field-inline as-of-slider">
        <label htmlFor={yearId}>Year</label>
        <input
          id={yearId}
          type="range"
          min={FIRST_YEAR}
          max={thisYear}
          step={1}
          value={year}
          aria-valuetext={value ? `end of ${year}` : 'today'}
          onChange={(e) => {
            const y = Number(e.target.value);
            onChange(y >= thisYear ? undefined : `${y}-12-31`);
          }}
        />
        <output htmlFor={yearId} className="as-of-year">
          {value ? year : 'today'}
        </output>
      </div>
      <button type="button" className="button button-quiet" onClick={() => onChange(undefined)} disabled={value === undefined}>
        Latest
      </button>
    </div>
  );
}
