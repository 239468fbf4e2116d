// The as-of date: replays a partnership through time, by exact date or by dragging through the years. Typing or
// dragging changes only what the control shows; the view follows once the date is whole and the hand pauses, or at
// once on Enter or on leaving the field, so that a date typed digit by digit asks the server once, not per key.
import { useEffect, useId, useRef, useState } from 'react';
import { settledAsOf, sliderWords, type AsOfDraft } from '../lib/as-of';
import { FIRST_AS_OF } from '../../../src/core/first-as-of';
import { formatDate, todayIso } from '../lib/format';

/** How long the control waits after the last key or drag step before the view follows. */
const PAUSE_MS = 600;

interface Props {
  value: string | undefined;
  onChange: (asOf: string | undefined) => void;
  /** The earliest date the view can take (the observatory's first, FIRST_AS_OF, by default; a response plan's is its incident's start). */
  min?: string;
  /** The field's label ("As of" by default). */
  label?: string;
}

export function AsOfControl({ value, onChange, min = FIRST_AS_OF, label = 'As of' }: Props) {
  const dateId = useId();
  const yearId = useId();
  const hintId = useId();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const firstYear = Number(min.slice(0, 4));
  // What the field shows while it is being typed or dragged; null when it shows the committed value.
  const [draft, setDraft] = useState<AsOfDraft | null>(null);
  const [hint, setHint] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };

  useEffect(() => () => clearTimeout(timer.current), []);
  // Another way of changing the date (the Today button, the browser's history) replaces any draft.
  useEffect(() => {
    setDraft(null);
    setHint('');
  }, [value]);

  const commit = (d: AsOfDraft | null) => {
    clearTimeout(timer.current);
    if (d === null) return;
    const settled = settledAsOf(d, { min, max: today });
    if (settled.kind === 'incomplete') {
      setHint(settled.hint);
      return;
    }
    setHint('');
    setDraft(null);
    if (settled.asOf !== latest.current.value) latest.current.onChange(settled.asOf);
  };
  const later = (d: AsOfDraft) => {
    setDraft(d);
    setHint('');
    clearTimeout(timer.current);
    // A half-typed date waits for more keys (or for Enter, or leaving the field) and is no error meanwhile.
    if (settledAsOf(d, { min, max: today }).kind === 'incomplete') return;
    timer.current = setTimeout(() => commit(d), PAUSE_MS);
  };

  const shownDate = draft ? (draft.kind === 'date' ? draft.text : draft.year >= thisYear ? '' : `${draft.year}-12-31`) : (value ?? '');
  const year = draft?.kind === 'year' ? draft.year : shownDate ? Number(shownDate.slice(0, 4)) : thisYear;
  const words = sliderWords(draft, shownDate, thisYear);
  return (
    <div className="as-of" role="group" aria-label="Date of the view">
      <div className="field-inline">
        <label htmlFor={dateId}>{label}</label>
        <input
          id={dateId}
          type="date"
          min={min}
          max={today}
          value={shownDate}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => later({ kind: 'date', text: e.target.value, partial: e.target.validity.badInput })}
          onBlur={() => commit(draft)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(draft);
            }
          }}
        />
      </div>
      {/* A slider of one position (a plan for an incident of this year) would move nothing: the date field is enough. */}
      {firstYear < thisYear && (
        <div className="field-inline as-of-slider">
          <label htmlFor={yearId}>Year</label>
          <input
            id={yearId}
            type="range"
            min={firstYear}
            max={thisYear}
            step={1}
            value={year}
            aria-valuetext={words.spoken}
            onChange={(e) => later({ kind: 'year', year: Number(e.target.value), thisYear })}
            onPointerUp={() => commit(draft)}
            onKeyUp={(e) => {
              if (e.key === 'Enter') commit(draft);
            }}
            onBlur={() => commit(draft)}
          />
          <output htmlFor={yearId} className="as-of-year">
            {words.shown}
          </output>
        </div>
      )}
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          clearTimeout(timer.current);
          setDraft(null);
          setHint('');
          if (value !== undefined) onChange(undefined);
        }}
        disabled={value === undefined && draft === null}
      >
        Today
      </button>
      {hint && (
        <p id={hintId} className="as-of-hint muted" role="status">
          {hint} ({formatDate(min)} to {formatDate(today)}).
        </p>
      )}
    </div>
  );
}
