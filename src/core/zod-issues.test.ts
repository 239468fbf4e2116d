import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { issuesFromZod, parseOrThrow } from './zod-issues';

const schema = z.object({
  victims: z.array(z.string()),
  effects: z.object({ severity: z.string(), personsAffected: z.number().int().min(0).optional(), share: z.number().gt(0).max(100).optional() }),
  start: z.string({ error: 'Enter a date (YYYY-MM-DD)' }),
  public: z.boolean().optional(),
});

function refusal(value: unknown): AppError {
  try {
    parseOrThrow(schema, value, 'invalid_incident', 'incident');
  } catch (e) {
    if (e instanceof AppError) return e;
  }
  throw new Error('not refused');
}

describe('field issues in plain words', () => {
  it("says a field left out is required and what it holds, a field of the wrong kind what it must be, and keeps a schema's own message", () => {
    const e = refusal({ start: '2026-01-01', public: 'yes' });
    expect(e.issues).toEqual([
      { path: 'victims', message: 'required: a list' },
      { path: 'effects', message: 'required: an object of named fields' },
      { path: 'public', message: 'must be true or false' },
    ]);
    expect(e.message).toBe('Invalid incident: victims: required: a list; effects: required: an object of named fields; public: must be true or false');
    // The same field given, of the wrong kind, is not said to be missing.
    expect(refusal({ start: '2026-01-01', victims: 'DE', effects: { severity: 'high' } }).issues).toEqual([{ path: 'victims', message: 'must be a list' }]);
    // A schema's own message is kept.
    expect(refusal({ victims: [], effects: { severity: 'high' } }).issues).toEqual([{ path: 'start', message: 'Enter a date (YYYY-MM-DD)' }]);
  });

  it("names a number's bounds in words, which move with the schema", () => {
    const issues = (effects: object) => refusal({ start: '2026-01-01', victims: [], effects: { severity: 'high', ...effects } }).issues;
    expect(issues({ personsAffected: -5 })).toEqual([{ path: 'effects.personsAffected', message: 'must be 0 or more' }]);
    expect(issues({ personsAffected: 2.5 })).toEqual([{ path: 'effects.personsAffected', message: 'must be a whole number' }]);
    expect(issues({ share: 0 })).toEqual([{ path: 'effects.share', message: 'must be more than 0' }]);
    expect(issues({ share: 101 })).toEqual([{ path: 'effects.share', message: 'must be at most 100' }]);
    const tighter = z.object({ n: z.number().min(3) });
    expect(issuesFromZod(tighter.safeParse({ n: 1 }).error as z.ZodError, { value: { n: 1 } })).toEqual([{ path: 'n', message: 'must be at least 3' }]);
  });
});
