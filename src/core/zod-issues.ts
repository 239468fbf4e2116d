// Turns zod validation issues into the catalogue's field-level issues, naming the allowed values.
import type { z } from 'zod';
import { AppError, type ErrorCode, type ErrorIssue } from './errors';

export function issuesFromZod(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    let message = issue.message;
    if (issue.code === 'invalid_value' && 'values' in issue) {
      message = `must be one of: ${(issue.values as unknown[]).map(String).join(', ')}`;
    }
    // Said plainly, for forms: an empty required text.
    if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) message = 'Enter at least one character';
    return { path, message };
  });
}

/** Parses with a schema or throws an AppError whose message names every failing field. */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: ErrorCode,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error);
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new AppError(code, `Invalid ${what}: ${summary}`, issues);
}
