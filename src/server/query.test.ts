import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors';
import { readQuery } from './query';

function refusal(raw: unknown, allowed: readonly string[]): AppError {
  try {
    readQuery(raw, allowed);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('readQuery accepted the query');
}

describe('readQuery', () => {
  it('names the allowed parameters of a route that has some', () => {
    expect(refusal({ foo: '1' }, ['asOf', 'format']).message).toBe('Unknown query parameter "foo": allowed parameters are asOf or format');
  });

  it('says that a route takes no query parameters, rather than an empty list', () => {
    const e = refusal({ x: '1' }, []);
    expect(e.code).toBe('invalid_filter');
    expect(e.message).toBe('Unknown query parameter "x": this route takes no query parameters');
  });

  it('reads the allowed ones', () => {
    expect(readQuery({ asOf: '2020-01-01' }, ['asOf'])).toEqual({ asOf: '2020-01-01' });
  });
});
