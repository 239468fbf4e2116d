// A list of citations: the paper (linked to its published version) or web page, the place in it, the quotation when
// there is one, and a small label when the reviewed grade is below primary.
import type { Source } from '../api-types';
import { PAPERS } from '../lib/citation';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const GRADE_TITLES: Record<string, string> = {
  secondary: 'Secondary source: a paper, think tank or press report, not the act itself',
  low: 'Low-grade source: an aggregator or unofficial copy; check against the issuing body',
};

export function SourceGrade({ grade }: { grade: Source['grade'] }) {
  if (grade !== 'secondary' && grade !== 'low') return null;
  return (
    <span className={`source-grade source-grade-${grade}`} title={GRADE_TITLES[grade]}>
      {grade}
    </span>
  );
}

export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <ul className="source-list">
      {sources.map((s, i) => (
        <li key={`${s.ref}-${i}`}>
          {/^https?:\/\//.test(s.ref) ? (
            <a href={s.ref} target="_blank" rel="noreferrer noopener">
              {hostOf(s.ref)}
            </a>
          ) : s.href ? (
            <a href={s.href} target="_blank" rel="noreferrer noopener">
              <cite title={s.ref}>{PAPERS[s.ref] ?? s.ref}</cite>
            </a>
          ) : (
            <cite title={s.ref}>{PAPERS[s.ref] ?? s.ref}</cite>
          )}
          <SourceGrade grade={s.grade} />
          <span className="locator"> — {s.locator}</span>
          {s.quote && <q className="quote">{s.quote}</q>}
        </li>
      ))}
    </ul>
  );
}
