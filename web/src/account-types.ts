// Accounts and API tokens as the web app reads them (GET /api/users, GET /api/tokens) and what it sends to change them.
import type { Role } from './auth-types';

/** An account as the API presents it: never its password. */
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

export interface NewAccount {
  username: string;
  password: string;
  role: Role;
  org: string;
  displayName?: string;
}

/** What PATCH /api/users/:username accepts; unset fields keep their value. A new password ends the account's sessions. */
export interface AccountChange {
  role?: Role;
  org?: string;
  displayName?: string;
  disabled?: boolean;
  password?: string;
}

export interface TokenInfo {
  id: string;
  username: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Not every server records when a token was last used. */
  lastUsedAt?: string | null;
}

export interface NewToken {
  name: string;
  /** Days until the token stops working; without it the token works until revoked. */
  expiresInDays?: number;
}

/** The answer to creating a token: its secret, shown this once, beside its description. */
export interface CreatedToken extends TokenInfo {
  token: string;
}
