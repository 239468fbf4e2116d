// A list of citations: the paper (or web page) and the place in it, with the quotation when there is one.
import type { Source } from '../api-types';

const PAPERS: Record<string, string> = {
  renard2014: 'Renard 2014, The rise of cyber-diplomacy (ESPO Working Paper 7)',
  renard2016: 'Renard 2016, EU cyber diplomacy: purposes and mechanisms (UACES)',
  bendiek2018: 'Bendiek 2018, The EU as a Force for Peace in International Cyber Diplomacy (SWP Comment 19)',
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
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
          ) : (
            <cite title={s.ref}>{PAPERS[s.ref] ?? s.ref}</cite>
          )}
          <span className="locator"> — {s.locator}</span>
          {s.quote && <q className="quote">{s.quote}</q>}
        </li>
      ))}
    </ul>
  );
}
