// The CLI's closed choices: refusals name the option typed, the allowed values and the closest of them.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors';
import { asOptions, choiceOption, closestChoices, wholeNumberOption } from './choices';

const levels = ['summit', 'ministerial', 'senior-officials', 'working', 'parliamentary'] as const;
const partners = [
  { value: 'UA', shown: 'UA (Ukraine)', aliases: ['Ukraine'] },
  { value: 'UK', shown: 'UK (United Kingdom)', aliases: ['United Kingdom', 'GB'] },
  { value: 'US', shown: 'US (United States)', aliases: ['United States'] },
  { value: 'JP', shown: 'JP (Japan)', aliases: ['Japan'] },
];
const message = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isAppError(e) ? e.message : String(e);
  }
  return 'no error';
};

describe('closestChoices', () => {
  it.each([
    ['USA', ['US']],
    ['JPN', ['JP']],
    ['Untied States', ['US']],
    ['Chnia', []],
    ['Brasil', []],
    ['united kingdom', ['UK']],
    ['gbr', ['UK']],
    ['UKR', ['UA', 'UK']],
    ['Germany', []],
    ['XX', []],
    ['UX', []],
    ['', []],
  ])('%s -> %j', (typed, expected) => {
    expect(closestChoices(typed, partners).map((c) => c.value)).toEqual(expected);
  });

  it('finds vocabulary codes by prefix or a few edits, and nothing for an unrelated word', () => {
    const choices = levels.map((value) => ({ value }));
    expect(closestChoices('senior', choices).map((c) => c.value)).toEqual(['senior-officials']);
    expect(closestChoices('Summitt', choices).map((c) => c.value)).toEqual(['summit']);
    expect(closestChoices('galactic', choices)).toEqual([]);
    const topics = ['cyber-security', 'cyber-crime', 'cyber-defence'].map((value) => ({ value }));
    expect(closestChoices('crime', topics).map((c) => c.value)).toEqual(['cyber-crime']);
    expect(closestChoices('cybercrime', topics).map((c) => c.value)).toEqual(['cyber-crime']);
    expect(closestChoices('eu-bodies', ['eu', 'eu-institution', 'eu-body'].map((value) => ({ value }))).map((c) => c.value)).toEqual(['eu-body']);
  });
});

describe('choiceOption', () => {
  it('keeps an allowed value and an option not given', () => {
    expect(choiceOption('--level', 'summit', levels)).toBe('summit');
    expect(choiceOption('--level', undefined, levels)).toBeUndefined();
  });

  it('refuses naming the option, the allowed values and the nearest', () => {
    expect(message(() => choiceOption('--level', 'senior', levels))).toBe(
      'Unknown --level "senior": did you mean senior-officials? Allowed values are summit, ministerial, senior-officials, working or parliamentary',
    );
    expect(message(() => choiceOption('--level', 'galactic', levels))).toBe('Unknown --level "galactic": allowed values are summit, ministerial, senior-officials, working or parliamentary');
    expect(message(() => choiceOption('--level', '', levels))).toMatch(/^--level needs a value: allowed values are summit/);
  });
});

describe('wholeNumberOption', () => {
  it.each(['', 'abc', '1.5', '1e3', '-1', '0', '1001', ' 5'])('refuses %j for --limit', (typed) => {
    expect(message(() => wholeNumberOption('--limit', typed, 1, 1000))).toBe(`--limit must be a whole number from 1 to 1000, got "${typed}"`);
  });

  it('reads digits within the range, and says an open range', () => {
    expect(wholeNumberOption('--limit', '1000', 1, 1000)).toBe(1000);
    expect(wholeNumberOption('--after', '0', 0)).toBe(0);
    expect(message(() => wholeNumberOption('--after', 'x', 0))).toBe('--after must be a whole number from 0 up, got "x"');
  });
});

describe('asOptions', () => {
  it('says a service refusal of a query parameter with the CLI option, and passes others on', async () => {
    const { AppError } = await import('../core/errors');
    const year = new AppError('invalid_filter', 'year must be a four-digit year, got "abc"', [{ path: 'year', message: 'expected YYYY' }]);
    expect(message(() => asOptions({ year: '--year' })(year))).toBe('--year must be a four-digit year, got "abc"');
    const figures = new AppError('invalid_filter', 'No population figures for year "1900"', [{ path: 'year', message: 'one of 2014, 2015' }]);
    expect(message(() => asOptions({ year: '--year' })(figures))).toBe('--year: No population figures for year "1900"');
    const other = new AppError('not_found', 'No incident with id "x"');
    expect(message(() => asOptions({ year: '--year' })(other))).toBe('No incident with id "x"');
  });
});
