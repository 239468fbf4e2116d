// Victims from what a dataset writes about them: a country's name, a demonym ("Albanian government networks"), an
// abbreviation, a place ("Boston Children's Hospital"), an organisation with a home state, a region or group, or
// nothing known. The words and what they mean are the reviewed table data/exchange/victims.yaml; this module only
// finds them, and says for each victim how it was found, so that the import report can show it.
import { EU_CODE, UNKNOWN_COUNTRY, type VictimSector } from '../toolbox/incident';
import { countryNameEntries } from './country-names';
import type { VictimTable } from './mapping-tables';

/** The victim country of a victim whose country is not known (the incident schema's ZZ). */
export const UNKNOWN_VICTIM_COUNTRY = UNKNOWN_COUNTRY;

export type FoundBy = 'country name' | 'demonym' | 'abbreviation' | 'place name' | 'organisation' | 'region';

export interface Found {
  /** The words as the text writes them. */
  text: string;
  by: FoundBy;
  /** A country code (EU for an EU institution), or null for a region or group. */
  country: string | null;
  region: string | null;
}

export interface VictimReading {
  found: Found[];
  /** Words that could mean several states: never resolved, the incident is flagged for review. */
  ambiguous: { text: string; candidates: string[] }[];
}

interface Pattern {
  re: RegExp;
  /** The first word of the pattern, in lower case: a text without it cannot match (checked before the expression). */
  needle: string;
  by: FoundBy | 'ambiguous';
  country: string | null;
  region: string | null;
  candidates?: string[];
  length: number;
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (s: string, plural = false, flags = 'i') => new RegExp(`(?<![\\p{L}\\d])${escape(stripAccents(s)).replace(/\s+/g, '\\s+')}${plural ? 's?' : ''}(?![\\p{L}\\d])`, `${flags}u`);

/** A table's patterns, longest first, and an index of their quick-check words (see `candidates`). */
interface Compiled {
  list: Pattern[];
  /** Patterns without a quick-check word: tried on every text. */
  always: number[];
  /** The quick-check words as a trie over their characters; `ends` are the patterns whose word ends at a node. */
  trie: TrieNode;
  /** Readings of texts already read, which repeat often in a dataset (bounded: cleared when full). */
  readings: Map<string, VictimReading>;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  ends: number[];
}

const compiled = new WeakMap<VictimTable, Compiled>();
/** How many readings a table keeps for texts it has read (a dataset's victims, sponsors and names repeat). */
const READINGS_KEPT = 20_000;

/**
 * Lower case for the quick check. Its needles are ASCII: after NFD, the one letter outside ASCII that matches an
 * ASCII letter case-insensitively is the long s (the Kelvin sign decomposes to K).
 */
const folded = (s: string) => s.toLowerCase().replace(/\u017f/g, 's');

/** The first word of a name as the quick check looks for it; none (no check) where it is not plain ASCII. */
function needle(name: string): string {
  const first = folded(stripAccents(name).trim().split(/\s+/)[0] ?? '');
  return /^[\x20-\x7e]+$/.test(first) ? first : '';
}

/** The table's patterns and the country names, longest first, so that "South Korean" is read before "Korean". */
function compile(table: VictimTable): Compiled {
  let c = compiled.get(table);
  if (c) return c;
  const regionOf = new Map<string, string>();
  for (const r of table.regions) for (const n of r.names) regionOf.set(n, r.id);
  const list: Pattern[] = [
    // Short country names ("US", "UK") are abbreviations, matched with case below.
    ...countryNameEntries()
      .filter(([n]) => n.length > 3)
      .map(([n, code]) => ({ re: word(n), needle: needle(n), by: 'country name' as const, country: code, region: null, length: n.length })),
    ...table.demonyms.map((d) => ({ re: word(d.word, true), needle: needle(d.word), by: 'demonym' as const, country: d.country, region: null, length: d.word.length })),
    ...table.abbreviations.map((a) => ({ re: word(a.word, false, ''), needle: needle(a.word), by: 'abbreviation' as const, country: a.country, region: null, length: a.word.length })),
    ...table.places.map((p) => ({ re: word(p.name), needle: needle(p.name), by: 'place name' as const, country: p.country, region: null, length: p.name.length })),
    ...table.organisations.map((o) => ({ re: word(o.name), needle: needle(o.name), by: 'organisation' as const, country: o.country ?? null, region: o.region ?? null, length: o.name.length })),
    ...[...regionOf].filter(([n]) => n.trim()).map(([n, id]) => ({ re: word(n), needle: needle(n), by: 'region' as const, country: null, region: id, length: n.length })),
    ...table.ambiguous.map((a) => ({ re: word(a.word, true), needle: needle(a.word), by: 'ambiguous' as const, country: null, region: null, candidates: a.candidates, length: a.word.length })),
  ].sort((a, b) => b.length - a.length);
  const always: number[] = [];
  const trie: TrieNode = { next: new Map(), ends: [] };
  list.forEach((p, i) => {
    if (!p.needle) {
      always.push(i);
      return;
    }
    let node = trie;
    for (let k = 0; k < p.needle.length; k++) {
      const ch = p.needle.charCodeAt(k);
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), ends: [] }));
      node = child;
    }
    node.ends.push(i);
  });
  c = { list, always, trie, readings: new Map() };
  compiled.set(table, c);
  return c;
}

/**
 * The patterns worth trying on a text, in the table's order: those whose quick-check word occurs somewhere in the
 * text's lower case (found by walking the trie from every position, which gives exactly the words `includes` would
 * find) and those without one.
 */
function candidates(c: Compiled, lower: string): number[] {
  const out = c.always.slice();
  for (let at = 0; at < lower.length; at++) {
    let node: TrieNode | undefined = c.trie;
    for (let k = at; k < lower.length; k++) {
      node = node.next.get(lower.charCodeAt(k));
      if (!node) break;
      for (const i of node.ends) out.push(i);
    }
  }
  // A word occurring twice gives its patterns twice: each is tried once, in the table's order.
  out.sort((a, b) => a - b);
  return out.filter((i, k) => k === 0 || out[k - 1] !== i);
}

/** Every victim a free text names, in the order written; words already read are not read again. */
export function readVictimText(text: string, table: VictimTable): VictimReading {
  const c = compile(table);
  const known = c.readings.get(text);
  if (known) return known;
  const reading = read(text, c);
  if (c.readings.size >= READINGS_KEPT) c.readings.clear();
  c.readings.set(text, reading);
  return reading;
}

function read(text: string, c: Compiled): VictimReading {
  let rest = stripAccents(text);
  const lower = folded(rest);
  const hits: { at: number; found?: Found; ambiguous?: { text: string; candidates: string[] } }[] = [];
  for (const i of candidates(c, lower)) {
    const p = c.list[i] as Pattern;
    // Words already read are blanked in `rest` only: `lower` holds more, never less, so the check stays safe.
    for (;;) {
      const m = p.re.exec(rest);
      if (!m) break;
      const t = m[0];
      if (p.by === 'ambiguous') hits.push({ at: m.index, ambiguous: { text: t, candidates: p.candidates ?? [] } });
      else hits.push({ at: m.index, found: { text: t, by: p.by, country: p.country, region: p.region } });
      rest = rest.slice(0, m.index) + ' '.repeat(t.length) + rest.slice(m.index + t.length);
    }
  }
  hits.sort((a, b) => a.at - b.at);
  // A reading is shared by every text equal to this one: frozen, so that no caller can change another's.
  return Object.freeze({
    found: Object.freeze(hits.flatMap((h) => (h.found ? [Object.freeze(h.found)] : []))) as Found[],
    ambiguous: Object.freeze(hits.flatMap((h) => (h.ambiguous ? [Object.freeze(h.ambiguous)] : []))) as VictimReading['ambiguous'],
  });
}

/** A victim as the incident schema takes it; `region` only where the country is unknown. */
export interface ImportedVictim {
  country: string;
  sector: VictimSector;
  name?: string;
  region?: string;
}

/**
 * The victims of a reading: one per country, EU institution and region found; a victim whose country is unknown
 * when nothing was found. An EU institution takes the sector eu-institution.
 */
export function victimsOf(reading: VictimReading, sector: VictimSector, name: string | undefined): ImportedVictim[] {
  const out: ImportedVictim[] = [];
  const keys = new Set<string>();
  const named = name ? { name: name.slice(0, 200) } : {};
  for (const f of reading.found) {
    const v: ImportedVictim = f.country
      ? { country: f.country, sector: f.country === EU_CODE ? 'eu-institution' : sector, ...named }
      : { country: UNKNOWN_VICTIM_COUNTRY, sector, ...named, ...(f.region ? { region: f.region } : {}) };
    const key = `${v.country}|${v.region ?? ''}`;
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(v);
  }
  // A region named beside a country in it adds nothing ("Ukraine and Eastern Europe" keeps both; the plan weighs Ukraine).
  if (!out.length) out.push({ country: UNKNOWN_VICTIM_COUNTRY, sector, ...named });
  return out;
}

/** How a reading is described in the import report: `Albanian -> AL (demonym)`, `Middle East -> region middle-east`. */
export function describeFound(f: Found): string {
  if (f.country) return `${f.country} (${f.by})`;
  return `region ${f.region ?? '?'} (${f.by})`;
}
