// Every fact of the dataset flattened into one searchable list, each with its kind, partner, date and sources.
import { toDate } from '../dates';
import { labelOf, nameInSentence } from '../labels';
import type { DatedNote, Source } from '../provenance';
import { isMember, membershipFactId } from '../records/membership';
import type { Dataset } from './dataset';

export const FACT_KINDS = [
  'document',
  'dialogue',
  'agreement',
  'position',
  'membership',
  'cooperation',
  'tension',
  'perception',
  'actor',
  'strategy',
  'national-strategy',
  'objective',
  'threat-category',
  'responsibility-area',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export interface Fact {
  /** `<kind>:<id>`, stable across re-seeding. */
  id: string;
  kind: FactKind;
  /** The partner (or comma-separated partners of a shared dialogue) the fact is about; null for EU-wide facts. */
  partner: string | null;
  /** The date from which the fact holds (ISO), or null when timeless. */
  from: string | null;
  title: string;
  text: string;
  sources: Source[];
}

const join = (...parts: (string | undefined | null | false)[]) => parts.filter(Boolean).join(' ');
/** The text of an entry's dated notes, so that a search finds a later statement too. */
const notes = (...entries: { datedNotes?: DatedNote[] | undefined }[]) => entries.flatMap((e) => (e.datedNotes ?? []).map((n) => n.text)).join(' ');

export function listFacts(dataset: Dataset): Fact[] {
  const facts: Fact[] = [];
  for (const [pid, { file, documents, agreements }] of dataset.partners) {
    const name = file.partner.name;
    for (const d of documents) {
      facts.push({ id: `document:${d.id}`, kind: 'document', partner: pid, from: toDate(d.year), title: d.title, text: join(name, d.type, `cyber mention ${d.cyberMention}`, d.summary, notes(d)), sources: d.sources });
    }
    for (const a of agreements) {
      const first = a.status[0];
      facts.push({ id: `agreement:${a.id}`, kind: 'agreement', partner: pid, from: first ? toDate(first.from) : null, title: a.title, text: join(name, a.type, a.euParty, a.status.map((s) => s.value).join(' '), a.summary, notes(...a.status)), sources: a.sources });
    }
    const positions = [
      ['budapest-convention', 'Budapest Convention', file.positions.budapestConvention],
      ['internet-governance', 'Internet governance model', file.positions.internetGovernance],
      ['wcit-2012', 'WCIT-12 final acts', file.positions.wcit2012],
    ] as const;
    for (const [key, label, history] of positions) {
      history.forEach((e, i) => {
        facts.push({ id: `position:${pid}-${key}-${i}`, kind: 'position', partner: pid, from: toDate(e.from), title: `${name}: ${label} — ${labelOf(e.value)}`, text: join(name, label, e.value, 'stance' in e ? e.stance : undefined, e.note, notes(e)), sources: e.sources });
      });
    }
    for (const m of file.memberships.filter(isMember)) {
      facts.push({ id: membershipFactId(pid, m), kind: 'membership', partner: pid, from: toDate(m.from), title: `${name}: member of ${nameInSentence(m.id)}`, text: join(name, m.id, m.role, m.note, notes(m)), sources: m.sources });
    }
    for (const c of file.cooperation) {
      facts.push({ id: `cooperation:${c.id}`, kind: 'cooperation', partner: pid, from: toDate(c.from), title: c.title, text: join(name, c.kind, c.summary, notes(c)), sources: c.sources });
    }
    for (const t of file.tensions) {
      facts.push({ id: `tension:${t.id}`, kind: 'tension', partner: pid, from: toDate(t.from), title: t.title, text: join(name, t.summary, notes(t)), sources: t.sources });
    }
    file.perception.forEach((p, i) => {
      facts.push({ id: `perception:${pid}-${i}`, kind: 'perception', partner: pid, from: toDate(p.from), title: `${name} perceived as ${p.value}`, text: join(name, p.value, p.note, notes(p)), sources: p.sources });
    });
  }
  for (const d of dataset.dialogues) {
    const first = d.status[0];
    facts.push({ id: `dialogue:${d.id}`, kind: 'dialogue', partner: d.partners.join(','), from: first ? toDate(first.from) : null, title: d.name, text: join(d.partners.join(' '), d.level, d.frequency, d.topics.join(' '), d.thirdParties.join(' '), d.summary), sources: d.sources });
  }
  for (const a of dataset.actors) {
    facts.push({ id: `actor:${a.id}`, kind: 'actor', partner: null, from: a.established !== undefined ? toDate(a.established) : null, title: a.name, text: join(a.kind, a.role, a.domains.join(' ')), sources: a.sources });
  }
  for (const s of dataset.framework.strategies) {
    facts.push({ id: `strategy:${s.id}`, kind: 'strategy', partner: null, from: toDate(s.adopted), title: s.title, text: join(s.by, s.summary), sources: s.sources });
    for (const o of s.objectives) {
      facts.push({ id: `objective:${s.id}:${o.id}`, kind: 'objective', partner: null, from: toDate(s.adopted), title: o.title, text: join(s.title, o.summary), sources: o.sources });
    }
  }
  // The EU's own entries are the framework's strategies above.
  for (const e of dataset.nationalStrategies.filter((x) => dataset.partners.has(x.partner))) {
    const name = dataset.partners.get(e.partner)?.file.partner.name ?? e.partner;
    for (const s of e.strategies) {
      facts.push({ id: `national-strategy:${s.id}`, kind: 'national-strategy', partner: e.partner, from: toDate(s.adopted), title: `${name}: ${s.title}`, text: join(name, 'national cybersecurity strategy', s.note, notes(e)), sources: s.sources });
    }
  }
  for (const t of dataset.framework.threatCategories) {
    facts.push({ id: `threat-category:${t.id}`, kind: 'threat-category', partner: null, from: null, title: t.title, text: join(t.summary, t.examples.join(' ')), sources: t.sources });
  }
  for (const r of dataset.framework.areasOfResponsibility) {
    facts.push({ id: `responsibility-area:${r.id}`, kind: 'responsibility-area', partner: null, from: null, title: r.domain, text: join(r.threats.join(' '), r.euLevel.join(' '), r.nationalLevel.join(' ')), sources: r.sources });
  }
  return facts;
}
