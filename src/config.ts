// The one typed configuration object, read from the environment at start-up; bad values stop the process with a list.
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Organisation, Password, Username } from './core/auth/account';
import { TLP_LEVELS, type TlpLevel } from './core/marking/tlp';

/**
 * One address or CIDR block (IPv4 or IPv6) of a proxy whose X-Forwarded-For is believed. Named ranges and host names
 * are refused: the list says exactly which machines may speak for clients.
 */
export function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

const TrustedProxies = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((e) => e.trim()).filter(Boolean))
  .superRefine((list, ctx) => {
    for (const e of list.filter((x) => !isAddressOrCidr(x))) {
      ctx.addIssue({ code: 'custom', message: `"${e}" is not an IP address or CIDR block (allowed: addresses and CIDRs such as 10.0.0.5, 10.0.0.0/8, fd00::/8, separated by commas)` });
    }
  });

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  /** Path of the SQLite file; created, migrated and seeded on first use. */
  CYBERDIPLO_DB: z.string().default(path.join(projectRoot, 'cyberdiplo.db')),
  /** A postgres:// URL: run on PostgreSQL instead of the SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Folder of the reviewed reference data that seeds the database. */
  CYBERDIPLO_DATA: z.string().default(path.join(projectRoot, 'data')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** off: one analyst, no sign-in (default with SQLite); on: team mode (default with DATABASE_URL). */
  CYBERDIPLO_AUTH: z.enum(['off', 'on']).optional(),
  /** The marking of records written without one; default AMBER in team mode, GREEN with sign-in off. */
  CYBERDIPLO_DEFAULT_TLP: z.enum(TLP_LEVELS).optional(),
  /** The organisation running this deployment: owner of records written with sign-in off. */
  CYBERDIPLO_ORG: Organisation.optional(),
  /** Given once, on the first start, to create the first admin; ignored (with a warning) once accounts exist. */
  CYBERDIPLO_ADMIN_PASSWORD: Password.optional(),
  CYBERDIPLO_ADMIN_USER: Username.default('admin'),
  /** The first admin's organisation; defaults to CYBERDIPLO_ORG. */
  CYBERDIPLO_ADMIN_ORG: Organisation.optional(),
  CYBERDIPLO_SESSION_HOURS: z.coerce.number().min(0.05).max(24 * 30).default(12),
  /**
   * A session also ends after this many minutes without use. Last use is written at most once a minute, so a session
   * may end up to a minute early: below 5 minutes that error would be too large a share of the period.
   */
  CYBERDIPLO_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60 * 30).default(30),
  /** Only for plain-HTTP test setups: browsers keep Secure cookies on https and on http://localhost. */
  CYBERDIPLO_COOKIE_SECURE: z.enum(['true', 'false']).default('true'),
  /**
   * The secret that keys the audit trail's chain (HMAC-SHA-256), kept outside the database: whoever can write the
   * database but lacks it can neither rewrite entries nor cut the trail's end unnoticed. Required in team mode.
   */
  CYBERDIPLO_AUDIT_KEY: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. the output of openssl rand -base64 32)')
    .refine((k) => new Set(k).size >= 12, 'is too regular to be a secret: use random output such as openssl rand -base64 32')
    .optional(),
  /**
   * Host names (comma-separated) the server answers besides localhost, 127.0.0.1, ::1 and HOST: a request naming
   * any other Host is refused, so that a web page cannot reach the server through a name rebound to this address.
   */
  CYBERDIPLO_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/, 'must be host names or addresses, comma-separated (e.g. cyberdiplo.example.eu,10.0.0.5)'))),
  /** The longest an API token may live, in days (also the lifetime of a token created without one). */
  CYBERDIPLO_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Failed sign-ins allowed per account in 15 minutes (ten times as many per client address). */
  CYBERDIPLO_LOGIN_LIMIT: z.coerce.number().int().min(1).max(1000).default(5),
  /**
   * Load balancers and reverse proxies (addresses or CIDRs, comma-separated) whose X-Forwarded-For names the client:
   * the sign-in limit then counts per real client. Off by default: the address of the connection is the client.
   */
  CYBERDIPLO_TRUSTED_PROXIES: TrustedProxies,
});

export interface AuthConfig {
  mode: 'off' | 'on';
  defaultTlp: TlpLevel;
  org: string | null;
  firstAdmin: { username: string; password: string | null; org: string | null };
  sessionHours: number;
  /** Minutes without use after which a session ends (the idle timeout). */
  sessionIdleMinutes: number;
  cookieSecure: boolean;
  loginLimit: number;
  loginWindowMinutes: number;
  /** The longest an API token may live, in days. */
  tokenMaxDays: number;
}

export type Config = {
  port: number;
  host: string;
  /** The SQLite file, or the PostgreSQL URL when DATABASE_URL is set. */
  dbPath: string;
  dataDir: string;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); empty: none. */
  trustedProxies: string[];
  auth: AuthConfig;
  /** The audit key (CYBERDIPLO_AUDIT_KEY); null with sign-in off and no key set (the chain is then unkeyed). */
  auditKey: string | null;
  /** Host names answered besides the loopback names and HOST (CYBERDIPLO_ALLOWED_HOSTS). */
  allowedHosts: string[];
};

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = result.data;
  const mode = c.CYBERDIPLO_AUTH ?? (c.DATABASE_URL ? 'on' : 'off');
  const adminOrg = c.CYBERDIPLO_ADMIN_ORG ?? c.CYBERDIPLO_ORG ?? null;
  if (mode === 'on' && !c.CYBERDIPLO_AUDIT_KEY) {
    throw new ConfigError('Invalid configuration:\n  CYBERDIPLO_AUDIT_KEY: team mode needs a secret of at least 32 characters to key the audit trail, kept outside the database (e.g. openssl rand -base64 32); there is no default');
  }
  if (c.CYBERDIPLO_ADMIN_PASSWORD && !adminOrg) {
    throw new ConfigError('Invalid configuration:\n  CYBERDIPLO_ADMIN_ORG: the first admin needs an organisation (or set CYBERDIPLO_ORG)');
  }
  return {
    port: c.PORT,
    host: c.HOST,
    dbPath: c.DATABASE_URL ?? c.CYBERDIPLO_DB,
    dataDir: c.CYBERDIPLO_DATA,
    logLevel: c.LOG_LEVEL,
    trustedProxies: c.CYBERDIPLO_TRUSTED_PROXIES,
    auditKey: c.CYBERDIPLO_AUDIT_KEY ?? null,
    allowedHosts: c.CYBERDIPLO_ALLOWED_HOSTS,
    auth: {
      mode,
      defaultTlp: c.CYBERDIPLO_DEFAULT_TLP ?? (mode === 'on' ? 'amber' : 'green'),
      org: c.CYBERDIPLO_ORG ?? null,
      firstAdmin: { username: c.CYBERDIPLO_ADMIN_USER, password: c.CYBERDIPLO_ADMIN_PASSWORD ?? null, org: adminOrg },
      sessionHours: c.CYBERDIPLO_SESSION_HOURS,
      sessionIdleMinutes: c.CYBERDIPLO_SESSION_IDLE_MINUTES,
      cookieSecure: c.CYBERDIPLO_COOKIE_SECURE === 'true',
      loginLimit: c.CYBERDIPLO_LOGIN_LIMIT,
      loginWindowMinutes: 15,
      tokenMaxDays: c.CYBERDIPLO_TOKEN_MAX_DAYS,
    },
  };
}
