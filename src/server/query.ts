// Reads a request's query string: only the named parameters are accepted, each as a single string.
import { AppError, allowedList } from '../core/errors';

export function readQuery<K extends string>(raw: unknown, allowed: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  const q = (raw ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(q)) {
    if (!(allowed as readonly string[]).includes(key)) {
      const expected = allowed.length ? `allowed parameters are ${allowedList(allowed)}` : 'this route takes no query parameters';
      throw new AppError('invalid_filter', `Unknown query parameter "${key}": ${expected}`, [
        { path: key, message: 'unknown parameter' },
      ]);
    }
    if (typeof value !== 'string') throw new AppError('invalid_filter', `Query parameter "${key}" must be given once`, [{ path: key, message: 'repeated' }]);
    out[key as K] = value;
  }
  return out;
}
