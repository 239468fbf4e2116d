// Setting a record's marking: what a request may say, the deployment default, and who may change whose records.
import { z } from 'zod';
import { can, decide, type Decision } from '../auth/permissions';
import { orgOf, type Principal } from '../auth/principal';
import { Organisation, Username } from '../auth/account';
import { AppError, type ErrorIssue } from '../errors';
import { parseOrThrow } from '../zod-issues';
import type { RecordMarking } from './clearance';
import { TlpInput, tlpLabel, type TlpLevel } from './tlp';

/** The marking fields a request may carry beside a record; all optional, unset ones keep their value or default. */
export const MarkingInput = z
  .object({
    tlp: TlpInput.optional(),
    owner: Organisation.optional(),
    sharedWith: z.array(Organisation).max(100).optional(),
    recipients: z.array(Username).max(100).optional(),
  })
  .strict();
export type MarkingInput = z.output<typeof MarkingInput>;

export const MARKING_FIELDS = ['tlp', 'owner', 'sharedWith', 'recipients'] as const;

/** Splits a request body into the record and its marking fields. */
export function splitMarking(raw: unknown): { record: unknown; marking: MarkingInput } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { record: raw, marking: {} };
  const record: Record<string, unknown> = {};
  const marking: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) ((MARKING_FIELDS as readonly string[]).includes(k) ? marking : record)[k] = v;
  return { record, marking: parseOrThrow(MarkingInput, marking, 'invalid_marking', 'marking') };
}

/**
 * The marking a write results in. Unset fields keep the current record's value (or, for a new record, the
 * deployment default and the writer's organisation). Sharing lists apply to their level only: sharedWith to
 * AMBER, recipients to RED; a writer who marks a record RED is always one of its recipients, so that nobody
 * locks themselves out by accident.
 */
export function resolveMarking(input: MarkingInput, ctx: { principal: Principal; current?: RecordMarking | undefined; defaultTlp: TlpLevel }): RecordMarking {
  const { principal, current } = ctx;
  const tlp = input.tlp ?? current?.tlp ?? ctx.defaultTlp;
  const ownOrg = orgOf(principal);
  const owner = input.owner ?? current?.owner ?? ownOrg;
  const issues: ErrorIssue[] = [];
  if (input.sharedWith && input.sharedWith.length > 0 && tlp !== 'amber') issues.push({ path: 'sharedWith', message: `applies to TLP:AMBER only, not ${tlpLabel(tlp)}` });
  if (input.recipients && input.recipients.length > 0 && tlp !== 'red') issues.push({ path: 'recipients', message: `applies to TLP:RED only, not ${tlpLabel(tlp)}` });
  const sharedWith = tlp === 'amber' ? unique(input.sharedWith ?? current?.sharedWith ?? []).filter((o) => o !== owner) : [];
  const recipients = tlp === 'red' ? unique([...(input.recipients ?? current?.recipients ?? []), ...(principal.kind === 'user' ? [principal.username] : [])]) : [];
  if ((tlp === 'amber' || tlp === 'amber+strict') && owner === null) {
    issues.push({ path: 'owner', message: `${tlpLabel(tlp)} needs an owner organisation: give one (a member state code such as DE, or an EU body id such as eeas), or set CYBERDIPLO_ORG for this server` });
  }
  if (tlp === 'red' && recipients.length === 0) issues.push({ path: 'recipients', message: 'TLP:RED needs at least one named recipient' });
  if (issues.length) throw new AppError('invalid_marking', `Invalid marking: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  if (owner !== (current?.owner ?? ownOrg) && principal.kind === 'user' && !can(principal, 'incident.update.any')) {
    throw new AppError('forbidden', `Not allowed: only editors and admins may record or move an incident into another organisation's ownership (${owner ?? 'none'})`);
  }
  return { tlp, owner, sharedWith, recipients };
}

/** May the principal change a record it can see? Editors any; analysts those of their own organisation. */
export function decideChange(p: Principal, marking: RecordMarking): Decision {
  if (can(p, 'incident.update.any')) return decide(p, 'incident.update.any');
  const own = decide(p, 'incident.update.own-org');
  if (!own.allowed) return own;
  if (p.kind === 'user' && marking.owner === p.org) return { allowed: true, reason: `the incident is owned by ${p.org}` };
  return { allowed: false, status: 403, reason: `Not allowed: analysts change incidents owned by their own organisation; this one is owned by ${marking.owner ?? 'no organisation'}` };
}

/** A decision as the catalogue's error: 401 unauthenticated or 403 forbidden. */
export function enforce(d: Decision): void {
  if (!d.allowed) throw new AppError(d.status === 401 ? 'unauthenticated' : 'forbidden', d.reason);
}

const unique = (xs: string[]) => [...new Set(xs)];
