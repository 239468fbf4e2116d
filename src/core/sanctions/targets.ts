// Each listed person and entity as the product shows it: the annex entry (names, details, the statement of reasons
// as a marked quotation with its citation), its lifecycle, the acts behind it, and what the reviewed notes add.
import type { IsoDate } from '../dates';
import type { Source } from '../provenance';
import type { ListingActs, SanctionsFile } from '../toolbox/sanctions';
import type { DetailColumn } from './annex';
import type { CurationFile, Operation, TargetNotes } from './curation';
import type { RegisteredEntry, SanctionsRegister } from './register';
import type { NameRole, ScreenedTarget } from './screen';

/** Everything the sanctions data is made of: the framework file, the imported annex and the reviewed notes. */
export interface SanctionsData {
  file: SanctionsFile;
  register: SanctionsRegister;
  curation: CurationFile;
}

export interface SanctionsTarget {
  id: string;
  kind: 'person' | 'entity';
  name: string;
  /** Annex aliases: other scripts, transliterations, other names. */
  aliases: string[];
  monikers: string[];
  /** Groups the target's reasons name, and how the target stands to each. */
  groups: TargetNotes['groups'];
  /** Further names of the target itself (acronyms, short names) from the reviewed notes. */
  otherNames: string[];
  /** The first group, for a short display. */
  group?: string;
  state?: string;
  nationality: string[];
  annexEntry: string;
  since: IsoDate;
  delistedOn: IsoDate | null;
  amendedOn: IsoDate[];
  /** The framework regulation and the listing act(s), by title; `celex` holds their CELEX numbers. */
  acts: string[];
  celex: string[];
  reasons: { text: string; quotation: true; citation: string; url: string };
  /** Our one-line summary, or null where none is reviewed yet. */
  summary: string | null;
  /** The operations and incidents this target's own reasons name. */
  incidents: string[];
  operations: Operation[];
  /** The annex's details as printed, with the measure the listing imposes (`measure`, from the row's measure column). */
  details: Partial<Record<DetailColumn | 'measure', string[]>>;
  sources: Source[];
  unverified: boolean;
  note?: string;
}

const eurLex = (celex: string) => `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;
const FRAMEWORK_TITLE: Record<string, string> = { '32019R0796': 'Regulation (EU) 2019/796' };

export function targetOf(e: RegisteredEntry, data: SanctionsData): SanctionsTarget {
  const notes = data.curation.targets[e.id];
  const round: ListingActs | undefined = data.file.listingActs.find((l) => l.date === e.listedOn);
  const framework = FRAMEWORK_TITLE[e.celex] ?? `CELEX ${e.celex}`;
  const part = e.annex === 'I.A' ? 'part A (natural persons)' : 'part B (legal persons, entities and bodies)';
  const operations = (notes?.incidents ?? []).map((id) => ({ id, ...(data.curation.operations[id] ?? { name: id, match: [] }) }));
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    monikers: [...e.monikers, ...(notes?.monikers ?? []).filter((m) => !e.monikers.includes(m))],
    groups: notes?.groups ?? [],
    otherNames: notes?.names ?? [],
    ...(notes?.groups[0] ? { group: notes.groups[0].name } : {}),
    ...(notes?.state ? { state: notes.state } : {}),
    nationality: e.details.nationality ?? [],
    annexEntry: `${e.annex} ${e.entry}`,
    since: e.listedOn,
    delistedOn: e.delistedOn,
    amendedOn: e.amendedOn,
    acts: [framework, ...(round?.acts.map((a) => a.title) ?? [])],
    celex: [e.celex, ...(round?.acts.map((a) => a.celex) ?? [])],
    reasons: { text: e.reason, quotation: true, citation: `${framework}, Annex I, ${part}, entry ${e.entry}, statement of reasons (consolidated text, CELEX ${e.celex})`, url: eurLex(e.celex) },
    summary: notes?.summary ?? null,
    incidents: operations.map((o) => o.name),
    operations,
    details: { ...(e.measure ? { measure: [e.measure] } : {}), ...e.details },
    sources: [{ ref: eurLex(e.celex), locator: `Annex I, ${e.annex} entry ${e.entry}, listed ${e.listedOn}` }, ...(round?.sources ?? [])],
    unverified: round?.unverified ?? false,
    ...(round?.note ? { note: round.note } : {}),
  };
}

/** Every name a target may be screened by, and what kind of name it is. */
export function screeningNames(t: SanctionsTarget): { text: string; role: NameRole }[] {
  const out: { text: string; role: NameRole }[] = [{ text: t.name, role: 'name' }];
  for (const a of [...t.aliases, ...t.otherNames]) out.push({ text: a, role: 'alias' });
  for (const m of t.monikers) out.push({ text: m, role: 'moniker' });
  for (const g of t.groups) for (const n of [g.name, ...g.aliases]) out.push({ text: n, role: g.relation === 'is' ? 'group' : 'member-of-group' });
  return out;
}

export function screenedTarget(t: SanctionsTarget, inForce: boolean): ScreenedTarget {
  return { id: t.id, name: t.name, kind: t.kind, listedSince: t.since, inForce, names: screeningNames(t) };
}

/** Reviewed notes with no annex entry, and annex entries with none: shown by the data check, not hidden. */
export function curationGaps(data: SanctionsData): { unknownIds: string[]; withoutNotes: string[] } {
  const ids = new Set(data.register.entries.map((e) => e.id));
  return {
    unknownIds: Object.keys(data.curation.targets).filter((id) => !ids.has(id)),
    withoutNotes: [...ids].filter((id) => !(id in data.curation.targets)),
  };
}
