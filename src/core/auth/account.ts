// An account of a team deployment: what an admin sends to create or change one, and the rules on names and passwords.
import { z } from 'zod';
import { ROLES } from './roles';

/** Lower-case letters, digits, dot, dash and underscore; immutable once created (RED markings name users by it). */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be 2-64 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit');

/**
 * Passwords that pass the length rule but are among the most common or most guessed (NIST SP 800-63B, section
 * 5.1.1.2: compare against "passwords obtained from previous breach corpuses", "repetitive or sequential
 * characters" and "context-specific words"). Compared case-insensitively, with spaces removed.
 */
export const PASSWORD_BLOCKLIST: readonly string[] = [
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  '123456789012',
  '1234567890123',
  'qwertyuiopasdfgh',
  'qwertyuiop123',
  'iloveyou1234',
  'changemechangeme',
  'adminadminadmin',
  'cyberdiplo1234',
  'cyberdiplopassword',
  'letmeinletmein',
];

/** NIST SP 800-63B, section 5.1.1.2: Unicode passwords are normalised (NFKC) before they are hashed or checked. */
export const normalisePassword = (p: string): string => p.normalize('NFKC');

/** Why a password is refused beyond its length, if it is. */
export function passwordProblem(raw: string): string | undefined {
  const p = normalisePassword(raw);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(p)) return 'must not contain control characters (NUL, line breaks and the like)';
  if (p.trim().length < 12) return 'must have at least 12 characters besides leading and trailing spaces';
  if (new Set(p.replace(/\s/g, '')).size < 4) return 'must not repeat a few characters (use at least 4 different ones)';
  const bare = p.toLowerCase().replace(/\s/g, '');
  if (PASSWORD_BLOCKLIST.includes(bare)) return 'is one of the most common passwords: choose another';
  return undefined;
}

/**
 * Long passphrases over composition rules (NIST SP 800-63B, section 5.1.1.2: at least 8 characters,
 * no composition rules; we ask 12), normalised (NFKC) and checked against a blocklist of common ones. The upper
 * bound keeps argon2 work per request bounded.
 */
export const Password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters')
  .superRefine((p, ctx) => {
    if (p.length < 12 || p.length > 256) return; // the length rule has said it
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalisePassword);

/** A member state's ISO 3166-1 alpha-2 code (EL is written GR) or the id of an EU body from the knowledge base. */
export const Organisation = z
  .string()
  .trim()
  .regex(/^([A-Z]{2}|[a-z][a-z0-9-]{1,63})$/, 'must be a member state code (e.g. DE) or an EU body id (e.g. eeas, enisa, cert-eu)');

export const NewAccount = z
  .object({
    username: Username,
    password: Password,
    role: z.enum(ROLES),
    org: Organisation,
    displayName: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type NewAccount = z.output<typeof NewAccount>;

export const AccountChange = z
  .object({
    role: z.enum(ROLES).optional(),
    org: Organisation.optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
    disabled: z.boolean().optional(),
    password: Password.optional(),
  })
  .strict();
export type AccountChange = z.output<typeof AccountChange>;

export const Credentials = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();

/** A signed-in user's change of their own password; the current one is checked by the service, not here. */
export const PasswordChange = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: Password })
  .strict()
  .refine((c) => c.newPassword !== c.currentPassword, { path: ['newPassword'], message: 'must differ from the current password' });

/** What an API token may do: `read` refuses every write; `read-write` acts with its account's role. */
export const TOKEN_SCOPES = ['read', 'read-write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const NewToken = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Days until the token stops working; at most the deployment's CYBERDIPLO_TOKEN_MAX_DAYS, which is also the default. */
    expiresInDays: z.number().int().min(1).max(3650).optional(),
    /** `read`: the token may only read; `read-write` (default, or the creating token's scope) acts with the account's role. */
    scope: z.enum(TOKEN_SCOPES).optional(),
    /** Admins only: create the token for another account. */
    username: Username.optional(),
  })
  .strict();

/** Where an organisation id comes from: the member states, or the EU bodies and institutions of the knowledge base. */
export function checkOrganisation(org: string, memberStates: readonly string[], euBodies: readonly string[]): string | undefined {
  if (memberStates.includes(org) || euBodies.includes(org)) return undefined;
  return `"${org}" is neither a member state code nor an EU body id of the knowledge base (e.g. ${euBodies.slice(0, 4).join(', ')})`;
}
