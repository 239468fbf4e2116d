// Citations as text: the paper or web page behind a fact and the place in it, for CSV files, the clipboard and paper.
import { namePapers as namePapersIn } from '../../../src/core/sources/paper-names';
import type { Source } from '../api-types';

/** The papers the knowledge base cites by key, as a reader would cite them. */
export const PAPERS: Readonly<Record<string, string>> = {
  renard2014: 'Renard 2014, The rise of cyber-diplomacy (ESPO Working Paper 7)',
  renard2016: 'Renard 2016, EU cyber diplomacy: purposes and mechanisms (UACES)',
  bendiek2018: 'Bendiek 2018, The EU as a Force for Peace in International Cyber Diplomacy (SWP Comment 19)',
};

export const isWebAddress = (ref: string) => /^https?:\/\//.test(ref);

/** Prose with the papers' keys written as a reader names them: "bendiek2018 says" becomes "Bendiek (2018) says". */
export function namePapers(text: string): string {
  return namePapersIn(text, (key) => PAPERS[key] !== undefined);
}

/** The work cited: the paper's reference, or the web address as it is (an address on paper must be written out). */
export function workOf(s: Source): string {
  return PAPERS[s.ref] ?? s.ref;
}

/** A grade below primary, as a reader should see it beside the citation. */
const gradeNote = (s: Source) => (s.grade === 'secondary' ? ' [secondary source]' : s.grade === 'low' ? ' [low-grade source]' : '');

/** One source on one line: the work (a paper with its published version), the place in it, the quotation, a grade below primary. */
export function citationText(s: Source): string {
  const work = !isWebAddress(s.ref) && s.href ? `${workOf(s)}, ${s.href}` : workOf(s);
  return `${work} — ${s.locator}${s.quote ? ` (“${s.quote}”)` : ''}${gradeNote(s)}`;
}

/** Several sources in one table cell, each once. */
export function citationsText(sources: readonly Source[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const s of sources) {
    const line = citationText(s);
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  return lines.join(' | ');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A fact and its sources as the clipboard holds them: formatted (HTML, with links) and plain text. */
export function factWithCitations(fact: { title: string; detail?: string; sources: readonly Source[] }): { html: string; text: string } {
  const unique = fact.sources.filter((s, i, all) => all.findIndex((o) => citationText(o) === citationText(s)) === i);
  const head = fact.detail ? `${fact.title} (${fact.detail})` : fact.title;
  const text = [head, ...unique.map((s, i) => `[${i + 1}] ${citationText(s)}`)].join('\n');
  const items = unique.map((s) => {
    const work = isWebAddress(s.ref)
      ? `<a href="${escapeHtml(s.ref)}">${escapeHtml(s.ref)}</a>`
      : s.href
        ? `<a href="${escapeHtml(s.href)}"><cite>${escapeHtml(workOf(s))}</cite></a>`
        : `<cite>${escapeHtml(workOf(s))}</cite>`;
    return `<li>${work} — ${escapeHtml(s.locator)}${s.quote ? ` (<q>${escapeHtml(s.quote)}</q>)` : ''}${escapeHtml(gradeNote(s))}</li>`;
  });
  const html = `<p>${escapeHtml(head)}</p>${items.length ? `<ol>${items.join('')}</ol>` : ''}`;
  return { html, text };
}
