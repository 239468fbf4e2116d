// The register of the regime's listings as imports have seen them: each annex entry with its lifecycle (listed,
// amended, delisted), and what an import of a new annex changes. Pure: the store keeps the register.
import type { IsoDate } from '../dates';
import type { AnnexEntry } from './annex';

export interface RegisteredEntry extends AnnexEntry {
  /** Set when an import no longer found the entry: the import's date, or the date it was given. */
  delistedOn: IsoDate | null;
  /** Dates on which an import found the entry's printed content changed. */
  amendedOn: IsoDate[];
}

export interface SanctionsRegister {
  entries: RegisteredEntry[];
  /** The date of the last import: what the register says holds up to this date and no later. */
  knownUntil: IsoDate;
}

export type AnnexChangeKind = 'new' | 'amended' | 'delisted';

export interface AnnexChange {
  change: AnnexChangeKind;
  id: string;
  name: string;
  kind: AnnexEntry['kind'];
  /** For amendments: the fields that differ. */
  fields?: string[];
}

const COMPARED = ['name', 'annex', 'entry', 'aliases', 'monikers', 'listedOn', 'measure', 'reason', 'details', 'celex'] as const;

/**
 * The fields of an entry that differ between two versions of the annex. An entry stored before the reader kept the
 * measure has none: that is not an amendment of the annex (the entry takes the measure without one).
 */
function changedFields(a: AnnexEntry, b: AnnexEntry): string[] {
  return COMPARED.filter((f) => !(f === 'measure' && a.measure === undefined) && JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

/**
 * The register after an import of a complete annex on `date`: entries new to it are listed (from their printed
 * listing date), changed ones amended, those the annex no longer holds delisted on `date`. Importing the same annex
 * again changes nothing.
 */
export function applyAnnex(current: readonly RegisteredEntry[], annex: readonly AnnexEntry[], date: IsoDate): { entries: RegisteredEntry[]; changes: AnnexChange[]; unchanged: number } {
  const byId = new Map(current.map((e) => [e.id, e]));
  const incoming = new Set(annex.map((e) => e.id));
  const changes: AnnexChange[] = [];
  let unchanged = 0;
  const entries: RegisteredEntry[] = [];
  for (const e of annex) {
    const was = byId.get(e.id);
    const about = { id: e.id, name: e.name, kind: e.kind };
    if (!was || was.delistedOn !== null) {
      changes.push({ change: 'new', ...about });
      entries.push({ ...e, delistedOn: null, amendedOn: [] });
      continue;
    }
    const fields = changedFields(was, e);
    if (fields.length) {
      changes.push({ change: 'amended', ...about, fields });
      entries.push({ ...e, delistedOn: null, amendedOn: [...was.amendedOn, date] });
    } else {
      unchanged++;
      entries.push(was.measure === undefined && e.measure !== undefined ? { ...was, measure: e.measure } : was);
    }
  }
  for (const was of current) {
    if (incoming.has(was.id)) continue;
    if (was.delistedOn === null) changes.push({ change: 'delisted', id: was.id, name: was.name, kind: was.kind });
    entries.push(was.delistedOn === null ? { ...was, delistedOn: date } : was);
  }
  return { entries, changes, unchanged };
}

/** A register straight from one annex (the seed, and tests): every entry listed from its printed date. */
export function registerFromAnnex(annex: readonly AnnexEntry[], knownUntil: IsoDate): SanctionsRegister {
  return { entries: applyAnnex([], annex, knownUntil).entries, knownUntil };
}
