// A refused form as the page shows it: the server's field issues beside the fields they name, the rest above the form.
import type { ApiError } from '../api';

export interface FormFailure {
  /** What the summary says beyond the fields' own messages; null when those say it all. */
  message: string | null;
  /** Messages for this form's fields, by the form's own path for each. */
  fields: Map<string, string>;
}

/** Local checks (a confirmation that does not match) fail the same way, without asking the server. */
export function fieldFailure(path: string, message: string): FormFailure {
  return { message: null, fields: new Map([[path, message]]) };
}

/**
 * Reads an API error for a form: `fieldFor` says which of the form's fields an issue path belongs to (undefined:
 * none); `messageFor` may put a code (wrong password, too many attempts) in the person's words.
 */
export function formFailure(e: ApiError, fieldFor: (path: string) => string | undefined, messageFor: (e: ApiError) => string | undefined = () => undefined): FormFailure {
  const fields = new Map<string, string>();
  const loose: string[] = [];
  for (const issue of e.issues) {
    const field = fieldFor(issue.path);
    if (field && !fields.has(field)) fields.set(field, issue.message);
    else if (!field) loose.push(issue.path === '(root)' ? issue.message : `${issue.path}: ${issue.message}`);
  }
  const custom = messageFor(e);
  if (custom !== undefined) return { message: custom, fields };
  if (loose.length) return { message: loose.join('; '), fields };
  if (fields.size) return { message: null, fields };
  return { message: e.unavailable ? 'This server does not offer this yet.' : e.message, fields };
}

/** The field paths a form knows, as a lookup for formFailure. */
export const knownFields =
  (...paths: string[]) =>
  (path: string): string | undefined =>
    paths.find((p) => path === p || path.startsWith(`${p}.`));
