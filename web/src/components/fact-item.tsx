// One fact of a partnership: what it is, its tags and dates, a short summary, its sources at a click, and a copy with them.
import type { ReactNode } from 'react';
import type { DatedNote, Source } from '../api-types';
import { factText } from '../lib/fact-text';
import type { ChangeKind } from '../lib/kb-changes';
import { CopyCitation } from './copy-citation';
import { ProposeChangeButton } from './propose-change';
import { SourcesButton } from './sources-button';

interface Props {
  title: ReactNode;
  label: string;
  tags?: (string | null | false | undefined)[];
  summary?: string | null;
  /** Later statements about the fact, each under its date (the API gives those dated by the as-of date). */
  datedNotes?: DatedNote[] | undefined;
  sources: Source[];
  unverified?: boolean;
  children?: ReactNode;
  /** The record behind the fact, for "Propose a change" (kind and key as the curation API names them). */
  change?: { kind: ChangeKind; target: string };
}

export function FactItem({ title, label, tags = [], summary, datedNotes = [], sources, unverified, children, change }: Props) {
  const shownTags = tags.filter((t): t is string => Boolean(t));
  const text = factText(summary, datedNotes);
  return (
    <li className="fact">
      <div className="fact-head">
        <span className="fact-title">{title}</span>
        <SourcesButton sources={sources} label={label} />
        <CopyCitation title={label} detail={shownTags.join(', ') || undefined} sources={sources} />
        {change && <ProposeChangeButton kind={change.kind} action="update" target={change.target} />}
        {change && <ProposeChangeButton kind={change.kind} action="retire" target={change.target} />}
      </div>
      <div className="fact-tags">
        {shownTags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
        {unverified && <span className="tag tag-warn">to be verified</span>}
      </div>
      {text.summary && <p className="fact-summary">{text.summary}</p>}
      {text.notes.map((n) => (
        <p key={n.key} className="fact-history">
          {n.line}
        </p>
      ))}
      {children}
    </li>
  );
}
