// An API token's state as its owner reads it: working, expired or revoked, and since when.
import type { TokenInfo } from '../account-types';
import { formatDateTime } from './format';

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(t: TokenInfo, now: number): TokenState {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && Date.parse(t.expiresAt) <= now) return 'expired';
  return 'active';
}

export function tokenStateText(t: TokenInfo, now: number): string {
  switch (tokenState(t, now)) {
    case 'revoked':
      return `Revoked ${formatDateTime(t.revokedAt)}`;
    case 'expired':
      return 'Expired';
    case 'active':
      return 'Active';
  }
}

/** Whether the server records when tokens were last used (older servers do not): the column shows only then. */
export const recordsLastUse = (tokens: readonly TokenInfo[]) => tokens.some((t) => t.lastUsedAt !== undefined);

/** Working tokens first, newest first within each group. */
export function sortTokens(tokens: readonly TokenInfo[], now: number): TokenInfo[] {
  const rank = (t: TokenInfo) => (tokenState(t, now) === 'active' ? 0 : 1);
  return [...tokens].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}
