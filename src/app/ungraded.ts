// A record sent back as the API gave it, without what the API adds on the way out: every source object (a `ref` and a
// `locator`) of an answer carries its grade and a paper's address (server/source-grades.ts), which the data files
// never hold (core/provenance.ts). A record copied from GET /api/kb/records into a proposal is read without them, so
// that it is stored as the files hold it and an unchanged copy is seen to change nothing.

export function ungraded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ungraded);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  const source = typeof (value as { ref?: unknown }).ref === 'string' && typeof (value as { locator?: unknown }).locator === 'string';
  for (const [k, v] of Object.entries(value)) {
    if (source && (k === 'grade' || k === 'href')) continue;
    out[k] = ungraded(v);
  }
  return out;
}

/** A proposal's or revision's body with its record read as the data files hold it. */
export function withUngradedRecord(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('record' in body)) return body;
  return { ...body, record: ungraded((body as { record: unknown }).record) };
}
