// One external reference of an imported report: its source, a link when the address is a web page, its id and note.
import { webHref } from '../lib/sightings';
import type { ExternalReference } from '../toolbox-types';

/** `withAddress` writes the address out too, for paper, where a link shows nothing of where it goes. */
export function ExternalReferenceText({ reference: r, withAddress = false }: { reference: ExternalReference; withAddress?: boolean }) {
  const href = webHref(r.url);
  return (
    <>
      {href ? (
        <a href={href} target="_blank" rel="noreferrer noopener">
          {r.source}
        </a>
      ) : (
        <cite>{r.source}</cite>
      )}
      {r.url && (!href || withAddress) && <span className="reference-address"> ({r.url})</span>}
      {r.externalId && <span>, {r.externalId}</span>}
      {r.description && <span> — {r.description}</span>}
    </>
  );
}
