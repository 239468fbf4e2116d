// A value typed for one of the CLI's closed choices, checked under the option the user typed: a refusal is one line
// naming that option, the values it takes and, for a near miss, the closest of them.
import { distance } from 'fastest-levenshtein';
import { AppError, allowedList, isAppError } from '../core/errors';

/** An allowed value, and the other words a user may type for it (a name, a code of another standard). */
export interface Choice {
  value: string;
  /** How the suggestion shows it: `US (United States)`; the value itself by default. */
  shown?: string;
  /** Other words for the same value, compared like the value. */
  aliases?: readonly string[];
}

const fold = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** How many edits a word of n letters may be from the one meant: one for a code, a third of a longer word (at least two). */
const editsAllowed = (n: number) => (n <= 3 ? 1 : Math.max(2, Math.floor(n / 3)));

/**
 * The choices a mistyped value most likely meant: those it names exactly by another word (an alias); else those it
 * begins, that it is a code of plus one letter, or that it names a part of (`senior` for senior-officials, `USA` for US,
 * `espionage` for cyber-espionage); else those fewest edits away ("cybercrime", "Untied States"). At most three, or
 * none when more are as near: more guesses help no more than the list of allowed values the refusal gives anyway.
 */
export function closestChoices(typed: string, choices: readonly Choice[]): Choice[] {
  const t = fold(typed);
  if (!t) return [];
  const words = (c: Choice) => [c.value, ...(c.aliases ?? [])].map(fold);
  const few = (list: Choice[]) => (list.length <= 3 ? list : []);
  const named = choices.filter((c) => (c.aliases ?? []).some((a) => fold(a) === t));
  if (named.length) return few(named);
  const begun = (w: string) => (t.length >= 2 && w.startsWith(t)) || (w.length >= 2 && t.length === w.length + 1 && t.startsWith(w)) || (t.length >= 4 && w.split('-').includes(t));
  const prefixed = choices.filter((c) => words(c).some(begun));
  if (prefixed.length) return few(prefixed);
  // Two letters one edit from a code match too many codes to mean one (XX is one from MX): no guess for them.
  if (t.length <= 2) return [];
  let best = Infinity;
  let near: Choice[] = [];
  for (const c of choices) {
    const d = Math.min(...words(c).map((w) => {
      const edits = distance(t, w);
      return edits <= editsAllowed(Math.max(t.length, w.length)) ? edits : Infinity;
    }));
    if (d < best) [best, near] = [d, [c]];
    else if (d === best && d !== Infinity) near.push(c);
  }
  return few(near);
}

/**
 * A refusal's tail after `Unknown --level "senior"`: ": did you mean senior-officials? Allowed values are …" for a near
 * miss, ": allowed values are …" otherwise (`allowed` says the list in words: "allowed values are a, b or c").
 */
export function refusalTail(near: readonly Choice[], allowed: string): string {
  return near.length ? `: did you mean ${allowedList(near.map((c) => c.shown ?? c.value))}? ${allowed.charAt(0).toUpperCase()}${allowed.slice(1)}` : `: ${allowed}`;
}

/**
 * A closed option's value as typed, or undefined when it is not given; otherwise refused naming the option (`--level`),
 * the allowed values and the closest of them. An empty value is refused too: `--level ""` is a mistake, not "any".
 */
export function choiceOption<T extends string>(option: string, typed: string | undefined, allowed: readonly T[]): T | undefined {
  if (typed === undefined) return undefined;
  if ((allowed as readonly string[]).includes(typed)) return typed as T;
  const shown = typed.trim() === '' ? `${option} needs a value` : `Unknown ${option} "${typed}"`;
  throw new AppError('invalid_filter', `${shown}${refusalTail(closestChoices(typed, allowed.map((value) => ({ value }))), `allowed values are ${allowedList(allowed)}`)}`, [
    { path: option, message: `one of ${allowed.join(', ')}` },
  ]);
}

/**
 * A whole number given to an option (`--limit`), from `min` up to `max` when there is one; otherwise refused naming the
 * option, the range and what was typed. Digits only: an empty value, a fraction or an exponent is refused, never read as 0 or rounded.
 */
export function wholeNumberOption(option: string, typed: string | undefined, min: number, max?: number): number | undefined {
  if (typed === undefined) return undefined;
  const n = Number(typed);
  if (/^\d+$/.test(typed) && n >= min && (max === undefined || n <= max)) return n;
  const range = max === undefined ? `from ${min} up` : `from ${min} to ${max}`;
  throw new AppError('invalid_filter', `${option} must be a whole number ${range}, got "${typed}"`, [{ path: option, message: range }]);
}

/**
 * A refusal of the API's checks said with the CLI's option: the service names its query parameter (`year must be a
 * four-digit year`, issue path `year`), which the user typed as `--year`; a message that does not open with the
 * parameter is put under the option (`--year: No population figures …`). Other errors pass unchanged.
 */
export function underOptions(error: unknown, names: Record<string, string>): unknown {
  const field = isAppError(error) ? error.issues[0]?.path : undefined;
  const option = field === undefined ? undefined : names[field];
  if (!isAppError(error) || field === undefined || option === undefined) return error;
  const message = error.message.startsWith(`${field} `) ? `${option}${error.message.slice(field.length)}` : `${option}: ${error.message}`;
  return new AppError(error.code, message, error.issues.map((i) => (i.path === field ? { ...i, path: option } : i)));
}

/** underOptions for a promise's catch: `.catch(asOptions({ limit: '--limit' }))`. */
export const asOptions =
  (names: Record<string, string>) =>
  (error: unknown): never => {
    throw underOptions(error, names);
  };
