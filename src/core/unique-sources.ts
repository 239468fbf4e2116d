// Sources cited more than once by the facts a reason or a view gathers, given once. Free of the schema library, so
// that the web app can take it without it.

/** The first of each (ref, locator) pair, in the order given. */
export function uniqueSources<S extends { ref: string; locator: string }>(sources: readonly S[]): S[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.ref}\u0000${s.locator}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
