// The dialogues a partner's timeline lists apart because they are active only on an unverified entry: each with the
// years it is so listed, for the partner page's Timeline panel (the overview, the CSVs and the CLI say the same).
import type { ActiveDialoguesYear } from '../api-types';

export interface UnverifiedDialogueYears {
  id: string;
  name: string;
  years: string;
}

/** One line per dialogue listed apart in any year, in order of first year; years as ranges ("2018-2021, 2024"). */
export function unverifiedDialogueYears(years: readonly ActiveDialoguesYear[], names: ReadonlyMap<string, string>): UnverifiedDialogueYears[] {
  const byId = new Map<string, number[]>();
  for (const y of [...years].sort((a, b) => a.year - b.year)) {
    for (const id of y.activeUnverified ?? []) byId.set(id, [...(byId.get(id) ?? []), y.year]);
  }
  return [...byId].map(([id, list]) => ({ id, name: names.get(id) ?? id, years: ranges(list) }));
}

function ranges(sorted: readonly number[]): string {
  const parts: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const y of [...sorted.slice(1), undefined]) {
    if (y !== undefined && prev !== undefined && y === prev + 1) {
      prev = y;
      continue;
    }
    if (start !== undefined) parts.push(start === prev ? String(start) : `${start}-${String(prev)}`);
    start = y;
    prev = y;
  }
  return parts.join(', ');
}
