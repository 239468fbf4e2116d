// Labelled form controls that show the server's message for their field beneath them.
import type { ReactNode } from 'react';
import { fieldId } from '../lib/incident-form-model';

export type FieldErrors = ReadonlyMap<string, string>;

interface Base {
  path: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
}

function Described({ path, errors, hint }: Pick<Base, 'path' | 'errors' | 'hint'>) {
  const id = fieldId(path);
  const message = errors.get(path);
  return (
    <>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {message && (
        <span id={`${id}-error`} className="field-error">
          {message}
        </span>
      )}
    </>
  );
}

function aria(path: string, errors: FieldErrors, hint?: string) {
  const id = fieldId(path);
  const ids = [hint ? `${id}-hint` : '', errors.has(path) ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': errors.has(path) || undefined, 'aria-describedby': ids || undefined };
}

function Label({ path, label, required }: Pick<Base, 'path' | 'label' | 'required'>) {
  return (
    <label htmlFor={fieldId(path)}>
      {label}
      {required && <span className="required"> (required)</span>}
    </label>
  );
}

interface TextProps extends Base {
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'date' | 'password' | 'number';
  multiline?: boolean;
  placeholder?: string;
  list?: string;
  /** The browser's autofill hint, e.g. `current-password` or `new-password`, or `off`. */
  autoComplete?: string;
  /** The latest value a date field offers (YYYY-MM-DD), e.g. today for what has happened. */
  max?: string;
}

export function TextField(props: TextProps) {
  const { path, errors, hint, value, onChange, type = 'text', multiline, placeholder, required, list, autoComplete, max } = props;
  return (
    <div className={`field${errors.has(path) ? ' field-invalid' : ''}`}>
      <Label {...props} />
      {multiline ? (
        <textarea {...aria(path, errors, hint)} value={value} rows={3} onChange={(e) => onChange(e.target.value)} aria-required={required || undefined} />
      ) : (
        <input
          {...aria(path, errors, hint)}
          type={type}
          value={value}
          placeholder={placeholder}
          list={list}
          max={max}
          autoComplete={autoComplete}
          spellCheck={type === 'password' || autoComplete === 'username' ? false : undefined}
          autoCapitalize={type === 'password' || autoComplete === 'username' ? 'none' : undefined}
          onChange={(e) => onChange(e.target.value)}
          aria-required={required || undefined}
        />
      )}
      <Described path={path} errors={errors} hint={hint} />
    </div>
  );
}

type Options = readonly (readonly [string, string])[];

interface SelectProps extends Base {
  value: string;
  onChange: (v: string) => void;
  options: Options;
  /** Further options under headings (optgroup), after the plain ones. */
  groups?: readonly { label: string; options: Options }[];
}

export function SelectField(props: SelectProps) {
  const { path, errors, hint, value, onChange, options, groups = [], required } = props;
  return (
    <div className={`field${errors.has(path) ? ' field-invalid' : ''}`}>
      <Label {...props} />
      <select {...aria(path, errors, hint)} value={value} onChange={(e) => onChange(e.target.value)} aria-required={required || undefined}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <Described path={path} errors={errors} hint={hint} />
    </div>
  );
}

export function CheckField({ path, label, errors, hint, checked, onChange }: Base & { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className={`check-field${errors.has(path) ? ' field-invalid' : ''}`}>
      <input {...aria(path, errors, hint)} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={fieldId(path)}>{label}</label>
      <Described path={path} errors={errors} hint={hint} />
    </div>
  );
}

export function Fieldset({ legend, children, className }: { legend: string; children: ReactNode; className?: string }) {
  return (
    <fieldset className={`form-section ${className ?? ''}`}>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
