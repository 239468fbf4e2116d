// Helpers for team-mode tests: accounts with API tokens, sign-in with a session cookie, calls as a given client.
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '../../src/core/auth/roles';
import type { Harness } from './harness';

export const PASSWORD = 'correct horse battery staple';

export interface Client {
  name: string;
  headers: Record<string, string>;
}

export const anonymous: Client = { name: 'anonymous', headers: {} };

/** Creates an account (as the local operator would) and an API token for it. */
export async function addUser(h: Harness, username: string, role: Role, org: string): Promise<Client> {
  await h.wb.accounts.create({ kind: 'local', org: null }, { username, password: PASSWORD, role, org });
  const { token } = await h.wb.accounts.createToken({ kind: 'local', org: null }, { username, name: 'test' });
  return { name: username, headers: { authorization: `Bearer ${token}` } };
}

/** Signs in over HTTP; the client then carries the session cookie and the CSRF token, as the web app would. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<Client & { cookie: string; setCookie: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0] ?? '';
  const { csrfToken } = res.json() as { csrfToken: string };
  return { name: `${username} (session)`, cookie, setCookie, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export interface Answer {
  status: number;
  text: string;
  body: unknown;
}

export async function call(app: FastifyInstance, client: Client, method: InjectOptions['method'], url: string, payload?: unknown): Promise<Answer> {
  const res = await app.inject({ method, url, headers: client.headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const json = String(res.headers['content-type'] ?? '').includes('json');
  return { status: res.statusCode, text: res.body, body: json && res.body ? (res.json() as unknown) : res.body };
}

export const incident = (title: string, over: Record<string, unknown> = {}) => ({
  title,
  start: '2026-03-01',
  ongoing: true,
  category: 'cyber-espionage',
  victims: [{ country: 'DE', sector: 'government' }],
  effects: { severity: 'high' },
  initiator: { type: 'state-sponsored', country: 'RU' },
  ...over,
});

/** The callers of the table-driven TLP tests: a role and an organisation each (null: not signed in). */
export const CALLERS = {
  anonymous: null,
  'viewer-de': { role: 'viewer', org: 'DE' },
  'analyst-de': { role: 'analyst', org: 'DE' },
  'editor-de': { role: 'editor', org: 'DE' },
  'admin-de': { role: 'admin', org: 'DE' },
  'analyst-fr': { role: 'analyst', org: 'FR' },
  'viewer-it': { role: 'viewer', org: 'IT' },
  'editor-it': { role: 'editor', org: 'IT' },
  'admin-it': { role: 'admin', org: 'IT' },
} as const satisfies Record<string, { role: Role; org: string } | null>;
export type Caller = keyof typeof CALLERS;
export const CALLER_NAMES = Object.keys(CALLERS) as Caller[];
export const roleOfCaller = (who: Caller): Role | null => CALLERS[who]?.role ?? null;
