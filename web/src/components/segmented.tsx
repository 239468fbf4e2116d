// A small set of mutually exclusive choices shown as buttons (a radio group under the hood, for keyboards).
import { useId } from 'react';

interface Props<V extends string> {
  legend: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange: (v: V) => void;
}

export function Segmented<V extends string>({ legend, value, options, onChange }: Props<V>) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      {options.map(([v, label]) => (
        <label key={v} className={v === value ? 'segment checked' : 'segment'}>
          <input type="radio" name={name} value={v} checked={v === value} onChange={() => onChange(v)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
