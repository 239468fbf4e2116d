// The one catalogue of errors the product can report, each with a stable code and an HTTP status.
// Edges (server, CLI) turn an AppError into a JSON body or a one-line message; anything else is a plain 500.

export const errorCatalogue = {
  invalid_input: 400,
  invalid_date: 400,
  invalid_filter: 400,
  invalid_weights: 400,
  invalid_incident: 400,
  invalid_vote: 400,
  invalid_import: 400,
  invalid_marking: 400,
  /** A proposed knowledge-base change that is malformed, lacks a source or does not validate. */
  invalid_change: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_ended: 401,
  forbidden: 403,
  /** A cookie-session write without the session's CSRF token (or with a stale one, e.g. after signing in elsewhere). */
  csrf_mismatch: 403,
  /** A write whose Origin is not this server (another site, or plain http to an https server). */
  cross_origin: 403,
  /** A knowledge-base change reviewed by the one who proposed it. */
  own_change: 403,
  unknown_partner: 404,
  unknown_incident: 404,
  unknown_actor: 404,
  unknown_account: 404,
  unknown_token: 404,
  not_found: 404,
  unknown_change: 404,
  /** An update or retire of a knowledge-base record that does not exist. */
  unknown_record: 404,
  /** A path that exists, asked with a method it does not take (RFC 9110 §15.5.6: the answer names those it takes). */
  method_not_allowed: 405,
  /** A request whose headers or body did not arrive within the server's time limit (Node's HTTP parser). */
  request_timeout: 408,
  conflict: 409,
  /** A change whose target was edited since it was proposed: it needs re-review before approval. */
  stale_change: 409,
  /** The Host header names a host this server does not answer to (DNS rebinding). */
  unknown_host: 421,
  payload_too_large: 413,
  /** A request whose headers are larger than the server reads (Node's HTTP parser: 16 KB by default). */
  headers_too_large: 431,
  too_many_attempts: 429,
  overloaded: 503,
  not_ready: 503,
  corrupt_data: 500,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorIssue {
  /** Dotted path of the offending field, e.g. `victims.0.country`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[];

  constructor(code: ErrorCode, message: string, issues: ErrorIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return errorCatalogue[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Lists allowed values for a message: `a, b or c`. */
export function allowedList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}
