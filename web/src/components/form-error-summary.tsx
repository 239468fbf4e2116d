// What went wrong with a submitted form, above it: each field's problem links to the field; focus moves here.
import { forwardRef } from 'react';
import { fieldId } from '../lib/incident-form-model';
import type { FormFailure } from '../lib/form-failure';

interface Props {
  /** e.g. "The password was not changed." */
  title: string;
  failure: FormFailure;
  /** The label of each field the form has, by its path. */
  labels: Readonly<Record<string, string>>;
}

export const FormErrorSummary = forwardRef<HTMLDivElement, Props>(function FormErrorSummary({ title, failure, labels }, ref) {
  const fields = [...failure.fields];
  return (
    <div className="notice notice-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <strong>{title}</strong>
      {failure.message && <p>{failure.message}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map(([path, message]) => (
            <li key={path}>
              <a href={`#${fieldId(path)}`}>
                {labels[path] ?? path}: {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
