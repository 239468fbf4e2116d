// The account forms' fields, to the API's: organisations written the way the server keeps them, empty names left out.
import type { Role } from '../auth-types';
import { ROLES } from '../auth-types';

/** Member states are upper-case codes (FR), EU bodies lower-case ids (eeas): what people type is put that way. */
export const organisation = (s: string) => {
  const t = s.trim();
  return t.length === 2 ? t.toUpperCase() : t.toLowerCase();
};

export const ROLE_OPTIONS: readonly (readonly [Role, string])[] = ROLES.map((r) => [r, r.charAt(0).toUpperCase() + r.slice(1)] as const);

export const ROLE_HINT =
  "Viewers read; analysts also record incidents and change their own organisation's; editors change and delete any incident they can see; admins also manage accounts.";

export const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);
