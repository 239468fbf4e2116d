// "Sources" at a click: a disclosure button that shows where a fact comes from, right beneath it (always on paper).
import { useId, useState } from 'react';
import type { Source } from '../api-types';
import { usePrinting } from '../lib/printing';
import { SourceList } from './source-list';

export function SourcesButton({ sources, label }: { sources: Source[]; label?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const printing = usePrinting();
  if (sources.length === 0) return null;
  return (
    <span className="sources">
      <button
        type="button"
        className="sources-toggle"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`${open ? 'Hide' : 'Show'} ${sources.length} source${sources.length > 1 ? 's' : ''}${label ? ` for ${label}` : ''}`}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">§</span> {sources.length}
      </button>
      {(open || printing) && (
        <span id={id} className="sources-panel">
          <SourceList sources={sources} />
        </span>
      )}
    </span>
  );
}
