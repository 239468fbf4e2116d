// "Copy with citations": a fact and its sources onto the clipboard, formatted for a document and as plain text.
import { useState } from 'react';
import type { Source } from '../api-types';
import { factWithCitations } from '../lib/citation';

export function CopyCitation({ title, detail, sources }: { title: string; detail?: string; sources: readonly Source[] }) {
  const [done, setDone] = useState<'' | 'copied' | 'failed'>('');
  const copy = async () => {
    const { html, text } = factWithCitations({ title, detail, sources });
    try {
      if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
        await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      setDone('copied');
    } catch {
      setDone('failed');
    }
  };
  return (
    <>
      <button type="button" className="copy-citation" onClick={copy}>
        {done === 'copied' ? 'Copied' : 'Copy with citations'}
        <span className="visually-hidden">: {title}</span>
      </button>
      <span className="visually-hidden" role="status">
        {done === 'copied' ? 'Copied with its citations.' : done === 'failed' ? 'The browser did not allow copying.' : ''}
      </span>
    </>
  );
}
