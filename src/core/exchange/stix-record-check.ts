// The actor and attribution records the STIX mapping builds from an object's own properties, checked by the rules of
// their schemas (records.ts) written out for plain values: the schema's output (texts trimmed, keys in the schema's
// order, optional keys kept when given) or undefined when a value is not one these rules can vouch for, and then the
// schema decides, so that its refusals stay its own. A mapped actor went through zod in about 15 µs.
import { ACTOR_KINDS, ACTOR_NAME_MAX, ActorRecord, AttributionRecord } from './records';

/** The input of ActorRecord as the STIX mapping builds it, in the schema's key order. */
export interface ActorInput {
  kind: string;
  name: string;
  aliases: readonly string[];
  description: string | undefined;
  country: string | null;
  types: readonly string[];
  sophistication: string | undefined;
  resourceLevel: string | undefined;
  primaryMotivation: string | undefined;
  firstSeen: string | undefined;
  lastSeen: string | undefined;
  uses: readonly string[];
}

/** The input of AttributionRecord as the STIX mapping builds it, in the schema's key order. */
export interface AttributionInput {
  subject: { kind: 'incident' | 'actor'; id: string };
  target: string;
  confidence: number | null;
  description: string | undefined;
  by: string | undefined;
  date: string | undefined;
}

const KINDS = new Set<string>(ACTOR_KINDS);
const ACTOR_KEYS = ['kind', 'name', 'aliases', 'description', 'country', 'types', 'sophistication', 'resourceLevel', 'primaryMotivation', 'firstSeen', 'lastSeen', 'uses'];
const ATTRIBUTION_KEYS = ['subject', 'target', 'confidence', 'description', 'by', 'date'];

/** Exactly these keys (the schemas are strict): an unknown key is the schema's to refuse. */
const hasKeys = (o: object, keys: readonly string[]) => Object.keys(o).length === keys.length && keys.every((k) => k in o);
const COUNTRY = /^[A-Z]{2}$/;

/** `Text` of records.ts: a string, trimmed, not empty once trimmed. */
const text = (v: unknown): string | undefined => {
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
};

/** A list of `Text`, each trimmed, or undefined when one is not. */
function texts(v: readonly unknown[]): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: string[] = [];
  for (const x of v) {
    const t = text(x);
    if (t === undefined) return undefined;
    out.push(t);
  }
  return out;
}

/** `z.string().optional()`: a string or nothing. */
const optional = (v: unknown) => v === undefined || typeof v === 'string';

/** The schema's output for a plain actor, or undefined when the schema must decide. */
export function plainActor(i: ActorInput): ActorRecord | undefined {
  if (!hasKeys(i, ACTOR_KEYS)) return undefined;
  const name = text(i.name);
  const aliases = texts(i.aliases);
  const types = texts(i.types);
  const uses = texts(i.uses);
  if (!KINDS.has(i.kind) || name === undefined || !aliases || !types || !uses) return undefined;
  if (name.length > ACTOR_NAME_MAX || aliases.some((a) => a.length > ACTOR_NAME_MAX)) return undefined;
  if (i.country !== null && (typeof i.country !== 'string' || !COUNTRY.test(i.country))) return undefined;
  if (!optional(i.description) || !optional(i.sophistication) || !optional(i.resourceLevel) || !optional(i.primaryMotivation) || !optional(i.firstSeen) || !optional(i.lastSeen)) return undefined;
  return {
    kind: i.kind as ActorRecord['kind'],
    name,
    aliases,
    description: i.description,
    country: i.country,
    types,
    sophistication: i.sophistication,
    resourceLevel: i.resourceLevel,
    primaryMotivation: i.primaryMotivation,
    firstSeen: i.firstSeen,
    lastSeen: i.lastSeen,
    uses,
  };
}

/** The schema's output for a plain attribution, or undefined when the schema must decide. */
export function plainAttribution(i: AttributionInput): AttributionRecord | undefined {
  if (!hasKeys(i, ATTRIBUTION_KEYS) || i.subject === null || typeof i.subject !== 'object' || !hasKeys(i.subject, ['kind', 'id'])) return undefined;
  const kind = i.subject.kind;
  const id = text(i.subject.id);
  const target = text(i.target);
  if ((kind !== 'incident' && kind !== 'actor') || id === undefined || target === undefined) return undefined;
  if (i.confidence !== null && !(typeof i.confidence === 'number' && Number.isInteger(i.confidence) && i.confidence >= 0 && i.confidence <= 100)) return undefined;
  if (!optional(i.description) || !optional(i.by) || !optional(i.date)) return undefined;
  return { subject: { kind, id }, target, confidence: i.confidence, description: i.description, by: i.by, date: i.date };
}

/** ActorRecord.safeParse, by the written-out rules when they vouch for the input; the schema's issues with their paths. */
export function safeParseActor(i: ActorInput): { success: true; data: ActorRecord } | { success: false; issues: { path: string; message: string }[] } {
  const plain = plainActor(i);
  if (plain) return { success: true, data: plain };
  const parsed = ActorRecord.safeParse(i);
  if (parsed.success) return parsed;
  return { success: false, issues: parsed.error.issues.map((x) => ({ path: x.path.map(String).join('.'), message: x.message })) };
}

/** AttributionRecord.parse, by the written-out rules when they vouch for the input. */
export const parseAttribution = (i: AttributionInput): AttributionRecord => plainAttribution(i) ?? AttributionRecord.parse(i);
