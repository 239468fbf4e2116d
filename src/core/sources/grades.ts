// How far a ministry can rely on a source: primary (the institution or government that acted), secondary (papers,
// think tanks, reputable press) or low (aggregators, document-sharing copies, machine-written pages). The grades are
// reviewed data (data/sources/publishers.yaml): publishers by host, overrides for single addresses, and the papers the
// knowledge base cites by key with their published versions. This module only reads that table.
import { z } from 'zod';
import { AppError } from '../errors';
import { SEED_KEYS } from '../vocabularies';

export const SourceGrade = z.enum(['primary', 'secondary', 'low']);
export type SourceGrade = z.infer<typeof SourceGrade>;

const Reason = z.string().min(10, 'give the reason for the grade');

export const Publisher = z
  .object({
    /** A host name; it also covers its subdomains (europa.eu covers eur-lex.europa.eu). */
    host: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'a lower-case host name without www.'),
    publisher: z.string().min(1),
    grade: SourceGrade,
    reason: Reason,
  })
  .strict();

export const Override = z.object({ ref: z.string().url(), grade: SourceGrade, reason: Reason }).strict();

export const Paper = z
  .object({
    key: z.enum(SEED_KEYS),
    grade: SourceGrade,
    citation: z.string().min(1),
    /** The published version a reader can open. */
    url: z.string().url(),
    reason: Reason,
    /** Set when the link between the key's text and the version linked is not verified. */
    unverified: z.boolean().optional(),
  })
  .strict();

export const PublishersFile = z
  .object({ papers: z.array(Paper), publishers: z.array(Publisher), overrides: z.array(Override).default([]) })
  .strict();
export type PublishersFile = z.infer<typeof PublishersFile>;

export interface Grading {
  grade: SourceGrade;
  reason: string;
  /** Who published it: the publisher of the host, the paper's citation. */
  publisher: string;
  /** Where the grade comes from: the paper table, a single-address override or the host's publisher. */
  by: 'paper' | 'override' | 'host';
  /** For a paper key: the published version. */
  href?: string;
  unverified?: boolean;
}

/** The host of a web address, lower-case, without "www." and a trailing dot; undefined for anything else. */
export function hostOf(ref: string): string | undefined {
  const m = /^https?:\/\/([^/?#:@]+)/i.exec(ref);
  return m?.[1]?.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

export interface SourceGrader {
  grade(ref: string): Grading | undefined;
}

/** The grader over a reviewed table; the most specific host wins (eur-lex.europa.eu before europa.eu). */
export function sourceGrader(table: PublishersFile): SourceGrader {
  const papers = new Map(table.papers.map((p) => [p.key as string, p]));
  const overrides = new Map(table.overrides.map((o) => [o.ref, o]));
  const hosts = new Map(table.publishers.map((p) => [p.host, p]));
  return {
    grade(ref) {
      const paper = papers.get(ref);
      if (paper) {
        return { grade: paper.grade, reason: paper.reason, publisher: paper.citation, by: 'paper', href: paper.url, ...(paper.unverified ? { unverified: true } : {}) };
      }
      const host = hostOf(ref);
      if (host === undefined) return undefined;
      const labels = host.split('.');
      let publisher: z.infer<typeof Publisher> | undefined;
      for (let i = 0; i < labels.length - 1 && !publisher; i++) publisher = hosts.get(labels.slice(i).join('.'));
      const override = overrides.get(ref);
      if (override) return { grade: override.grade, reason: override.reason, publisher: publisher?.publisher ?? host, by: 'override' };
      return publisher ? { grade: publisher.grade, reason: publisher.reason, publisher: publisher.publisher, by: 'host' } : undefined;
    },
  };
}

/** Reads the reviewed table; the message names the entry and field that is wrong. */
export function parsePublishersFile(content: unknown, name: string): PublishersFile {
  const r = PublishersFile.safeParse(content);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new AppError('corrupt_data', `Data file ${name} is invalid: ${first ? `${first.path.join('.')}: ${first.message}` : 'unknown problem'}`);
  }
  const seen = new Set<string>();
  for (const p of r.data.publishers) {
    if (seen.has(p.host)) throw new AppError('corrupt_data', `Data file ${name} grades host ${p.host} twice`);
    seen.add(p.host);
  }
  return r.data;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * An answer in which every source object (a `ref` and a `locator`) carries its grade, and a paper key the address of
 * its published version. An ungraded address stays as it is: the data test keeps data/ fully graded, and an analyst's
 * own sources (incidents) may cite anything. Objects and arrays holding no graded source are returned as they are
 * (no copy of an answer without sources); the others are copies: the answer given is never changed.
 */
export function withGrades<T>(value: T, grader: SourceGrader): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      let out: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        const y = walk(x);
        if (y !== x && out === undefined) out = v.slice(0, i);
        out?.push(y);
      }
      return out ?? v;
    }
    if (!isPlain(v)) return v;
    let out: Record<string, unknown> | undefined;
    const keys = Object.keys(v);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const x = v[k];
      const y = walk(x);
      if (y !== x && out === undefined) {
        out = {};
        for (let j = 0; j < i; j++) out[keys[j] as string] = v[keys[j] as string];
      }
      if (out) out[k] = y;
    }
    if (typeof v.ref === 'string' && typeof v.locator === 'string') {
      const g = grader.grade(v.ref);
      if (g) {
        out ??= { ...v };
        out.grade = g.grade;
        if (g.href) out.href = g.href;
      }
    }
    return out ?? v;
  };
  return walk(value) as T;
}

/** A grade below primary as a reader sees it beside a citation; nothing for a primary or ungraded source. */
export function gradeNote(grade: SourceGrade | undefined): string {
  return grade === 'secondary' ? 'secondary source' : grade === 'low' ? 'low-grade source' : '';
}

/**
 * How a document names a source: a paper key becomes its citation (author, title, year) with the address of its
 * published version; a web address stays as it is; a key the table does not know stays as it is too.
 */
export function sourceName(ref: string, grading: Grading | undefined): string {
  if (grading?.by !== 'paper') return ref;
  return `${grading.publisher}${grading.href ? `, ${grading.href}` : ''}${grading.unverified ? ' (link to the published version not verified)' : ''}`;
}

/** A paper key as prose names it: "bendiek2018" becomes "Bendiek (2018)". */
export function paperShortName(key: string): string {
  const m = /^([a-z]+)(\d{4})$/.exec(key);
  return m?.[1] && m[2] ? `${m[1].charAt(0).toUpperCase()}${m[1].slice(1)} (${m[2]})` : key;
}

/**
 * A text with the paper keys the table knows ("bendiek2018 dates the toolbox's adoption...") written as a reader
 * names the paper ("Bendiek (2018) dates..."); the full citation is in the document's source list.
 */
export function namePapersInText(text: string, grader: SourceGrader): string {
  return text.replace(/\b[a-z]+\d{4}\b/g, (word) => (grader.grade(word)?.by === 'paper' ? paperShortName(word) : word));
}
