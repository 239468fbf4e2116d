// Weights that change only a few numbers: a document with `extends: reviewed` holds just its changes, applied to
// the reviewed file as a JSON merge patch (RFC 7396: objects merge, anything else replaces, null removes). The
// result is validated like a whole file, and its title names what was changed, so every assessment made with it
// says that it departs from the reviewed calibration, and where.
import { AppError } from '../errors';
import { mergePatch } from '../merge-patch';

export const EXTENDS_REVIEWED = 'reviewed';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** True when the user's document asks to be read as changes to the reviewed weights. */
export function extendsReviewed(doc: unknown): boolean {
  return isObject(doc) && 'extends' in doc;
}

/** The dotted paths whose values differ between two documents (arrays compare whole). */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedPaths(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix || '(root)'];
}

/** Applies a user's `extends: reviewed` document to the reviewed weights; the result still has to be validated. */
export function applyWeightChanges(reviewed: unknown, doc: Record<string, unknown>, name: string): unknown {
  const { extends: base, ...changes } = doc;
  if (base !== EXTENDS_REVIEWED) {
    throw new AppError('invalid_weights', `Invalid weights file ${name}: extends must be "${EXTENDS_REVIEWED}" (the reviewed weights), got ${JSON.stringify(base)}`, [
      { path: 'extends', message: `expected "${EXTENDS_REVIEWED}"` },
    ]);
  }
  const merged = mergePatch(reviewed, changes);
  if (!isObject(merged) || !isObject(reviewed)) return merged;
  const changed = changedPaths(reviewed, merged).filter((p) => p !== 'title');
  if (changes.title !== undefined) return merged;
  const summary = changed.length === 0 ? 'no change' : `changed: ${changed.join(', ')}`;
  return { ...merged, title: `${String(reviewed.title)}, ${summary}` };
}
