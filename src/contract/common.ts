// The pieces every part of the API's contract shares: the error body, query parameters that recur, and how a schema
// is named in the OpenAPI document. Pure zod, so that the web app can check answers with the same schemas.
import { z } from 'zod';
import { errorCatalogue, type ErrorCode } from '../core/errors';

/** Every schema given a name here becomes a component of the OpenAPI document (`#/components/schemas/<name>`). */
export const namedSchemas = new Map<string, { schema: z.ZodType; description: string | undefined }>();

/** Names a schema (the same instance, so that every schema built from it refers to the component). */
export function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  if (namedSchemas.has(id)) throw new Error(`Two API schemas are named ${id}`);
  namedSchemas.set(id, { schema, description });
  return schema;
}

export const ErrorIssue = named('ErrorIssue', z.object({ path: z.string(), message: z.string() }));

export const ErrorBody = named(
  'ErrorBody',
  z.object({
    error: z.object({
      code: z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]).describe('A stable code from the error catalogue'),
      message: z.string(),
      issues: z.array(ErrorIssue).optional(),
    }),
  }),
  'Every error answer: a stable code, a message naming the problem and the allowed values, and field issues',
);

/** A query string's parameters are single strings; the use case reads and checks their values. */
const text = (description: string) => z.string().optional().describe(description);

export const asOf = text('The date to answer for (YYYY-MM-DD), up to today (UTC); today by default, so that no value dated after today is shown. A later date is refused (400 invalid_date)');
/** The date of an observatory view (profile, assessment, network, matrix, timeline, compare, gaps, exports of the knowledge base). */
export const viewAsOf = text('The date to answer for (YYYY-MM-DD), from 2000-01-01, where the observatory\'s record begins, up to today (UTC); today by default, so that no value dated after today is shown. An earlier or a later date is refused (400 invalid_date)');

export const NoQuery = z.object({});
/** The answer of a 204. */
export const NoContent = z.undefined().describe('No content');
/** The date of an observatory view. */
export const AsOfQuery = z.object({ asOf: viewAsOf });
/** A date of another read (the sanctions regime on a date): up to today. */
export const DateQuery = z.object({ asOf });

export const IdParams = z.object({ id: z.string().describe('The record id (a partner code for partners)') });

export const query = { text };
