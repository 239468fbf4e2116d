// Published changes as a layer over the reviewed files: an editable copy of the dataset, one change applied to it,
// and the dataset read back (validated again) with every published change applied in order of publication.
import { AppError } from '../errors';
import { buildDataset, type Dataset, type RawDataset } from '../kb/dataset';
import type { KbChange } from './change';
import { HANDLERS, type EditableKb } from './records';

/** A deep copy of the dataset as plain data: partner files without their dialogues, and every dialogue. */
export function toEditable(dataset: Dataset): EditableKb {
  const files = new Map<string, EditableKb['files'] extends Map<string, infer F> ? F : never>();
  for (const [id, { file }] of dataset.partners) files.set(id, structuredClone({ ...file, dialogues: [] }));
  return { files, dialogues: structuredClone(dataset.dialogues), strategies: structuredClone(dataset.nationalStrategies) };
}

/** The raw form buildDataset validates, from an editable copy (actors and the framework from `base`). */
export function toRaw(kb: EditableKb, base: Dataset): RawDataset {
  return {
    partnerships: [...kb.files].map(([id, file]) => ({ name: `partnership:${id}`, content: file })),
    sharedDialogues: { name: 'dialogues', content: { dialogues: kb.dialogues } },
    actors: { name: 'actors', content: { actors: base.actors } },
    framework: { name: 'framework:eu', content: base.framework },
    nationalStrategies: { name: 'national-strategies', content: { partners: kb.strategies } },
  };
}

export type LayerChange = Pick<KbChange, 'id' | 'partner' | 'kind' | 'action' | 'target' | 'record'>;

/** Applies one change: add and update put the record (replacing the target), retire removes the target. */
export function applyChange(kb: EditableKb, c: Omit<LayerChange, 'id'>): void {
  const h = HANDLERS[c.kind];
  if (c.action === 'retire') h.remove(kb, c.partner, c.target);
  else h.put(kb, c.partner, c.target, structuredClone(c.record) as Record<string, unknown>);
}

export interface Layered {
  dataset: Dataset;
  /** Published changes that no longer apply over the files (e.g. the dialogue of a round was removed); left out. */
  skipped: string[];
}

/**
 * The dataset with the published changes applied in order. When the files changed under the layer so that the
 * whole no longer validates, changes are applied one at a time and those that break it are left out (and listed).
 */
export function applyLayer(base: Dataset, changes: readonly LayerChange[]): Layered {
  if (!changes.length) return { dataset: base, skipped: [] };
  const kb = toEditable(base);
  for (const c of changes) applyChange(kb, c);
  try {
    return { dataset: buildDataset(toRaw(kb, base)), skipped: [] };
  } catch {
    const skipped: string[] = [];
    let current = base;
    for (const c of changes) {
      const next = toEditable(current);
      applyChange(next, c);
      try {
        current = buildDataset(toRaw(next, base));
      } catch {
        skipped.push(c.id);
      }
    }
    return { dataset: current, skipped };
  }
}

/** Applies one change to a dataset and validates the result; a change that breaks it is refused naming why. */
export function tryChange(dataset: Dataset, c: Omit<LayerChange, 'id'>): Dataset {
  const kb = toEditable(dataset);
  applyChange(kb, c);
  try {
    return buildDataset(toRaw(kb, dataset));
  } catch (error) {
    const message = error instanceof AppError ? error.message.replace(/^Data file \S+ is invalid: /, '') : 'the knowledge base would not validate';
    throw new AppError('invalid_change', `The change would leave the knowledge base invalid: ${message}`, error instanceof AppError ? error.issues : []);
  }
}
