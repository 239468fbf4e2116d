// Accounts, sessions and API tokens in the store. Sessions and tokens are found by the SHA-256 of their secret; the
// secret itself is never stored. Lookups join the account, so a disabled account or a changed role counts at once.
import type { TokenScope } from '../core/auth/account';
import type { Role } from '../core/auth/roles';
import { sql } from 'kysely';
import { dialectOf, type Db } from './db';
import type { AccountTable, ApiTokenTable } from './schema';

export interface Account {
  id: string;
  username: string;
  displayName: string | null;
  org: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A session found by its id hash, with its enabled account (live or not: the caller judges its timeouts). */
export interface SessionLookup {
  account: Account;
  csrfToken: string;
  expiresAt: string;
  lastUsedAt: string;
}

/** A live token (not revoked, not expired at the time asked, account enabled) with its account. */
export interface TokenLookup {
  account: Account;
  tokenId: string;
  lastUsedAt: string | null;
  scope: TokenScope;
  expiresAt: string | null;
}

export interface TokenInfo {
  id: string;
  username: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** When the token was last used, to the minute (see touchToken); null until its first use. */
  lastUsedAt: string | null;
  scope: TokenScope;
  /** The token that created this one, if a token did; revoking it revokes this one. */
  parentId: string | null;
}

const account = (r: AccountTable): Account => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  org: r.org,
  role: r.role as Role,
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const tokenInfo = (r: ApiTokenTable & { username: string }): TokenInfo => ({
  id: r.id,
  username: r.username,
  name: r.name,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  lastUsedAt: r.last_used_at,
  scope: r.scope === 'read' ? 'read' : 'read-write',
  parentId: r.parent_id,
});

export class AccountRepository {
  constructor(private readonly db: Db) {}

  async count(db: Db = this.db): Promise<number> {
    const r = await db.selectFrom('account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async create(trx: Db, a: Account, passwordHash: string): Promise<void> {
    await trx
      .insertInto('account')
      .values({
        id: a.id,
        username: a.username,
        display_name: a.displayName,
        org: a.org,
        role: a.role,
        password_hash: passwordHash,
        disabled: a.disabled ? 1 : 0,
        created_at: a.createdAt,
        updated_at: a.updatedAt,
      })
      .execute();
  }

  async byUsername(username: string, db: Db = this.db): Promise<(Account & { passwordHash: string }) | undefined> {
    const r = await db.selectFrom('account').selectAll().where('username', '=', username).executeTakeFirst();
    return r ? { ...account(r), passwordHash: r.password_hash } : undefined;
  }

  async existing(usernames: readonly string[]): Promise<Set<string>> {
    if (!usernames.length) return new Set();
    const rows = await this.db.selectFrom('account').select('username').where('username', 'in', usernames).execute();
    return new Set(rows.map((r) => r.username));
  }

  async list(): Promise<Account[]> {
    return (await this.db.selectFrom('account').selectAll().orderBy('username').execute()).map(account);
  }

  /**
   * Ids of the enabled admin accounts, for the rule that one must remain. On PostgreSQL their rows stay locked until
   * `trx` ends (FOR UPDATE, in id order so that two callers cannot deadlock): a second transaction that wants to take
   * an admin away waits here, then reads the admins as the first one left them (READ COMMITTED re-checks a locked row
   * against the WHERE clause after the wait). SQLite allows one writer at a time already: within a process Kysely runs
   * one transaction at a time on its single connection; across processes (WAL) a transaction whose read went stale
   * before it writes fails with SQLITE_BUSY_SNAPSHOT (a plain error, not a 409) rather than writing.
   */
  async lockEnabledAdmins(trx: Db): Promise<string[]> {
    const q = trx.selectFrom('account').select('id').where('role', '=', 'admin').where('disabled', '=', 0).orderBy('id');
    return (await (dialectOf(trx) === 'postgres' ? q.forUpdate() : q).execute()).map((r) => r.id);
  }

  async update(trx: Db, id: string, change: Partial<Pick<AccountTable, 'role' | 'org' | 'display_name' | 'disabled' | 'password_hash'>>, at: string): Promise<void> {
    await trx
      .updateTable('account')
      .set({ ...change, updated_at: at })
      .where('id', '=', id)
      .execute();
  }

  async createSession(trx: Db, s: { idHash: string; accountId: string; csrfToken: string; createdAt: string; expiresAt: string }): Promise<void> {
    await trx
      .insertInto('session')
      .values({ id_hash: s.idHash, account_id: s.accountId, csrf_token: s.csrfToken, created_at: s.createdAt, expires_at: s.expiresAt, last_used_at: s.createdAt })
      .execute();
  }

  /** The session with that id hash and its enabled account, live or not: the caller judges its timeouts. */
  async session(idHash: string): Promise<SessionLookup | undefined> {
    const r = await this.db
      .selectFrom('session')
      .innerJoin('account', 'account.id', 'session.account_id')
      .selectAll('account')
      .select(['session.csrf_token', 'session.expires_at', 'session.last_used_at'])
      .where('session.id_hash', '=', idHash)
      .where('account.disabled', '=', 0)
      .executeTakeFirst();
    return r ? { account: account(r), csrfToken: r.csrf_token, expiresAt: r.expires_at, lastUsedAt: r.last_used_at } : undefined;
  }

  /**
   * Records a use of the session unless one was recorded after `staleBefore`. The condition is checked in the database,
   * so that several server processes seeing the same stale value still write it once.
   */
  async touchSession(idHash: string, now: string, staleBefore: string): Promise<void> {
    await this.db.updateTable('session').set({ last_used_at: now }).where('id_hash', '=', idHash).where('last_used_at', '<=', staleBefore).execute();
  }

  /** Removes a session; returns the account it belonged to. */
  async deleteSession(trx: Db, idHash: string): Promise<string | undefined> {
    const r = await trx.deleteFrom('session').where('id_hash', '=', idHash).returning('account_id').executeTakeFirst();
    return r?.account_id;
  }

  /** Ends every session of an account, or every one but `except` (an id hash); returns how many ended. */
  async deleteSessionsOf(trx: Db, accountId: string, except?: string): Promise<number> {
    let q = trx.deleteFrom('session').where('account_id', '=', accountId);
    if (except !== undefined) q = q.where('id_hash', '!=', except);
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Drops sessions past their absolute expiry or idle since `idleBefore`. */
  async deleteEndedSessions(now: string, idleBefore: string): Promise<void> {
    await this.db
      .deleteFrom('session')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_used_at', '<=', idleBefore)]))
      .execute();
  }

  async createToken(trx: Db, t: { id: string; accountId: string; name: string; tokenHash: string; createdAt: string; expiresAt: string | null; scope: TokenScope; parentId: string | null }): Promise<void> {
    await trx
      .insertInto('api_token')
      .values({ id: t.id, account_id: t.accountId, name: t.name, token_hash: t.tokenHash, created_at: t.createdAt, expires_at: t.expiresAt, revoked_at: null, scope: t.scope, parent_id: t.parentId })
      .execute();
  }

  /** The account behind a live token (not revoked, not expired, account enabled), with the token's id and last use. */
  async tokenAccount(tokenHash: string, now: string): Promise<TokenLookup | undefined> {
    const r = await this.db
      .selectFrom('api_token')
      .innerJoin('account', 'account.id', 'api_token.account_id')
      .selectAll('account')
      .select(['api_token.id as token_id', 'api_token.last_used_at as token_last_used_at', 'api_token.scope as token_scope', 'api_token.expires_at as token_expires_at'])
      .where('api_token.token_hash', '=', tokenHash)
      .where('api_token.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('api_token.expires_at', 'is', null), eb('api_token.expires_at', '>', now)]))
      .where('account.disabled', '=', 0)
      .executeTakeFirst();
    return r
      ? { account: account(r), tokenId: r.token_id, lastUsedAt: r.token_last_used_at, scope: r.token_scope === 'read' ? 'read' : 'read-write', expiresAt: r.token_expires_at }
      : undefined;
  }

  /** Records a use of the token unless one was recorded after `staleBefore`; checked in the database, as for sessions. */
  async touchToken(id: string, now: string, staleBefore: string): Promise<void> {
    await this.db
      .updateTable('api_token')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', staleBefore)]))
      .execute();
  }

  async tokens(accountId?: string): Promise<TokenInfo[]> {
    let q = this.db.selectFrom('api_token').innerJoin('account', 'account.id', 'api_token.account_id').selectAll('api_token').select('account.username');
    if (accountId) q = q.where('api_token.account_id', '=', accountId);
    return (await q.orderBy('api_token.created_at').orderBy('api_token.id').execute()).map(tokenInfo);
  }

  async token(id: string): Promise<(TokenInfo & { accountId: string }) | undefined> {
    const r = await this.db
      .selectFrom('api_token')
      .innerJoin('account', 'account.id', 'api_token.account_id')
      .selectAll('api_token')
      .select('account.username')
      .where('api_token.id', '=', id)
      .executeTakeFirst();
    return r ? { ...tokenInfo(r), accountId: r.account_id } : undefined;
  }

  /** Revokes a token and every token created through it, at any depth; returns the ids of the descendants revoked. */
  async revokeToken(trx: Db, id: string, at: string): Promise<string[]> {
    const tree = await sql<{ id: string }>`
      WITH RECURSIVE tree(id) AS (SELECT id FROM api_token WHERE parent_id = ${id} UNION SELECT t.id FROM api_token t JOIN tree ON t.parent_id = tree.id)
      SELECT id FROM tree`.execute(trx);
    const children = tree.rows.map((r) => r.id);
    await trx.updateTable('api_token').set({ revoked_at: at }).where('id', 'in', [id, ...children]).where('revoked_at', 'is', null).execute();
    return children;
  }
}
