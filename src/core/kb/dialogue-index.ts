// The dataset's dialogues by partner and by id, built once per dataset: a partner's profile and assessment look up
// its dialogues and their statuses, and scanning every dialogue for each partner made the views of all partners
// (assessment, matrix, network) grow with the square of the number of partners.
import type { Dialogue } from '../records/dialogue';
import type { Dataset } from './dataset';

interface Index {
  /** The list indexed, and its length then: a dataset whose list changed since is indexed again. */
  source: readonly Dialogue[];
  length: number;
  byPartner: Map<string, Dialogue[]>;
  byId: Map<string, Dialogue>;
}

const indexes = new WeakMap<Dataset, Index>();

function indexOf(dataset: Dataset): Index {
  const known = indexes.get(dataset);
  if (known && known.source === dataset.dialogues && known.length === dataset.dialogues.length) return known;
  const byPartner = new Map<string, Dialogue[]>();
  const byId = new Map<string, Dialogue>();
  for (const d of dataset.dialogues) {
    if (!byId.has(d.id)) byId.set(d.id, d);
    for (const p of new Set(d.partners)) {
      const list = byPartner.get(p);
      if (list) list.push(d);
      else byPartner.set(p, [d]);
    }
  }
  const index = { source: dataset.dialogues, length: dataset.dialogues.length, byPartner, byId };
  indexes.set(dataset, index);
  return index;
}

/** The dialogues a partner takes part in, in the dataset's order (a new list each time: callers may change it). */
export function dialoguesWith(dataset: Dataset, partner: string): Dialogue[] {
  return [...(indexOf(dataset).byPartner.get(partner) ?? [])];
}

/** The first dialogue with this id, as `dataset.dialogues.find` would give it. */
export function dialogueById(dataset: Dataset, id: string): Dialogue | undefined {
  return indexOf(dataset).byId.get(id);
}
