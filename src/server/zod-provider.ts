// Route schemas are zod: a Fastify type provider that types each handler's query, path parameters and answer from
// its route's schemas, and the compilers that check a request's query and parameters with them. A failed check is a
// catalogue error (invalid_filter for the query, invalid_input for the path), in the JSON shape of every other error.
import type { FastifyInstance, FastifyReply, FastifySchemaCompiler, FastifyTypeProvider } from 'fastify';
import { z } from 'zod';
import { AppError, type ErrorIssue } from '../core/errors';
import { readQuery } from './query';

export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown;
}

declare module 'fastify' {
  interface FastifySchema {
    /** One line on what the operation does, for the OpenAPI document and the reference page. */
    summary?: string;
    /** The area the operation belongs to (one per route module). */
    tags?: string[];
    /** Answers that are not JSON (a CSV or Markdown file, a graph format): content type -> what it holds. */
    files?: Record<string, string>;
    /** A multipart/form-data body of files: part name -> what it holds and whether it must be sent. */
    uploads?: Record<string, { description: string; required: boolean }>;
  }
}

/** The issues of a failed zod check, each with its dotted path. */
export function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function summary(issues: ErrorIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** Query strings keep the rules readQuery has always applied (only the named parameters, each once), then the schema's. */
function queryCheck(schema: z.ZodType) {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
  const allowed = Object.keys(shape);
  return (data: unknown) => {
    let raw: Record<string, string>;
    try {
      raw = readQuery(data, allowed) as Record<string, string>;
    } catch (error) {
      return { error: error as Error };
    }
    const r = schema.safeParse(raw);
    if (r.success) return { value: r.data };
    const issues = issuesOf(r.error);
    return { error: new AppError('invalid_filter', `Invalid query: ${summary(issues)}`, issues) };
  };
}

/**
 * Request bodies are checked by the use case they are for, which knows the reviewed vocabularies and owns the error
 * codes (invalid_incident, invalid_vote, invalid_weights...). A route declares its body with `checkedByService`: the
 * document shows the schema, the handler receives `unknown`, and nothing is checked twice with different words.
 */
const bodies = new WeakMap<z.ZodType, z.ZodType>();
export function checkedByService(schema: z.ZodType): z.ZodUnknown {
  const placeholder = z.unknown();
  bodies.set(placeholder, schema);
  return placeholder;
}
/** The schema a route's body placeholder stands for. */
export function bodySchemaOf(schema: z.ZodType): z.ZodType {
  return bodies.get(schema) ?? schema;
}

const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  if (httpPart === 'querystring') return queryCheck(schema);
  if (httpPart === 'body') return (data: unknown) => ({ value: data });
  return (data: unknown) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    const issues = issuesOf(r.error);
    return { error: new AppError('invalid_input', `Invalid ${httpPart ?? 'request'}: ${summary(issues)}`, issues) };
  };
};

/**
 * Answers are written as they are: the tests check real answers against the document (tests/integration/openapi-answers),
 * and cached views are sent pre-serialized (send-json.ts), so the server pays nothing per request for the schemas.
 */
const serializerCompiler = () => (data: unknown) => JSON.stringify(data);

/** Makes zod the schema language of every route registered after this call. */
export function useZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}

/** Sends a file answer (a content type the route declares under `files`), outside the JSON answer's schema. */
export function sendFile(reply: FastifyReply, contentType: string, body: string | Buffer): FastifyReply {
  return reply.type(contentType).send(body);
}
