// Reading loosely shaped explanation parts (a fact, an effect, a legal basis) as text and sources.
import type { Source } from '../api-types';

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const TEXT_KEYS = ['text', 'title', 'label', 'name', 'description', 'summary', 'message', 'article', 'id'] as const;

/** The readable text of a value: a string as is, a number signed, an object by its first text-like field. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('; ');
  if (isRecord(value)) {
    for (const k of TEXT_KEYS) {
      const v = value[k];
      if (typeof v === 'string' && v) return v;
    }
    return Object.entries(value)
      .filter(([k, v]) => k !== 'sources' && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'))
      .map(([k, v]) => `${k}: ${textOf(v)}`)
      .join(', ');
  }
  return String(value);
}

/** Points as the assessment rounds them (one decimal): 4.2, not 4.20. */
const points = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A numeric effect shown with its sign (+5, −3), other effects as text. */
export function effectText(value: unknown): string {
  if (typeof value === 'number') return value > 0 ? `+${points(value)}` : value < 0 ? `−${points(-value)}` : '±0';
  if (isRecord(value) && typeof value.delta === 'number') return effectText(value.delta);
  return textOf(value);
}

export function isSource(v: unknown): v is Source {
  return isRecord(v) && typeof v.ref === 'string' && typeof v.locator === 'string';
}

/** The sources a value carries, if any. */
export function sourcesOf(value: unknown): Source[] {
  if (!isRecord(value)) return [];
  const s = value.sources ?? value.source;
  if (Array.isArray(s)) return s.filter(isSource);
  return isSource(s) ? [s] : [];
}

export function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value)) {
    for (const k of ['items', 'gaps', 'events', 'steps', 'list']) {
      const v = value[k];
      if (Array.isArray(v)) return v;
    }
  }
  return [];
}

export { uniqueSources } from '../../../src/core/unique-sources';
