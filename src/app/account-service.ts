// Accounts and API tokens for admins (and each user's own tokens): every change is one transaction with its audit entry.
import { AccountChange, NewAccount, NewToken } from '../core/auth/account';
import { lastAdminProblem, mayRemoveAdmin } from '../core/auth/last-admin';
import { can, decide } from '../core/auth/permissions';
import { actorOf, type Actor, type Principal } from '../core/auth/principal';
import { AppError } from '../core/errors';
import { enforce } from '../core/marking/marking';
import { parseOrThrow } from '../core/zod-issues';
import { organisationProblem, type Organisations } from './organisation-problem';
import type { Account, AccountRepository, TokenInfo } from '../store/account-repository';
import type { AuditLog } from '../store/audit-log';
import type { Db } from '../store/db';
import type { Secrets } from './secrets';
import type { Clock } from './toolbox-service';

/** An account as the API and the audit trail show it: never its password hash. */
export function presentAccount(a: Account) {
  return { id: a.id, username: a.username, displayName: a.displayName, org: a.org, role: a.role, disabled: a.disabled, createdAt: a.createdAt, updatedAt: a.updatedAt };
}

/**
 * Which of an account's access fields (role, organisation) a user is changing on their own account, if any: an admin
 * moving into another organisation would read its AMBER+STRICT records, so that takes a second admin.
 */
function ownAccessChange(p: Principal, old: Account, change: AccountChange): 'role' | 'org' | undefined {
  if (p.kind !== 'user' || p.id !== old.id) return undefined;
  if (change.role !== undefined && change.role !== old.role) return 'role';
  if (change.org !== undefined && change.org !== old.org) return 'org';
  return undefined;
}

export class AccountService {
  constructor(
    private readonly db: Db,
    private readonly accounts: AccountRepository,
    private readonly audit: AuditLog,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly orgs: Organisations,
    /** CYBERDIPLO_TOKEN_MAX_DAYS: the longest a token may live, and the lifetime of one created without a lifetime. */
    private readonly tokens_: { maxDays: number },
  ) {}

  private async checkOrg(org: string): Promise<void> {
    const problem = organisationProblem(org, this.orgs.memberStates, await this.orgs.euBodies());
    if (problem) throw new AppError('invalid_input', `Invalid account: org: ${problem}`, [{ path: 'org', message: problem }]);
  }

  private async find(username: string, db: Db = this.db): Promise<Account & { passwordHash: string }> {
    const a = await this.accounts.byUsername(username.trim().toLowerCase(), db);
    if (!a) throw new AppError('unknown_account', `No account "${username}"`, [{ path: 'username', message: 'not found' }]);
    return a;
  }

  async list(p: Principal) {
    enforce(decide(p, 'account.manage'));
    return (await this.accounts.list()).map(presentAccount);
  }

  /** One account as the list presents it. */
  async get(p: Principal, username: string) {
    enforce(decide(p, 'account.manage'));
    return presentAccount(await this.find(username));
  }

  /**
   * Creates an account. `claim` runs first inside the account's transaction (the first admin's bootstrap token is
   * used up there), so that a refused input or a failed write leaves it as it was.
   */
  async create(p: Principal, raw: unknown, actor: Actor = actorOf(p), claim?: (trx: Db) => Promise<void>) {
    enforce(decide(p, 'account.manage'));
    const input = parseOrThrow(NewAccount, raw, 'invalid_input', 'account');
    await this.checkOrg(input.org);
    if (await this.accounts.byUsername(input.username)) throw new AppError('conflict', `An account "${input.username}" exists already`, [{ path: 'username', message: 'taken' }]);
    const at = this.clock.now();
    const account: Account = { id: `usr-${this.secrets.token(9)}`, username: input.username, displayName: input.displayName ?? null, org: input.org, role: input.role, disabled: false, createdAt: at, updatedAt: at };
    const hash = await this.secrets.hashPassword(input.password);
    await this.db.transaction().execute(async (trx) => {
      await claim?.(trx);
      await this.accounts.create(trx, account, hash);
      await this.audit.append(trx, { actor, at, action: 'account.create', targetType: 'account', targetId: account.username, after: presentAccount(account) });
    });
    return presentAccount(account);
  }

  /**
   * Changes role, organisation, name, password or disabled; disabling or a new password ends the account's sessions,
   * except the caller's own current one when they reset their own password (as POST /api/auth/password does). Refuses
   * to disable or demote the last enabled admin (core/auth/last-admin). Only the fields named are written, and the
   * account is read again inside the transaction, so that concurrent changes of other fields are not undone.
   */
  async update(p: Principal, username: string, raw: unknown, from: { sessionId?: string | undefined } = {}) {
    enforce(decide(p, 'account.manage'));
    const change = parseOrThrow(AccountChange, raw, 'invalid_input', 'account change');
    await this.find(username); // an unknown account answers 404 before the org check and the slow hashing
    if (change.org) await this.checkOrg(change.org);
    const hash = change.password ? await this.secrets.hashPassword(change.password) : undefined;
    const at = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      // The admins are counted and locked before the account is read, in the same transaction as the write: see
      // lockEnabledAdmins for why two admins demoting each other at once cannot both succeed.
      const guarded = mayRemoveAdmin(change);
      const admins = guarded ? await this.accounts.lockEnabledAdmins(trx) : [];
      const old = await this.find(username, trx);
      const next: Account = {
        ...old,
        role: change.role ?? old.role,
        org: change.org ?? old.org,
        displayName: change.displayName ?? old.displayName,
        disabled: change.disabled ?? old.disabled,
        updatedAt: at,
      };
      const problem = guarded ? lastAdminProblem(old.username, old, next, admins.filter((id) => id !== old.id).length) : undefined;
      if (problem) throw new AppError('conflict', problem.message, [{ path: problem.path, message: 'the last enabled admin must stay an enabled admin' }]);
      const own = ownAccessChange(p, old, change);
      if (own) throw new AppError('forbidden', `Not allowed: an admin does not change their own ${own}; another admin must make this change`, [{ path: own, message: 'needs another admin' }]);
      await this.accounts.update(
        trx,
        old.id,
        {
          ...(change.role ? { role: change.role } : {}),
          ...(change.org ? { org: change.org } : {}),
          ...(change.displayName ? { display_name: change.displayName } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled ? 1 : 0 } : {}),
          ...(hash ? { password_hash: hash } : {}),
        },
        at,
      );
      // An admin resetting their own password stays signed in on this session; disabling oneself ends them all.
      const keep = hash && !next.disabled && p.kind === 'user' && p.id === old.id && from.sessionId ? this.secrets.sha256(from.sessionId) : undefined;
      if (next.disabled || hash) await this.accounts.deleteSessionsOf(trx, old.id, keep);
      await this.audit.append(trx, {
        actor: actorOf(p),
        at,
        action: 'account.update',
        targetType: 'account',
        targetId: old.username,
        before: presentAccount(old),
        after: { ...presentAccount(next), ...(hash ? { passwordChanged: true } : {}) },
      });
      return presentAccount(next);
    });
  }

  private self(p: Principal): string | undefined {
    return p.kind === 'user' ? p.username : undefined;
  }

  async tokens(p: Principal, opts: { all?: boolean } = {}): Promise<TokenInfo[]> {
    enforce(decide(p, 'token.own'));
    if (opts.all || !this.self(p)) {
      enforce(decide(p, 'account.manage'));
      return this.accounts.tokens();
    }
    return this.accounts.tokens((await this.find(this.self(p) ?? '')).id);
  }

  /** Creates a token and returns its secret, which is shown this once and stored only as a hash. */
  async createToken(p: Principal, raw: unknown): Promise<{ token: string; info: TokenInfo }> {
    enforce(decide(p, 'token.own'));
    const max = this.tokens_.maxDays;
    // The lifetime's range is this server's, which the schema's fixed bounds cannot name.
    const days = typeof raw === 'object' && raw !== null ? (raw as { expiresInDays?: unknown }).expiresInDays : undefined;
    if (typeof days === 'number' && (!Number.isInteger(days) || days < 1 || days > max)) {
      throw new AppError('invalid_input', `Invalid token: expiresInDays must be a whole number of days from 1 to ${max} on this server (CYBERDIPLO_TOKEN_MAX_DAYS), got ${days}`, [{ path: 'expiresInDays', message: `1..${max}` }]);
    }
    const input = parseOrThrow(NewToken, raw, 'invalid_input', 'token');
    const username = input.username ?? this.self(p);
    if (!username) throw new AppError('invalid_input', 'Name the account the token is for (username)', [{ path: 'username', message: 'required' }]);
    // Admins manage accounts; they do not act as others. Only the operator, who holds the database anyway, issues a
    // token for an account (cyberdiplo tokens create --user).
    if (username !== this.self(p)) {
      if (p.kind === 'user') throw new AppError('forbidden', 'Not allowed: a token acts as its account, so only that account creates it (or the operator with cyberdiplo tokens create --user); leave out username', [{ path: 'username', message: `must be your own (${p.username}) or left out` }]);
      enforce(decide(p, 'account.manage'));
    }
    const owner = await this.find(username);
    const at = this.clock.now();
    let expiresAt = new Date(Date.parse(at) + (input.expiresInDays ?? max) * 86_400_000).toISOString();
    // A token that creates a token hands on no more than it holds: a scope no wider, a life no longer than its own.
    const parent = p.kind === 'user' ? p.token : undefined;
    if (parent?.scope === 'read' && input.scope === 'read-write') {
      throw new AppError('forbidden', 'Not allowed: a read-only token cannot create a read-write token', [{ path: 'scope', message: 'must be read' }]);
    }
    const scope = input.scope ?? parent?.scope ?? 'read-write';
    if (parent?.expiresAt && parent.expiresAt < expiresAt) expiresAt = parent.expiresAt;
    const token = `cdp_${this.secrets.token()}`;
    const info: TokenInfo = { id: `tok-${this.secrets.token(9)}`, username: owner.username, name: input.name, createdAt: at, expiresAt, revokedAt: null, lastUsedAt: null, scope, parentId: parent?.id ?? null };
    await this.db.transaction().execute(async (trx) => {
      await this.accounts.createToken(trx, { id: info.id, accountId: owner.id, name: info.name, tokenHash: this.secrets.sha256(token), createdAt: at, expiresAt, scope, parentId: info.parentId });
      await this.audit.append(trx, { actor: actorOf(p), at, action: 'token.create', targetType: 'token', targetId: info.id, after: info });
    });
    return { token, info };
  }

  /** Revokes one's own token, or (admins) anyone's; another user's token answers like a missing one. */
  async revokeToken(p: Principal, id: string): Promise<TokenInfo> {
    enforce(decide(p, 'token.own'));
    const t = await this.accounts.token(id);
    if (!t || (t.username !== this.self(p) && !can(p, 'account.manage'))) throw new AppError('unknown_token', `No token "${id}"`, [{ path: 'id', message: 'not found' }]);
    const at = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const children = await this.accounts.revokeToken(trx, id, at);
      await this.audit.append(trx, { actor: actorOf(p), at, action: 'token.revoke', targetType: 'token', targetId: id, before: { ...t, accountId: undefined }, after: { revokedAt: at, ...(children.length ? { childrenRevoked: children } : {}) } });
    });
    const { accountId: _, ...info } = t;
    return { ...info, revokedAt: t.revokedAt ?? at };
  }
}
