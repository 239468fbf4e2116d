// Each kind of change: the schema of its record (the fields of the reviewed data files), the key that names one
// record, and how to find, put and remove it in an editable copy of the knowledge base.
import { z } from 'zod';
import { Sources, timed } from '../provenance';
import { Agreement } from '../records/agreement';
import { Cooperation } from '../records/cooperation';
import { Dialogue, DialogueMeeting } from '../records/dialogue';
import { PartnershipDocument } from '../records/document';
import { Membership } from '../records/membership';
import { NationalStrategy, type PartnerStrategies } from '../records/national-strategy';
import { Partner, PartnershipFile } from '../records/partnership-file';
import { BudapestEntry } from '../records/positions';
import { toDate } from '../dates';
import { InternetGovernanceModel, Perception, Wcit2012 } from '../vocabularies';
import type { ChangeKind } from './change';

/** The knowledge base as plain, editable data: one file per partner (its dialogues kept apart) and every dialogue. */
export interface EditableKb {
  files: Map<string, PartnershipFile>;
  dialogues: z.infer<typeof Dialogue>[];
  /** The national strategies, by partner (the EU's among them, though only a partner's can be changed). */
  strategies: PartnerStrategies[];
}

const POSITION_INSTRUMENTS = ['budapestConvention', 'internetGovernance', 'wcit2012'] as const;
type Instrument = (typeof POSITION_INSTRUMENTS)[number];

/** A round of a dialogue: one of its dated meetings, with the dialogue it belongs to. */
export const MeetingRecord = DialogueMeeting.extend({ dialogue: z.string().min(1) }).strict();
export const PositionRecord = z.discriminatedUnion('instrument', [
  BudapestEntry.extend({ instrument: z.literal('budapestConvention') }).strict(),
  timed(InternetGovernanceModel).extend({ instrument: z.literal('internetGovernance') }).strict(),
  timed(Wcit2012).extend({ instrument: z.literal('wcit2012') }).strict(),
]);
/** A partner's own entry; the sources say where the partnership is documented and stay with the change. */
export const PartnerRecord = Partner.extend({ sources: Sources }).strict();

type Rec = Record<string, unknown>;
const timedKey = (r: Rec) => `${String(r.from)}/${String(r.value)}`;

export interface KindHandler {
  schema: z.ZodType;
  /** The key a record is known by, derived from its fields. */
  key(record: Rec): string;
  /** How a key is written, for messages. */
  keyForm: string;
  get(kb: EditableKb, partner: string, key: string): Rec | undefined;
  /** Replaces the record under `key` (when given and present) or appends the record. */
  put(kb: EditableKb, partner: string, key: string | undefined, record: Rec): void;
  remove(kb: EditableKb, partner: string, key: string): void;
  /** Problems with how the record relates to the rest of the knowledge base, as field issues. */
  check?(kb: EditableKb, partner: string, record: Rec): { path: string; message: string }[];
}

function fileOf(kb: EditableKb, partner: string): PartnershipFile | undefined {
  return kb.files.get(partner);
}

/** A kind stored as a list in the partner's file, keyed by `key`. */
function inFile(schema: z.ZodType, list: (f: PartnershipFile) => Rec[], key: (r: Rec) => string, keyForm: string): KindHandler {
  return {
    schema,
    key,
    keyForm,
    get: (kb, p, k) => {
      const f = fileOf(kb, p);
      return f ? list(f).find((r) => key(r) === k) : undefined;
    },
    put: (kb, p, k, record) => {
      const f = fileOf(kb, p);
      if (!f) return;
      const items = list(f);
      const at = k === undefined ? -1 : items.findIndex((r) => key(r) === k);
      const same = items.findIndex((r) => key(r) === key(record));
      if (at >= 0) items.splice(at, 1, record);
      else if (same >= 0) items.splice(same, 1, record);
      else items.push(record);
    },
    remove: (kb, p, k) => {
      const f = fileOf(kb, p);
      if (!f) return;
      const items = list(f);
      const at = items.findIndex((r) => key(r) === k);
      if (at >= 0) items.splice(at, 1);
    },
  };
}

const asRecs = <T>(items: T[]) => items as unknown as Rec[];

const positionKey = (r: Rec) => `${String(r.instrument)}/${timedKey(r)}`;
function positionList(f: PartnershipFile, instrument: Instrument): Rec[] {
  return f.positions[instrument] as unknown as Rec[];
}
function splitPositionKey(key: string): Instrument | undefined {
  const instrument = key.split('/')[0];
  return (POSITION_INSTRUMENTS as readonly string[]).includes(instrument ?? '') ? (instrument as Instrument) : undefined;
}

const positions: KindHandler = {
  schema: PositionRecord,
  key: positionKey,
  keyForm: 'instrument/from/value, e.g. budapestConvention/2004-03-01/ratified',
  get: (kb, p, k) => {
    const f = fileOf(kb, p);
    const instrument = splitPositionKey(k);
    if (!f || !instrument) return undefined;
    const found = positionList(f, instrument).find((r) => positionKey({ ...r, instrument }) === k);
    return found ? { instrument, ...found } : undefined;
  },
  put: (kb, p, k, record) => {
    if (k !== undefined) positions.remove(kb, p, k);
    const f = fileOf(kb, p);
    const { instrument, ...entry } = record;
    if (!f || typeof instrument !== 'string' || !splitPositionKey(instrument)) return;
    positions.remove(kb, p, positionKey(record));
    positionList(f, instrument as Instrument).push(entry);
  },
  remove: (kb, p, k) => {
    const f = fileOf(kb, p);
    const instrument = splitPositionKey(k);
    if (!f || !instrument) return;
    const items = positionList(f, instrument);
    const at = items.findIndex((r) => positionKey({ ...r, instrument }) === k);
    if (at >= 0) items.splice(at, 1);
  },
};

const dialogueOf = (kb: EditableKb, partner: string, id: string) => kb.dialogues.find((d) => d.id === id && (d.partners as string[]).includes(partner));

const dialogues: KindHandler = {
  schema: Dialogue.strict(),
  key: (r) => String(r.id),
  keyForm: 'the dialogue id',
  get: (kb, p, k) => dialogueOf(kb, p, k) as Rec | undefined,
  put: (kb, _p, k, record) => {
    const at = kb.dialogues.findIndex((d) => d.id === (k ?? record.id));
    const same = kb.dialogues.findIndex((d) => d.id === record.id);
    const dialogue = record as unknown as EditableKb['dialogues'][number];
    if (at >= 0) kb.dialogues.splice(at, 1, dialogue);
    else if (same >= 0) kb.dialogues.splice(same, 1, dialogue);
    else kb.dialogues.push(dialogue);
  },
  remove: (kb, p, k) => {
    const at = kb.dialogues.findIndex((d) => d.id === k && (d.partners as string[]).includes(p));
    if (at >= 0) kb.dialogues.splice(at, 1);
  },
  check: (kb, p, r) => {
    const issues = [];
    if (!(r.partners as string[]).includes(p)) issues.push({ path: 'record.partners', message: `must include the partner ${p}` });
    const other = kb.dialogues.find((d) => d.id === r.id && !(d.partners as string[]).includes(p));
    if (other) issues.push({ path: 'record.id', message: `is the id of another partner's dialogue (${other.partners.join(', ')})` });
    return issues;
  },
};

const meetingKey = (r: Rec) => `${String(r.dialogue)}/${String(r.date)}`;
const meetingDialogue = (key: string) => key.split('/')[0] ?? '';

/** A round of a dialogue: one of its dated meetings, naming the dialogue; known by dialogue/date. */
const meetings: KindHandler = {
  schema: MeetingRecord,
  key: meetingKey,
  keyForm: 'dialogue/date, e.g. jp-cyber-dialogue/2024-11-11',
  get: (kb, p, k) => {
    const d = dialogueOf(kb, p, meetingDialogue(k));
    const found = d ? asRecs(d.meetings).find((m) => meetingKey({ ...m, dialogue: d.id }) === k) : undefined;
    return found && d ? { dialogue: d.id, ...found } : undefined;
  },
  put: (kb, p, k, record) => {
    if (k !== undefined) meetings.remove(kb, p, k);
    meetings.remove(kb, p, meetingKey(record));
    const { dialogue, ...entry } = record;
    const d = dialogueOf(kb, p, String(dialogue));
    if (!d) return;
    const list = asRecs(d.meetings);
    list.push(entry);
    // Rounds stay in date order, as the data files list them.
    list.sort((a, b) => toDate(a.date as string | number).localeCompare(toDate(b.date as string | number)));
  },
  remove: (kb, p, k) => {
    const d = dialogueOf(kb, p, meetingDialogue(k));
    if (!d) return;
    const list = asRecs(d.meetings);
    const at = list.findIndex((m) => meetingKey({ ...m, dialogue: d.id }) === k);
    if (at >= 0) list.splice(at, 1);
  },
  check: (kb, p, r) => (dialogueOf(kb, p, String(r.dialogue)) ? [] : [{ path: 'record.dialogue', message: `names no dialogue of ${p}` }]),
};

const partners: KindHandler = {
  schema: PartnerRecord,
  key: (r) => String(r.id),
  keyForm: 'the partner id',
  get: (kb, _p, k) => kb.files.get(k)?.partner as Rec | undefined,
  put: (kb, _p, _k, record) => {
    const { sources: _sources, ...partner } = record;
    const id = String(partner.id);
    const file = kb.files.get(id);
    const header = partner as unknown as PartnershipFile['partner'];
    if (file) file.partner = header;
    // A new partner starts with an empty file; the schema fills in every list.
    else kb.files.set(id, PartnershipFile.parse({ partner: header }));
  },
  remove: () => {
    // A partner is never removed by a change: its facts are retired one by one (resolveTarget refuses a retire of a partner).
  },
  check: (_kb, p, r) => (r.id === p ? [] : [{ path: 'record.id', message: `must be the partner of the change, ${p}` }]),
};

/** A national strategy of the partner, known by its id; the partner's entry is made with its first and goes with its last. */
const nationalStrategies: KindHandler = {
  schema: NationalStrategy,
  key: (r) => String(r.id),
  keyForm: 'the strategy id, e.g. kr-national-cybersecurity-strategy-2019',
  get: (kb, p, k) => kb.strategies.find((e) => e.partner === p)?.strategies.find((s) => s.id === k) as Rec | undefined,
  put: (kb, p, k, record) => {
    let entry = kb.strategies.find((e) => e.partner === p);
    if (!entry) {
      entry = { partner: p, strategies: [] };
      kb.strategies.push(entry);
    }
    const items = asRecs(entry.strategies);
    const at = k === undefined ? -1 : items.findIndex((s) => s.id === k);
    const same = items.findIndex((s) => s.id === record.id);
    if (at >= 0) items.splice(at, 1, record);
    else if (same >= 0) items.splice(same, 1, record);
    else items.push(record);
  },
  remove: (kb, p, k) => {
    const entry = kb.strategies.find((e) => e.partner === p);
    if (!entry) return;
    entry.strategies = entry.strategies.filter((s) => s.id !== k);
    if (!entry.strategies.length && entry.counted === undefined && !entry.datedNotes?.length) kb.strategies.splice(kb.strategies.indexOf(entry), 1);
  },
  check: (kb, p, r) => {
    const other = kb.strategies.find((e) => e.partner !== p && e.strategies.some((s) => s.id === r.id));
    return other ? [{ path: 'record.id', message: `is the id of a strategy of ${other.partner}` }] : [];
  },
};

/** Every kind of change and how its records are found and written. */
export const HANDLERS: Readonly<Record<ChangeKind, KindHandler>> = {
  document: inFile(PartnershipDocument.omit({ partner: true }).strict(), (f) => asRecs(f.documents), (r) => String(r.id), 'the document id'),
  dialogue: dialogues,
  meeting: meetings,
  agreement: inFile(Agreement.omit({ partner: true }).strict(), (f) => asRecs(f.agreements), (r) => String(r.id), 'the agreement id'),
  position: positions,
  cooperation: inFile(Cooperation.strict(), (f) => asRecs(f.cooperation), (r) => String(r.id), 'the cooperation id'),
  perception: inFile(timed(Perception).strict(), (f) => asRecs(f.perception), timedKey, 'from/value, e.g. 2014/partner'),
  membership: inFile(Membership.strict(), (f) => asRecs(f.memberships), (r) => `${String(r.id)}/${String(r.from)}`, 'id/from, e.g. g8/1998'),
  partner: partners,
  'national-strategy': nationalStrategies,
};
