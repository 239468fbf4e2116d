// The incident list's answer written from the bodies as stored: each incident's JSON text is spliced into the page
// instead of being parsed, graded and written again on every read. The text spliced for a body is the one the plain
// path writes (JSON.stringify of its graded parse), worked out once per body and kept while the stored body is the
// same text: the answer is byte for byte the one JSON.stringify(gradeSources(page)) gives.
import type { StoredIncidentText } from '../store/incident-repository';

/** Bodies whose answer text is kept (about 1-2 KB each at world scale). */
const KEEP = 2048;

export interface IncidentPageWriter {
  /** The page's JSON text: equal to JSON.stringify(grade({ total, items })) with each item's `incident` the parsed body. */
  write(page: { total: number; items: StoredIncidentText[] }): string;
}

/**
 * A writer for one server: `grade` is its presenter of sources (fixed for the process). The answer text of a body is
 * kept by incident id with the body it was made from, and used only while the stored body is exactly that text.
 */
export function incidentPageWriter(grade: <T>(value: T) => T, keep = KEEP): IncidentPageWriter {
  const kept = new Map<string, { body: string; text: string }>();
  const bodyText = (id: string, body: string): string => {
    const k = kept.get(id);
    if (k !== undefined && k.body === body) return k.text;
    const made = JSON.stringify(grade(JSON.parse(body) as unknown));
    const text = made === body ? body : made;
    if (k !== undefined) kept.delete(id);
    else if (kept.size >= keep) kept.delete(kept.keys().next().value as string);
    kept.set(id, { body, text });
    return text;
  };
  return {
    write(page) {
      // The page and each item hold no source object of their own (no `ref` and `locator` side by side): grading
      // reaches only into the bodies, whose text is graded above. The stamp's last key is followed by `incident`.
      let out = `{"total":${JSON.stringify(page.total)},"items":[`;
      for (let i = 0; i < page.items.length; i++) {
        const item = page.items[i] as StoredIncidentText;
        const stamp = JSON.stringify(item.stamp);
        out += `${i > 0 ? ',' : ''}${stamp.slice(0, -1)},"incident":${bodyText(item.stamp.id, item.body)}}`;
      }
      return `${out}]}`;
    },
  };
}
