// A partner's facts as they hold at a date, each named as the knowledge base names it, ready for the evaluators.
import type { IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import { dialogueById } from '../kb/dialogue-index';
import { buildProfile, type DialogueView } from '../kb/profile';
import { labelOf, nameInSentence } from '../labels';
import { holdsAt, valueAt, type Source, type TimedEntry } from '../provenance';
import type { Cooperation, Tension } from '../records/cooperation';
import { membershipFactId, type Membership } from '../records/membership';
import type { BudapestEntry } from '../records/positions';
import type { z } from 'zod';
import type { BudapestStance, BudapestStatus, InternetGovernanceModel, PartnerId, Perception, Wcit2012 } from '../vocabularies';
import type { FactRef } from './explanation';

export interface Known<T> {
  ref: FactRef;
  value: T;
  sources: Source[];
}

type Profile = ReturnType<typeof buildProfile>;
type AgreementView = Profile['agreements'][number];
type DocumentView = Profile['documents'][number];
type AttentionEntry = Profile['attention'][number];

export interface PartnerFacts {
  id: PartnerId;
  name: string;
  asOf: IsoDate | undefined;
  dialogues: Known<DialogueView>[];
  documents: Known<DocumentView>[];
  agreements: Known<AgreementView>[];
  /** With the entry of the position's history it rests on (a ratification's entry into force is read from it). */
  budapest: (Known<{ value: z.infer<typeof BudapestStatus>; stance?: z.infer<typeof BudapestStance> | undefined }> & { entry: BudapestEntry }) | null;
  internetGovernance: Known<z.infer<typeof InternetGovernanceModel>> | null;
  wcit2012: Known<z.infer<typeof Wcit2012>> | null;
  memberships: Known<Membership>[];
  cooperation: Known<Cooperation>[];
  perception: Known<z.infer<typeof Perception>> | null;
  tensions: Known<Tension>[];
  attention: Known<AttentionEntry>[];
  /**
   * Facts that hold at the date only on an unverified entry (a hypothesis of the research notes): shown apart,
   * never scored.
   */
  unverified: Known<string>[];
}

type Entry = { unverified?: boolean | undefined };
const verified = <E extends Entry>(history: readonly E[]): E[] => history.filter((e) => !e.unverified);

const merge = (...lists: Source[][]): Source[] => {
  const out: Source[] = [];
  for (const s of lists.flat()) if (!out.some((o) => o.ref === s.ref && o.locator === s.locator)) out.push(s);
  return out;
};

export function factsAt(dataset: Dataset, id: string, asOf: IsoDate | undefined): PartnerFacts {
  const p = buildProfile(dataset, id, asOf);
  const file = dataset.partners.get(p.id)!.file;
  const name = p.name;

  const unverified: Known<string>[] = [];
  /** The entry that holds on verified sources; an unverified entry that would hold instead is listed apart. */
  const current = <E extends TimedEntry<string>>(id: (index: number) => string, title: string, history: E[]): E | undefined => {
    const any = valueAt<string, E>(history, asOf);
    const entry = valueAt<string, E>(verified(history), asOf);
    // An unverified entry that repeats what the verified one says (a later round reported by a weaker source) adds nothing.
    const stance = (e: E | undefined) => (e as { stance?: string } | undefined)?.stance;
    if (any && any !== entry && (any.value !== entry?.value || stance(any) !== stance(entry))) {
      unverified.push({ ref: { id: id(history.indexOf(any)), title: `${title} — ${labelOf(any.value)} (unverified)` }, value: any.value, sources: any.sources });
    }
    return entry;
  };

  const position = <E extends TimedEntry<string>>(
    key: string,
    label: string,
    history: E[],
  ): (Known<E['value']> & { entry: E }) | null => {
    const entry = current((i) => `position:${p.id}-${key}-${i}`, `${name}: ${label}`, history);
    if (!entry) return null;
    return { ref: { id: `position:${p.id}-${key}-${history.indexOf(entry)}`, title: `${name}: ${label} — ${labelOf(entry.value)}` }, value: entry.value, sources: entry.sources, entry };
  };

  const budapest = position('budapest-convention', 'Budapest Convention', file.positions.budapestConvention);
  // An agreement counts at the status that holds on verified entries; one that would hold only on an unverified entry is shown apart.
  const recorded = new Map(dataset.partners.get(p.id)!.agreements.map((a) => [a.id, a]));
  const agreements = p.agreements.flatMap((a) => {
    const raw = recorded.get(a.id)!;
    const now = current((i) => `agreement:${a.id}#status-${i}`, a.title, raw.status);
    if (!now) return [];
    return [{ ref: { id: `agreement:${a.id}`, title: a.title }, value: { ...a, status: now.value }, sources: merge(raw.sources, now.sources) }];
  });
  // A membership the sources name but nobody has checked yet is shown apart, never scored.
  for (const m of p.membershipDetails.filter((x) => x.unverified)) {
    unverified.push({ ref: { id: membershipFactId(p.id, m), title: `${name}: member of ${nameInSentence(m.id)} (unverified)` }, value: m.id, sources: m.sources });
  }
  const perceptionEntry = current((i) => `perception:${p.id}-${i}`, `${name} perceived by the EU`, file.perception);
  const dialogues = p.dialogues.flatMap((d) => {
    const status = dialogueById(dataset, d.id)?.status ?? [];
    const now = current((i) => `dialogue:${d.id}#status-${i}`, d.name, status);
    if (!now) return [];
    return [{ ref: { id: `dialogue:${d.id}`, title: d.name }, value: { ...d, status: now.value }, sources: merge(d.sources, now.sources) }];
  });

  return {
    id: p.id,
    name,
    asOf,
    dialogues,
    documents: p.documents.map((d) => ({ ref: { id: `document:${d.id}`, title: d.title }, value: d, sources: d.sources })),
    agreements,
    budapest: budapest ? { ref: budapest.ref, value: { value: budapest.value, stance: budapest.entry.stance }, sources: budapest.sources, entry: budapest.entry } : null,
    internetGovernance: position('internet-governance', 'model of internet governance', file.positions.internetGovernance),
    wcit2012: position('wcit-2012', 'WCIT-12 final acts', file.positions.wcit2012),
    memberships: p.membershipDetails.filter((m) => !m.unverified).map((m) => ({ ref: { id: membershipFactId(p.id, m), title: `${name}: member of ${nameInSentence(m.id)}` }, value: m, sources: m.sources })),
    cooperation: p.cooperation.map((c) => ({ ref: { id: `cooperation:${c.id}`, title: c.title }, value: c, sources: c.sources })),
    perception: perceptionEntry
      ? {
          ref: { id: `perception:${p.id}-${file.perception.indexOf(perceptionEntry)}`, title: `${name} perceived by the EU as a ${perceptionEntry.value}` },
          value: perceptionEntry.value,
          sources: perceptionEntry.sources,
        }
      : null,
    tensions: file.tensions
      .filter((t) => holdsAt(t.from, t.until, asOf))
      .map((t) => ({ ref: { id: `tension:${t.id}`, title: t.title }, value: t, sources: t.sources })),
    attention: p.attention.map((a) => ({
      ref: { id: `attention:${p.id}-${file.partner.attention.indexOf(a)}`, title: `${name}: cyber on the ${a.level} agenda (${a.year})` },
      value: a,
      sources: a.sources,
    })),
    unverified,
  };
}
