// Sign-in, accounts and API tokens: who is asking, the accounts admins manage, the tokens each user holds.
import { z } from 'zod';
import { AccountChange as AccountChangeBody, Credentials, NewAccount as NewAccountBody, NewToken as NewTokenBody, PasswordChange as PasswordChangeBody, TOKEN_SCOPES } from '../core/auth/account';
import { ACTIONS, type Action } from '../core/auth/permissions';
import { ROLES } from '../core/auth/roles';
import { TLP_LEVELS } from '../core/marking/tlp';
import { named, query } from './common';

export const Role = named('Role', z.enum(ROLES));
export const TlpLevel = named('TlpLevel', z.enum(TLP_LEVELS));

export const Principal = named(
  'Principal',
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('user'), username: z.string(), role: Role, org: z.string(), via: z.enum(['session', 'token']) }),
    z.object({ kind: z.literal('local'), org: z.string().nullable() }),
    z.object({ kind: z.literal('operator'), org: z.string().nullable() }),
    z.object({ kind: z.literal('anonymous') }),
  ]),
  'Who is asking: a user (by session or token), the local operator (sign-in off) or nobody',
);

export const SessionState = named('SessionState', z.enum(['none', 'active', 'ended']), 'What became of the session cookie the request carried');

export const Me = named(
  'Me',
  z.object({
    authMode: z.enum(['off', 'on']),
    defaultTlp: TlpLevel,
    principal: Principal,
    permissions: z.array(z.enum(Object.keys(ACTIONS) as [Action, ...Action[]])).describe('What the caller may do (see the permissions of each role)'),
    csrfToken: z.string().nullable(),
    session: SessionState,
  }),
);

export const SignedIn = named('SignedIn', z.object({ user: Principal, csrfToken: z.string(), expiresAt: z.string() }));

export const Account = named(
  'Account',
  z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string().nullable(),
    org: z.string(),
    role: Role,
    disabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
);

export const TokenInfo = named(
  'TokenInfo',
  z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable().describe('When the token was last used, to the minute; null until its first use'),
    scope: z.enum(TOKEN_SCOPES),
    parentId: z.string().nullable().describe('The token that created this one, if a token did'),
  }),
);

export const CreatedToken = named('CreatedToken', TokenInfo.extend({ token: z.string().describe('The secret, shown once') }));

export const Health = named('Health', z.object({ status: z.literal('ok'), dataset: z.string().nullable() }));
export const Ready = named('Ready', z.object({ status: z.literal('ready') }));

export const SignInBody = named('SignIn', Credentials);
export const PasswordChange = named('PasswordChange', PasswordChangeBody);
export const NewAccount = named('NewAccount', NewAccountBody);
export const AccountChange = named('AccountChange', AccountChangeBody);
export const NewToken = named('NewToken', NewTokenBody);
export const Bootstrap = named('Bootstrap', NewAccountBody.omit({ role: true }));

export const UsernameParams = z.object({ username: z.string() });
export const TokenParams = z.object({ id: z.string() });
export const TokensQuery = z.object({ all: query.text('true: every account\'s tokens (account managers only)') });
