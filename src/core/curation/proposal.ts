// What makes a proposal acceptable: a known partner and kind, a record that validates against its kind's schema and
// cites at least one source, an existing target for update and retire, and no clash for add.
import { canonicalJson } from '../audit/chain';
import { AppError } from '../errors';
import type { Dataset } from '../kb/dataset';
import { normalisePartnerId } from '../kb/partners';
import { issuesFromZod, parseOrThrow } from '../zod-issues';
import { ProposalInput, type ChangeAction, type ChangeKind } from './change';
import { toEditable, tryChange } from './apply';
import { HANDLERS, type EditableKb } from './records';

export interface ResolvedChange {
  partner: string;
  kind: ChangeKind;
  action: ChangeAction;
  target: string;
  record: Record<string, unknown> | null;
  before: Record<string, unknown> | null;
}

const NO_SOURCE = 'at least one source (ref and locator) is required';

/** Validates a record of a kind; issues name the field under `record.`, and a missing source says so first. */
export function parseRecord(kind: ChangeKind, raw: unknown): Record<string, unknown> {
  if (raw === undefined || raw === null) throw new AppError('invalid_change', 'The change needs a record (the fields of the reviewed data files)', [{ path: 'record', message: 'required' }]);
  const sources = typeof raw === 'object' ? (raw as { sources?: unknown }).sources : undefined;
  if (!Array.isArray(sources) || sources.length === 0) {
    throw new AppError('invalid_change', `The record cites no source: record.sources: ${NO_SOURCE}`, [{ path: 'record.sources', message: NO_SOURCE }]);
  }
  const result = HANDLERS[kind].schema.safeParse(raw);
  if (result.success) return result.data as Record<string, unknown>;
  const issues = issuesFromZod(result.error).map((i) => ({ path: i.path === '(root)' ? 'record' : `record.${i.path}`, message: i.message }));
  throw new AppError('invalid_change', `Invalid ${kind} record: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/** The record a key names now, as plain data, or undefined. */
export function currentRecord(kb: EditableKb, c: { partner: string; kind: ChangeKind; target: string }): Record<string, unknown> | undefined {
  return HANDLERS[c.kind].get(kb, c.partner, c.target);
}

function partnerOf(dataset: Dataset, kind: ChangeKind, action: ChangeAction, raw: string): string {
  const id = normalisePartnerId(raw);
  if (!dataset.partners.has(id) && !(kind === 'partner' && action === 'add')) {
    const known = [...dataset.partners.keys()].sort();
    throw new AppError('unknown_partner', `Partner ${id} has no data in the knowledge base: the partners are ${known.join(', ')} (a new partner is proposed with kind partner and action add)`, [{ path: 'partner', message: `one of ${known.join(', ')}` }]);
  }
  return id;
}

/** Checks a proposal against the knowledge base as published now and resolves its target and the record before. */
export function resolveProposal(dataset: Dataset, body: unknown): ResolvedChange & { comment: string | null; commentTlp: string | null } {
  const input = parseOrThrow(ProposalInput, body, 'invalid_change', 'change');
  const { kind, action } = input;
  const partner = partnerOf(dataset, kind, action, input.partner);
  const resolved = resolveTarget(dataset, { partner, kind, action, target: input.target, record: input.record });
  return { ...resolved, comment: input.comment ?? null, commentTlp: input.commentTlp ?? null };
}

/** Target and before of a change against `dataset`; used on proposal and again when the proposer revises it. */
export function resolveTarget(dataset: Dataset, c: { partner: string; kind: ChangeKind; action: ChangeAction; target?: string | undefined; record?: unknown }): ResolvedChange {
  const h = HANDLERS[c.kind];
  const kb = toEditable(dataset);
  if (c.action === 'retire') {
    if (c.kind === 'partner') throw new AppError('invalid_change', 'A partner is not retired as a whole: retire its facts one by one', [{ path: 'action', message: `for kind partner, must be add or update` }]);
    const target = c.target ?? (c.record && typeof c.record === 'object' ? h.key(c.record as Record<string, unknown>) : undefined);
    if (!target) throw new AppError('invalid_change', `A retire names its target (${h.keyForm})`, [{ path: 'target', message: 'required for retire' }]);
    const before = h.get(kb, c.partner, target);
    if (!before) throw unknownRecord(c.kind, c.partner, target, h.keyForm);
    const resolved = { partner: c.partner, kind: c.kind, action: c.action, target, record: null, before };
    tryChange(dataset, resolved);
    return resolved;
  }
  const record = parseRecord(c.kind, c.record);
  const issues = h.check?.(kb, c.partner, record) ?? [];
  if (issues.length) throw new AppError('invalid_change', `Invalid ${c.kind} record: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
  const key = h.key(record);
  let target = key;
  let before: Record<string, unknown> | null = null;
  if (c.action === 'add') {
    if (c.target !== undefined && c.target !== key) throw new AppError('invalid_change', `An add's target is its record's own key, "${key}"`, [{ path: 'target', message: `must be ${key} or left out` }]);
    if (h.get(kb, c.partner, key)) throw new AppError('conflict', `${c.partner} already has a ${c.kind} "${key}": propose an update instead`, [{ path: 'record', message: 'already exists' }]);
  } else {
    target = c.target ?? key;
    const found = h.get(kb, c.partner, target);
    if (!found) throw unknownRecord(c.kind, c.partner, target, h.keyForm);
    before = found;
    if (key !== target && h.get(kb, c.partner, key)) throw new AppError('conflict', `${c.partner} already has a ${c.kind} "${key}"`, [{ path: 'record', message: 'its key names another record' }]);
    if (canonicalJson(found) === canonicalJson(record)) throw new AppError('invalid_change', `The record is the same as the published one: nothing would change`, [{ path: 'record', message: 'unchanged' }]);
  }
  const resolved = { partner: c.partner, kind: c.kind, action: c.action, target, record, before };
  tryChange(dataset, resolved);
  return resolved;
}

function unknownRecord(kind: ChangeKind, partner: string, target: string, keyForm: string): AppError {
  return new AppError('unknown_record', `${partner} has no ${kind} "${target}" to change (a ${kind} is named by ${keyForm})`, [{ path: 'target', message: 'no such record' }]);
}

/** Whether the change's target reads now as it did when the change was proposed (or last revised). */
export function isCurrent(kb: EditableKb, c: { partner: string; kind: ChangeKind; target: string; before: unknown }): boolean {
  const now = currentRecord(kb, c);
  return canonicalJson(now ?? null) === canonicalJson(c.before ?? null);
}
