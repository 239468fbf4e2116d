// An unchanged re-import without reading, checking, mapping and writing every record again. A full import run keeps,
// per importer, format and file names (the scope), a digest of its input (the files' bytes, the options, the mapping
// tables and vocabulary it was mapped with) and a digest of the stored state of every record it brought (row,
// version, source link, marking, grants), taken after its writes, with the answer a full re-run over that state
// gives (worked out by planning the same batch again over what was just written). A later run of the same scope
// with the same input digest whose records' state digest is unchanged gives that answer and writes what a run that
// changes no record writes (its report, the report's marking and one audit entry). Anything else (another
// importer, a changed file or option, a record edited, deleted or re-marked here since) takes the full path.
// The state after the writes is worked out from the state before and what each write changed (`stateAfterWrite`)
// rather than read back: a state worked out wrongly can only make the memo miss, since a replay compares the digest
// with that of the state it reads, and the kept answer is the plan of the state the digest covers.
import type { Principal } from '../auth/principal';
import type { RecordMarking } from '../marking/clearance';
import type { StoredRecord } from './import-plan';
import { RECORD_KINDS, type ImportFormat, type RecordKind } from './records';

/** Raised when what the memo records or how its digests are made changes: older memos then never match. */
export const MEMO_VERSION = 1;

/** An incremental hash (the edge passes SHA-256): the state of 100,000 records is fed a line at a time. */
export interface DigestSink {
  update(text: string): unknown;
  digest(): string;
}

/** Who imports, as far as it decides an import's answer: clearance, organisation, the user named on RED records. */
export function principalKey(p: Principal): string {
  switch (p.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'local':
      return JSON.stringify(['local', p.org]);
    case 'operator':
      return JSON.stringify(['operator', p.name, p.org]);
    case 'user':
      return JSON.stringify(['user', p.id, p.username, p.role, p.org]);
  }
}

/** The scope a memo is kept under: one per importer, format and list of file names. */
export function memoScope(p: Principal, format: ImportFormat, files: readonly string[], sink: DigestSink): string {
  sink.update(JSON.stringify([MEMO_VERSION, principalKey(p), format, files]));
  return sink.digest();
}

/** The digest of everything besides the store that decides an import's answer. */
export function memoInput(parts: { sources: readonly { name: string; sha256: string }[]; settings: unknown }, sink: DigestSink): string {
  sink.update(JSON.stringify([MEMO_VERSION, parts.sources, parts.settings]));
  return sink.digest();
}

/** The record ids a memo covers, by kind (a row is looked up in its kind's table). */
export type MemoIds = Record<RecordKind, string[]>;

export function unionIds(a: MemoIds, b: MemoIds): MemoIds {
  const out = {} as MemoIds;
  for (const k of RECORD_KINDS) out[k] = [...new Set([...a[k], ...b[k]])].sort();
  return out;
}

/**
 * The digest of what the store holds for `ids`: everything the plan reads (row, link, marking with its grants, the
 * marking's kind) and each row's version, so that a record edited here since also takes the full path.
 */
export function stateDigest(ids: MemoIds, stored: ReadonlyMap<string, StoredRecord>, sink: DigestSink): string {
  return stateDigestOf(ids, (id) => stateLine(id, stored.get(id)), sink);
}

/** `stateDigest` from each record's line (`stateLine`), for a run that keeps the lines rather than the records' state. */
export function stateDigestOf(ids: MemoIds, line: (id: string) => string, sink: DigestSink): string {
  for (const kind of RECORD_KINDS) {
    sink.update(`#${kind}\n`);
    for (const id of ids[kind]) sink.update(line(id));
  }
  return sink.digest();
}

/** What the state digest takes of one record. */
export function stateLine(id: string, s: StoredRecord | undefined): string {
  if (!s) return `${id}\n`;
  const m = s.marking;
  const marking = m ? JSON.stringify([m.tlp, m.owner, [...m.sharedWith].sort(), [...m.recipients].sort()]) : '';
  return `${id}\t${s.exists ? 1 : 0}\t${s.version ?? ''}\t${s.kind ?? ''}\t${s.link?.hash ?? ''}\t${s.link?.sourceModified ?? ''}\t${marking}\n`;
}

/** A write of an import once compared with its stored row (the store's `Settled`): what it changes. */
export interface SettledWrite {
  w: { kind: RecordKind; item: { id: string; source: { modified: string | null } }; hash: string; marking: RecordMarking };
  /** A new row; else whether the content, the marking, both or neither change. */
  create: boolean;
  content: boolean;
  marking: boolean;
  /** The stored row's version, read to compare its content. */
  old?: { version: number } | undefined;
}

/**
 * What the store holds for a record after an import wrote it (store/exchange-writer.ts): every planned record gets
 * its link anew (the content hash and the source's version); its row is written as version 1 when created, as the
 * next version when its content changes, and an incident's also when only its marking does (as through the API);
 * its marking and grants are written when they change, under the record's kind. Anything else stays as it was.
 */
export function stateAfterWrite(prior: StoredRecord | undefined, s: SettledWrite): StoredRecord {
  const { w } = s;
  const row = s.create || s.content || (w.kind === 'incident' && s.marking && s.old !== undefined);
  return {
    exists: s.create || (prior?.exists ?? false),
    version: row ? (s.create ? 1 : (s.old?.version ?? 0) + 1) : prior?.version,
    link: { hash: w.hash, sourceModified: w.item.source.modified },
    marking: s.marking ? w.marking : prior?.marking,
    kind: s.marking ? w.kind : prior?.kind,
  };
}
