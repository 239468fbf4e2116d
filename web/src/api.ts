// The typed client of the JSON API: the only way the web app talks to the server.
import type { Account, AccountChange, CreatedToken, NewAccount, NewToken, TokenInfo } from './account-types';
import type { Me, SignedIn } from './auth-types';
import type { Assessment, AssessmentFigures, AssessmentHistory, CompareResult, DialogueFact, FieldIssue, Gaps, InstrumentMatrix, PartnerProfile, PartnerSummary, Timeline } from './api-types';
import type {
  HistoryEntry,
  IncidentPage,
  IncidentWrite,
  MarkingInput,
  ResponsePlan,
  ShownIncident,
  StoredIncident,
  VoteActs,
  VoteRequest,
  VoteResult,
} from './toolbox-types';
import type { BatchScreenResult, SanctionsView, ScreenResult } from './sanctions-types';

/** An error answer of the API (or a network failure, with status 0), carrying its stable code and field issues. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];

  constructor(status: number, code: string, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }

  /** The server has no such route, or its path takes other methods: the feature is not part of this server yet. */
  get unavailable(): boolean {
    return (this.status === 404 && this.code === 'not_found') || (this.status === 405 && this.code === 'method_not_allowed');
  }

  /**
   * Whether asking again may bring another answer: the server was unreachable, busy or failed (0, 408, 429, 5xx). A
   * refusal of the request itself (400, 404, 409...) comes back the same, so a page offers no "Try again" for it.
   */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** The request carried a session cookie, but that session has expired, gone idle or been revoked. */
  get sessionEnded(): boolean {
    return this.status === 401 && this.code === 'session_ended';
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function errorFrom(status: number, body: unknown): ApiError {
  const err = isRecord(body) && isRecord(body.error) ? body.error : null;
  if (!err) return new ApiError(status, 'http_error', `The server answered ${status}`);
  const issues = Array.isArray(err.issues)
    ? err.issues.filter(isRecord).map((i) => ({ path: String(i.path ?? ''), message: String(i.message ?? '') }))
    : [];
  return new ApiError(status, String(err.code ?? 'http_error'), String(err.message ?? `The server answered ${status}`), issues);
}

/** The session's CSRF token (team mode): sent as `x-csrf-token` on every write while it is set. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unauthenticatedListeners = new Set<() => void>();

/** Called when the server refuses a write for want of sign-in (401), so that the app can offer to sign in. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

const sessionEndedListeners = new Set<(write: boolean) => void>();

/** Called when the server says the session behind the cookie has ended (401 session_ended), on a read or a write. */
export function onSessionEnded(listener: (write: boolean) => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

/**
 * Tells the app of a refusal for want of a session, so that it offers to sign in: the session ended (on a read or a
 * write), or a write needs one. Every request goes through here, those sent without `request` too (the imports page's
 * uploads, sent with XMLHttpRequest for their progress).
 */
export function noticeSignInRefusal(e: ApiError, method: string): void {
  if (e.sessionEnded) for (const listener of sessionEndedListeners) listener(isWrite(method));
  else if (isWrite(method) && e.status === 401 && e.code === 'unauthenticated') for (const listener of unauthenticatedListeners) listener();
}

/** The server's answer when the token does not match the session, e.g. after signing in again in another tab. */
const staleCsrf = (e: ApiError) => e.status === 403 && e.code === 'csrf_mismatch';

async function send<T>(method: string, path: string, body: unknown, signal: AbortSignal | undefined): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (isWrite(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? null : JSON.stringify(body), signal: signal ?? null });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'The server could not be reached. Check that it is running.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    if (res.ok) throw new ApiError(res.status, 'bad_response', 'The server sent an answer that is not JSON');
  }
  if (!res.ok) throw errorFrom(res.status, parsed);
  return parsed as T;
}

/** A request to the API, for areas whose client sits beside their pages (lib/kb-changes.ts). */
export async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, retried = false): Promise<T> {
  try {
    return await send<T>(method, path, body, signal);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (isWrite(method) && staleCsrf(e) && !retried) {
      // Fetch the current session's token and try once more; a second refusal is the answer.
      csrfToken = (await send<Me>('GET', '/api/auth/me', undefined, signal)).csrfToken;
      if (csrfToken) return request<T>(method, path, body, signal, true);
    }
    noticeSignInRefusal(e, method);
    throw e;
  }
}

const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);

/** What `checked` needs of a schema: zod's and zod/mini's `safeParse`. */
interface Schema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

// Where the schemas come from. Both are loaded on the first read that needs them, in parallel with the answer, so the
// first page's JavaScript holds neither zod nor the contract: the overview's reads are checked by a few zod/mini
// schemas (api-checks.ts), the other pages' by the contract's own (api-contract.ts).
const small = () => import('./api-checks');
const contract = async () => (await import('./api-contract')).contract;

/** Fetches the overview's checks ahead of its reads (main.tsx, when the app opens on the overview). */
export const preloadOverviewChecks = () => void small().catch(() => undefined);

/**
 * Reads an answer and checks it against the API's schema (src/contract, the source of docs/openapi.json): an answer
 * that does not match, from a server of another version, is reported as such rather than failing in a page.
 */
async function checked<T>(path: string, schema: () => Promise<Schema>, signal?: AbortSignal): Promise<T> {
  const [value, s] = await Promise.all([get<T>(path, signal), schema()]);
  const r = s.safeParse(value);
  if (r.success) return value;
  const where = r.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(answer)'}: ${i.message}`);
  throw new ApiError(200, 'bad_response', `The answer of ${path.split('?')[0]} does not match this version of the app (${where.join('; ')})`);
}

const enc = encodeURIComponent;

export const api = {
  me: (s?: AbortSignal) => get<Me>('/api/auth/me', s),
  signIn: (username: string, password: string) => request<SignedIn>('POST', '/api/auth/login', { username, password }),
  signOut: () => request<undefined>('POST', '/api/auth/logout'),
  /** Clears the cookie of a session that has ended, telling no listener: nothing depends on its answer. */
  dropEndedSession: () => send<undefined>('POST', '/api/auth/logout', undefined, undefined).catch(() => undefined),
  changePassword: (currentPassword: string, newPassword: string) => request<undefined>('POST', '/api/auth/password', { currentPassword, newPassword }),

  tokens: (s?: AbortSignal) => get<TokenInfo[]>('/api/tokens', s),
  /** Every account's tokens (account managers only). */
  allTokens: (s?: AbortSignal) => get<TokenInfo[]>(withQuery('/api/tokens', { all: true }), s),
  createToken: (input: NewToken) => request<CreatedToken>('POST', '/api/tokens', input),
  revokeToken: (id: string) => request<TokenInfo>('DELETE', `/api/tokens/${enc(id)}`),

  accounts: (s?: AbortSignal) => get<Account[]>('/api/users', s),
  account: (username: string, s?: AbortSignal) => get<Account>(`/api/users/${enc(username)}`, s),
  createAccount: (input: NewAccount) => request<Account>('POST', '/api/users', input),
  updateAccount: (username: string, change: AccountChange) => request<Account>('PATCH', `/api/users/${enc(username)}`, change),
  actors: (s?: AbortSignal) => get<unknown>('/api/actors', s),

  partners: (s?: AbortSignal, asOf?: string) =>
    checked<PartnerSummary[]>(withQuery('/api/partners', { asOf }), async () => (await small()).Partners, s),
  partner: (id: string, asOf?: string, s?: AbortSignal) => get<PartnerProfile>(withQuery(`/api/partners/${enc(id)}`, { asOf }), s),
  dialogues: (query: Query = {}, s?: AbortSignal) => get<DialogueFact[]>(withQuery('/api/dialogues', query), s),
  matrix: (asOf?: string, s?: AbortSignal) => get<InstrumentMatrix>(withQuery('/api/matrix', { asOf }), s),

  /** Every partner's assessment, of which the overview reads (and checks) only the figures it shows. */
  assessmentFigures: (asOf?: string, s?: AbortSignal) =>
    checked<AssessmentFigures[]>(withQuery('/api/assess', { asOf }), async () => (await small()).AssessmentsFigures, s),
  assessment: (id: string, asOf?: string, s?: AbortSignal) =>
    checked<Assessment>(withQuery(`/api/assess/${enc(id)}`, { asOf }), async () => (await contract()).assessment, s),
  assessmentHistory: (id: string, from: number, to: number, s?: AbortSignal) =>
    get<AssessmentHistory>(withQuery(`/api/assess/${enc(id)}/history`, { from: String(from), to: String(to) }), s),
  network: (asOf?: string, s?: AbortSignal) => get<unknown>(withQuery('/api/network', { format: 'json', asOf }), s),
  networkUrl: (format: 'graphml' | 'gexf' | 'json', asOf?: string) => withQuery('/api/network', { format, asOf }),
  timeline: (asOf?: string, s?: AbortSignal) => get<Timeline>(withQuery('/api/timeline', { asOf }), s),
  partnerTimeline: (id: string, asOf?: string, s?: AbortSignal) => get<Timeline>(withQuery(`/api/timeline/${enc(id)}`, { asOf }), s),
  compare: (ids: string[], asOf?: string, s?: AbortSignal) => get<CompareResult>(withQuery('/api/compare', { ids: ids.join(','), asOf }), s),
  gaps: (id: string, asOf?: string, s?: AbortSignal) => get<Gaps>(withQuery(`/api/gaps/${enc(id)}`, { asOf }), s),

  incidents: (query: Query = {}, s?: AbortSignal) => get<IncidentPage>(withQuery('/api/incidents', query), s),
  incident: (id: string, s?: AbortSignal) => get<ShownIncident>(`/api/incidents/${enc(id)}`, s),
  createIncident: (input: IncidentWrite) => request<StoredIncident>('POST', '/api/incidents', input),
  updateIncident: (id: string, input: IncidentWrite) => request<StoredIncident>('PUT', `/api/incidents/${enc(id)}`, input),
  /** A merge patch: only the fields sent change (the marking editor sends marking fields only). */
  patchIncident: (id: string, patch: MarkingInput) => request<StoredIncident>('PATCH', `/api/incidents/${enc(id)}`, patch),
  deleteIncident: (id: string) => request<unknown>('DELETE', `/api/incidents/${enc(id)}`),
  incidentHistory: (id: string, s?: AbortSignal) => get<HistoryEntry[]>(`/api/incidents/${enc(id)}/history`, s),
  /** The plan made on `asOf` (from the incident's start up to today; today when undefined). */
  plan: (id: string, asOf?: string, s?: AbortSignal) => checked<ResponsePlan>(withQuery(`/api/incidents/${enc(id)}/plan`, { format: 'json', asOf }), async () => (await contract()).plan, s),
  planMarkdownUrl: (id: string, asOf?: string) => withQuery(`/api/incidents/${enc(id)}/plan`, { format: 'markdown', asOf }),
  measures: (s?: AbortSignal) => get<unknown>('/api/measures', s),
  sanctions: (asOf?: string, s?: AbortSignal) => checked<SanctionsView>(withQuery('/api/sanctions', { asOf }), async () => (await contract()).sanctions, s),
  screen: (q: string, asOf?: string, s?: AbortSignal) => get<ScreenResult>(withQuery('/api/sanctions/screen', { q, asOf }), s),
  screenBatch: (names: string[], asOf?: string, s?: AbortSignal) => request<BatchScreenResult>('POST', '/api/sanctions/screen', { names, ...(asOf ? { asOf } : {}) }, s),

  memberStates: (year?: number, s?: AbortSignal) => get<unknown>(withQuery('/api/member-states', { year }), s),
  vote: (body: VoteRequest, s?: AbortSignal) => request<VoteResult>('POST', '/api/vote', body, s),
  /** The kinds of act and who may propose each, as the API takes them. */
  voteActs: (s?: AbortSignal) => get<VoteActs>('/api/vote/acts', s),
};

