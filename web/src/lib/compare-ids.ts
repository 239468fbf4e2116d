// The partners a comparison's address names (?ids=US,cn,JP): upper case, each once, at most three.

export function compareIds(raw: string | null): string[] {
  const ids = (raw ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  // A partner named twice (US,US or US,us) is one partner, not a column beside itself.
  return [...new Set(ids)].slice(0, 3);
}
