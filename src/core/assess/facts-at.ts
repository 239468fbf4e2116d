// A partner's facts as they hold at a date, each named as the knowledge base names it, ready for the evaluators.
import type { IsoDate } from '../dates';
import type { Dataset } from '../kb/dataset';
import { buildProfile, type DialogueView } from '../kb/profile';
import { holdsAt, valueAt, type Source } from '../provenance';
import type { Cooperation, Tension } from '../records/cooperation';
import type { Membership } from '../records/membership';
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
  budapest: Known<{ value: z.infer<typeof BudapestStatus>; stance?: z.infer<typeof BudapestStance> | undefined }> | null;
  internetGovernance: Known<z.infer<typeof InternetGovernanceModel>> | null;
  wcit2012: Known<z.infer<typeof Wcit2012>> | null;
  memberships: Known<Membership>[];
  cooperation: Known<Cooperation>[];
  perception: Known<z.infer<typeof Perception>> | null;
  tensions: Known<Tension>[];
  attention: Known<AttentionEntry>[];
}

const merge = (...lists: Source[][]): Source[] => {
  const out: Source[] = [];
  for (const s of lists.flat()) if (!out.some((o) => o.ref === s.ref && o.locator === s.locator)) out.push(s);
  return out;
};

export function factsAt(dataset: Dataset, id: string, asOf: IsoDate | undefined): PartnerFacts {
  const p = buildProfile(dataset, id, asOf);
  const file = dataset.partners.get(p.id)!.file;
  const name = p.name;

  const position = <E extends { value: string; from: string | number; until?: string | number | undefined; sources: Source[] }>(
    key: string,
    label: string,
    history: E[],
  ): (Known<E['value']> & { entry: E }) | null => {
    const entry = valueAt<E['value'], E>(history, asOf);
    if (!entry) return null;
    return { ref: { id: `position:${p.id}-${key}-${history.indexOf(entry)}`, title: `${name}: ${label} — ${entry.value}` }, value: entry.value, sources: entry.sources, entry };
  };

  const budapest = position('budapest-convention', 'Budapest Convention', file.positions.budapestConvention);
  const perceptionEntry = valueAt(file.perception, asOf);

  return {
    id: p.id,
    name,
    asOf,
    dialogues: p.dialogues.map((d) => {
      const status = dataset.dialogues.find((x) => x.id === d.id)?.status ?? [];
      const current = valueAt(status, asOf);
      return { ref: { id: `dialogue:${d.id}`, title: d.name }, value: d, sources: merge(d.sources, current?.sources ?? []) };
    }),
    documents: p.documents.map((d) => ({ ref: { id: `document:${d.id}`, title: d.title }, value: d, sources: d.sources })),
    agreements: p.agreements.map((a) => ({ ref: { id: `agreement:${a.id}`, title: a.title }, value: a, sources: a.sources })),
    budapest: budapest ? { ref: budapest.ref, value: { value: budapest.value, stance: budapest.entry.stance }, sources: budapest.sources } : null,
    internetGovernance: position('internet-governance', 'internet-governance model', file.positions.internetGovernance),
    wcit2012: position('wcit-2012', 'WCIT-12 final acts', file.positions.wcit2012),
    memberships: p.membershipDetails.map((m) => ({ ref: { id: `membership:${p.id}-${m.id}`, title: `${name}: member of ${m.id}` }, value: m, sources: m.sources })),
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
  };
}
