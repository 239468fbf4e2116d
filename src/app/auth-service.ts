// Signing in and out, finding who a request comes from (session cookie or API token), changing one's own password,
// and creating the first admin.
// Sessions, tokens and the login rate limit live in the database, so that every server process shares them.
import type { AuthConfig } from '../config';
import { Credentials, NewAccount, PasswordChange, normalisePassword } from '../core/auth/account';
import { actorOf, type Actor, type Principal, type UserPrincipal } from '../core/auth/principal';
import { idleCutoff, judgeKeptSession, judgeSession, tokenTouchDue, tokenUnexpired, touchCutoff } from '../core/auth/session';
import { AppError } from '../core/errors';
import { parseOrThrow } from '../core/zod-issues';
import type { Account, AccountRepository, SessionLookup, TokenLookup } from '../store/account-repository';
import type { AuditLog } from '../store/audit-log';
import type { Db } from '../store/db';
import type { RateLimits } from '../store/rate-limit';
import type { AccountService } from './account-service';
import { AuthLookups } from './auth-lookups';
import { decoyHash, type Secrets } from './secrets';
import { VersionReads } from './version-reads';
import type { Clock } from './toolbox-service';

/** What a request's session cookie came to: none sent, a live session, or one that no longer signs anyone in. */
export type SessionState = 'none' | 'active' | 'ended';

export interface SignedIn {
  principal: UserPrincipal;
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
}

const BOOTSTRAP_KEY = 'bootstrap_token_hash';
const BOOTSTRAP_ACTOR: Actor = { id: 'bootstrap', org: null };

export function userPrincipal(a: Account, via: UserPrincipal['via']): UserPrincipal {
  return { kind: 'user', id: a.id, username: a.username, role: a.role, org: a.org, via };
}

const sessionAnswer = (s: SessionLookup) => ({ principal: userPrincipal(s.account, 'session'), csrfToken: s.csrfToken, expiresAt: s.expiresAt });

export class AuthService {
  private readonly keptSessions = new AuthLookups<SessionLookup>();
  private readonly keptTokens = new AuthLookups<TokenLookup>();

  constructor(
    private readonly db: Db,
    private readonly accounts: AccountRepository,
    private readonly accountService: AccountService,
    private readonly limits: RateLimits,
    private readonly audit: AuditLog,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    readonly config: AuthConfig,
    /** The store's versions, read once per turn (the workbench shares its reads with the knowledge base's views). */
    private readonly versions: VersionReads = new VersionReads(db),
  ) {}

  get mode(): AuthConfig['mode'] {
    return this.config.mode;
  }

  private later(minutes: number): string {
    return new Date(Date.parse(this.clock.now()) + minutes * 60_000).toISOString();
  }

  private failureKeys(username: string, client: string) {
    return { user: `login:user:${username}`, client: `login:client:${client}` };
  }

  /** Checks a password as set (normalised, NFKC); one set before normalisation is still accepted as typed. */
  private async checkPassword(hash: string, password: string): Promise<boolean> {
    const normal = normalisePassword(password);
    if (await this.secrets.verifyPassword(hash, normal)) return true;
    return normal !== password && this.secrets.verifyPassword(hash, password);
  }

  /**
   * Reserves one password check under the account's and the client address's counters before the check runs, and
   * refuses once either has used up the window: counting atomically first is what keeps parallel guesses within the
   * limit (reading the count, checking, then counting let 45 parallel attempts check 40 passwords).
   */
  private async reserve(keys: { user: string; client: string }, what: string): Promise<void> {
    const windowStart = this.later(-this.config.loginWindowMinutes);
    const now = this.clock.now();
    const user = await this.limits.hit(keys.user, now, windowStart);
    const client = await this.limits.hit(keys.client, now, windowStart);
    if (user > this.config.loginLimit || client > this.config.loginLimit * 10) {
      // Refused without a check: the counters keep counting password checks only.
      await this.limits.release(keys.user);
      await this.limits.release(keys.client);
      throw new AppError('too_many_attempts', `Too many ${what}: try again in ${this.config.loginWindowMinutes} minutes`);
    }
  }

  /** A check that succeeded: the account's counter starts again, and the client address gets its reservation back. */
  private async succeeded(keys: { user: string; client: string }): Promise<void> {
    await this.limits.reset(keys.user);
    await this.limits.release(keys.client);
  }

  /**
   * Checks a username and password. Failures count per account and per client address in the database and answer
   * the same whether the account exists or not; past the limit, sign-in is refused until the window ends.
   */
  async login(raw: unknown, client: string): Promise<SignedIn> {
    if (this.mode === 'off') throw new AppError('invalid_input', 'Sign-in is off on this server (CYBERDIPLO_AUTH=off): everything is open without it');
    const creds = parseOrThrow(Credentials, raw, 'invalid_input', 'sign-in');
    const now = this.clock.now();
    const keys = this.failureKeys(creds.username, client);
    await this.reserve(keys, 'failed sign-ins');
    const account = await this.accounts.byUsername(creds.username);
    const ok = await this.checkPassword(account?.passwordHash ?? (await decoyHash()), creds.password);
    if (!account || !ok || account.disabled) {
      await this.db.transaction().execute((trx) =>
        this.audit.append(trx, { actor: { id: 'anonymous', org: null }, at: now, action: 'auth.login-failed', targetType: 'account', targetId: creds.username, after: { client } }),
      );
      throw new AppError('invalid_credentials', 'Wrong username or password');
    }
    await this.succeeded(keys);
    await this.accounts.deleteEndedSessions(now, idleCutoff(now, this.config.sessionIdleMinutes));
    const sessionId = this.secrets.token();
    const csrfToken = this.secrets.token();
    const expiresAt = this.later(this.config.sessionHours * 60);
    const principal = userPrincipal(account, 'session');
    await this.db.transaction().execute(async (trx) => {
      await this.accounts.createSession(trx, { idHash: this.secrets.sha256(sessionId), accountId: account.id, csrfToken, createdAt: now, expiresAt });
      await this.audit.append(trx, { actor: actorOf(principal), at: now, action: 'auth.login', targetType: 'account', targetId: account.username, after: { expiresAt } });
    });
    return { principal, sessionId, csrfToken, expiresAt };
  }

  /**
   * A signed-in user changes their own password. A wrong current password counts against the same limit as a failed
   * sign-in, so that a borrowed session or token cannot be used to guess it. On success every other session of the
   * account ends (the one making the change goes on); API tokens are kept.
   */
  async changePassword(p: Principal, raw: unknown, from: { sessionId?: string | undefined; client: string }): Promise<void> {
    if (this.mode === 'off') throw new AppError('invalid_input', 'Sign-in is off on this server (CYBERDIPLO_AUTH=off): there are no passwords to change');
    if (p.kind !== 'user') throw new AppError('unauthenticated', 'Sign in first: only an account has a password to change');
    const change = parseOrThrow(PasswordChange, raw, 'invalid_input', 'password change');
    const keys = this.failureKeys(p.username, from.client);
    await this.reserve(keys, 'wrong passwords');
    const account = await this.accounts.byUsername(p.username);
    if (!account || account.disabled) throw new AppError('unauthenticated', 'Sign in first: the account is disabled or gone');
    const now = this.clock.now();
    if (!(await this.checkPassword(account.passwordHash, change.currentPassword))) {
      await this.db.transaction().execute((trx) =>
        this.audit.append(trx, { actor: actorOf(p), at: now, action: 'auth.password-change-failed', targetType: 'account', targetId: p.username, after: { client: from.client } }),
      );
      throw new AppError('invalid_credentials', 'The current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
    }
    await this.succeeded(keys);
    const hash = await this.secrets.hashPassword(change.newPassword);
    const keep = from.sessionId ? this.secrets.sha256(from.sessionId) : undefined;
    await this.db.transaction().execute(async (trx) => {
      await this.accounts.update(trx, account.id, { password_hash: hash }, now);
      const ended = await this.accounts.deleteSessionsOf(trx, account.id, keep);
      await this.audit.append(trx, { actor: actorOf(p), at: now, action: 'account.password-changed', targetType: 'account', targetId: p.username, after: { via: p.via, otherSessionsEnded: ended } });
    });
  }

  async logout(sessionId: string, principal: Principal): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const accountId = await this.accounts.deleteSession(trx, this.secrets.sha256(sessionId));
      if (accountId && principal.kind === 'user') {
        await this.audit.append(trx, { actor: actorOf(principal), at: now, action: 'auth.logout', targetType: 'account', targetId: principal.username });
      }
    });
  }

  /**
   * The live session behind a cookie, or undefined once it has ended; refreshes its last use at most once a minute.
   * The lookup is kept between requests while the auth version stays where it was read (auth-lookups.ts); a kept one
   * is trusted only where it cannot differ from a fresh read (judgeKeptSession), and read again otherwise.
   */
  async fromSession(sessionId: string, arrived?: number): Promise<{ principal: UserPrincipal; csrfToken: string; expiresAt: string } | undefined> {
    const idHash = this.secrets.sha256(sessionId);
    // The version first, then the row: a row read after the version is at least as new as what the version stands for.
    // `arrived`: the request's arrival stamp; the version is then from a read sent after the request arrived.
    const version = await this.versions.auth(arrived);
    const now = this.clock.now();
    const kept = this.keptSessions.get(idHash, version);
    if (kept) {
      const use = judgeKeptSession(kept, now, this.config.sessionIdleMinutes);
      if (use === 'expired') {
        this.keptSessions.drop(idHash);
        return undefined;
      }
      if (use !== 'read-again') {
        if (use === 'touch') await this.touch(idHash, now);
        return sessionAnswer(kept);
      }
    }
    const s = await this.accounts.session(idHash);
    if (!s) {
      this.keptSessions.drop(idHash);
      return undefined;
    }
    const verdict = judgeSession(s, now, this.config.sessionIdleMinutes);
    if (!verdict.live) {
      this.keptSessions.drop(idHash);
      return undefined;
    }
    if (verdict.touch) await this.touch(idHash, now);
    else this.keptSessions.set(idHash, s, version);
    return sessionAnswer(s);
  }

  /** Records a use of the session; what is kept of it is dropped, so that the next request reads the recorded use. */
  private async touch(idHash: string, now: string): Promise<void> {
    this.keptSessions.drop(idHash);
    await this.accounts.touchSession(idHash, now, touchCutoff(now));
  }

  /**
   * The account behind a live API token; records the token's last use at most once a minute. Kept between requests as
   * sessions are; a kept token's expiry is judged as the store's query judges it, and a due write of its last use drops
   * it (its last use has no timeout: only an admin's list shows it).
   */
  async fromToken(token: string, arrived?: number): Promise<UserPrincipal | undefined> {
    const tokenHash = this.secrets.sha256(token);
    const version = await this.versions.auth(arrived);
    const now = this.clock.now();
    const kept = this.keptTokens.get(tokenHash, version);
    if (kept && !tokenUnexpired(kept.expiresAt, now)) {
      this.keptTokens.drop(tokenHash);
      return undefined;
    }
    const t = kept ?? (await this.accounts.tokenAccount(tokenHash, now));
    if (!t) return undefined;
    if (tokenTouchDue(t.lastUsedAt, now)) {
      this.keptTokens.drop(tokenHash);
      await this.accounts.touchToken(t.tokenId, now, touchCutoff(now));
    } else if (!kept) this.keptTokens.set(tokenHash, t, version);
    return { ...userPrincipal(t.account, 'token'), token: { id: t.tokenId, scope: t.scope, expiresAt: t.expiresAt } };
  }

  /**
   * On a team server's start: with no account yet, creates the first admin from CYBERDIPLO_ADMIN_PASSWORD, or else
   * issues a one-time bootstrap token (only its hash is stored) for POST /api/auth/bootstrap. Never a default password.
   */
  async prepareFirstAdmin(): Promise<{ created?: string; bootstrapToken?: string; warning?: string }> {
    const first = this.config.firstAdmin;
    if ((await this.accounts.count()) > 0) {
      return first.password ? { warning: 'CYBERDIPLO_ADMIN_PASSWORD is set but accounts exist already: it was ignored; remove it from the environment' } : {};
    }
    if (this.mode === 'off') return first.password ? { warning: 'CYBERDIPLO_ADMIN_PASSWORD is set but sign-in is off (CYBERDIPLO_AUTH=off): it was ignored' } : {};
    if (first.password) {
      const admin = await this.accountService.create({ kind: 'local', org: null }, { username: first.username, password: first.password, role: 'admin', org: first.org ?? '' }, BOOTSTRAP_ACTOR);
      return { created: admin.username };
    }
    const token = this.secrets.token();
    const value = this.secrets.sha256(token);
    await this.db.insertInto('meta').values({ key: BOOTSTRAP_KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    return { bootstrapToken: token };
  }

  /**
   * Creates the first admin with the one-time token printed at start. The token is used up only by a success: it is
   * claimed in the account's own transaction, after the input and the organisation are checked, so that a typo in
   * the form does not burn it.
   */
  async bootstrap(raw: unknown): Promise<Account> {
    const body = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const { token, ...rest } = body;
    const input = parseOrThrow(NewAccount.omit({ role: true }), rest, 'invalid_input', 'first admin');
    const hash = typeof token === 'string' ? this.secrets.sha256(token) : '';
    const refused = () => new AppError('forbidden', 'The bootstrap token is wrong or used up, or an admin exists already');
    const held = await this.db.selectFrom('meta').select('value').where('key', '=', BOOTSTRAP_KEY).executeTakeFirst();
    if (!held || !this.secrets.equal(held.value, hash) || (await this.accounts.count()) > 0) throw refused();
    return this.accountService.create({ kind: 'local', org: null }, { ...input, role: 'admin' }, BOOTSTRAP_ACTOR, async (trx) => {
      const claimed = await trx.deleteFrom('meta').where('key', '=', BOOTSTRAP_KEY).where('value', '=', hash).returning('key').executeTakeFirst();
      if (!claimed || (await this.accounts.count(trx)) > 0) throw refused();
    });
  }

  /**
   * Who a request comes from, given what it carried; `bad` says a bearer token was shown but is not valid, and
   * `session` what became of a session cookie (a bearer token takes precedence, so the cookie then counts as none).
   * `arrived`, the request's arrival stamp (version-reads.ts), lets it share a version read sent after it arrived.
   */
  async resolve(creds: { bearer?: string | undefined; sessionId?: string | undefined; arrived?: number | undefined }): Promise<{ principal: Principal; csrfToken?: string; bad?: 'token'; session: SessionState }> {
    if (this.mode === 'off') return { principal: { kind: 'local', org: this.config.org }, session: 'none' };
    if (creds.bearer !== undefined) {
      const p = await this.fromToken(creds.bearer, creds.arrived);
      return p ? { principal: p, session: 'none' } : { principal: { kind: 'anonymous' }, bad: 'token', session: 'none' };
    }
    if (!creds.sessionId) return { principal: { kind: 'anonymous' }, session: 'none' };
    const s = await this.fromSession(creds.sessionId, creds.arrived);
    return s ? { principal: s.principal, csrfToken: s.csrfToken, session: 'active' } : { principal: { kind: 'anonymous' }, session: 'ended' };
  }
}
