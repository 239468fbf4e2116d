// The list of problems the server found in a submitted form, each linking to its field.
import { forwardRef } from 'react';
import type { FieldIssue } from '../api-types';
import { humanise } from '../lib/format';
import { fieldId, fieldOf } from '../lib/incident-form-model';

const LABELS: Record<string, string> = {
  start: 'Started',
  end: 'Ended',
  ongoing: 'Still ongoing',
  'effects.severity': 'Severity',
  'initiator.type': 'Initiator type',
  'initiator.country': 'Initiator country',
  'initiator.name': 'Initiator name',
  tlp: 'TLP marking',
  owner: 'Owner organisation',
  sharedWith: 'Shared with organisations',
  recipients: 'Named recipients',
};
const ROWS: Record<string, string> = { victims: 'Victim', attribution: 'Attribution', responses: 'Response' };

/** The field's name as the form labels it: `victims.0.country` reads "Victim 1: country". */
function fieldLabel(path: string): string {
  const list = /^(sharedWith|recipients)\.\d+$/.exec(path)?.[1];
  if (list) return LABELS[list] ?? list;
  if (LABELS[path]) return LABELS[path];
  const row = /^(victims|attribution|responses)\.(\d+)\.(\w+)/.exec(path);
  // A victim's name is the organisation hit, as the form labels it.
  const field = row?.[1] === 'victims' && row[3] === 'name' ? 'organisation' : row?.[3];
  if (row?.[1] && row[2] && field) return `${ROWS[row[1]] ?? row[1]} ${Number(row[2]) + 1}: ${humanise(field).toLowerCase()}`;
  return humanise(path.split('.').pop() ?? path);
}

interface Props {
  message: string;
  issues: FieldIssue[];
}

export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ message, issues }, ref) {
  return (
    <div className="notice notice-error error-summary" role="alert" tabIndex={-1} ref={ref}>
      <strong>The incident was not saved.</strong>
      {issues.length === 0 ? (
        <p>{message}</p>
      ) : (
        <ul>
          {issues.map((i, n) => (
            <li key={n}>
              <a href={`#${fieldId(fieldOf(i.path))}`}>
                {i.path === '(root)' ? '' : `${fieldLabel(i.path)}: `}
                {i.message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
