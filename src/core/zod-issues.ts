// Turns zod validation issues into the catalogue's field-level issues, naming the allowed values.
import { z } from 'zod';
import { AppError, type ErrorCode, type ErrorIssue } from './errors';

/** What a field must hold, in words, for zod's type names. */
const KINDS: Record<string, string> = {
  array: 'a list',
  object: 'an object of named fields',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/** The value at an issue's path in what was parsed. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const zodWords = z.locales.en().localeError;
/** zod's own words for an issue (which name the value received), which a schema's own message replaces. */
function zodDefault(issue: z.core.$ZodIssue, input: { value: unknown } | undefined): string | undefined {
  const said = zodWords((input ? { ...issue, input: valueAt(input.value, issue.path) } : issue) as never);
  return typeof said === 'string' ? said : said?.message;
}

/**
 * zod's own wording ("Invalid input: expected array, received undefined", "Too small: expected number to be >=0"),
 * said plainly; a schema's own message is kept.
 */
function plainMessage(issue: z.core.$ZodIssue, input: { value: unknown } | undefined): string | undefined {
  if (issue.message !== zodDefault(issue, input)) return undefined;
  if (issue.code === 'invalid_type') {
    const kind = KINDS[issue.expected] ?? issue.expected;
    return input && valueAt(input.value, issue.path) === undefined ? `required: ${kind}` : `must be ${kind}`;
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    if (issue.code === 'too_small') return issue.inclusive ? (bound === 0 ? 'must be 0 or more' : `must be at least ${bound}`) : `must be more than ${bound}`;
    return issue.inclusive ? `must be at most ${bound}` : `must be less than ${bound}`;
  }
  return undefined;
}

/** The issues of a failed parse; with the input parsed, a field left out is said to be required. */
export function issuesFromZod(error: z.ZodError, input?: { value: unknown }): ErrorIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(root)';
    let message = plainMessage(issue, input) ?? issue.message;
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
  const issues = issuesFromZod(result.error, { value });
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new AppError(code, `Invalid ${what}: ${summary}`, issues);
}
