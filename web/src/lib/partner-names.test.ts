// Partners in text by name: the list's names first, the country table for codes outside it, never a bare code where
// a name is known.
import { describe, expect, it } from 'vitest';
import { namesText, partnerName, sharedWithText } from './partner-names';

const partners = [
  { id: 'US', name: 'United States' },
  { id: 'RU', name: 'Russia' },
  { id: 'JP', name: 'Japan' },
];

describe('partner names in text', () => {
  it('names a partner from the list, else from the country table, else by its code', () => {
    expect(partnerName('RU', partners)).toBe('Russia');
    expect(partnerName('RU', [{ id: 'RU', name: 'Russian Federation' }])).toBe('Russian Federation');
    expect(partnerName('CA', partners)).toBe('Canada');
    expect(partnerName('CA', undefined)).toBe('Canada');
    expect(partnerName('XQ', partners)).toBe('XQ');
  });

  it('joins names as running text', () => {
    expect(namesText([])).toBe('');
    expect(namesText(['Russia'])).toBe('Russia');
    expect(namesText(['United States', 'Russia'])).toBe('United States and Russia');
    expect(namesText(['United States', 'Russia', 'Japan'])).toBe('United States, Russia and Japan');
  });

  it('tags a shared dialogue with the other partners by name, not "with US, RU"', () => {
    expect(sharedWithText(['US', 'RU'], 'US', partners)).toBe('also with Russia');
    expect(sharedWithText(['US', 'RU'], 'ru', partners)).toBe('also with United States');
    expect(sharedWithText(['US', 'CA'], 'JP', partners)).toBe('also with United States and Canada');
    expect(sharedWithText(['US', 'RU'], undefined, partners)).toBe('with United States and Russia');
    expect(sharedWithText(['JP'], 'JP', partners)).toBeUndefined();
    expect(sharedWithText(['US', 'RU'], 'US', partners)).not.toMatch(/\b(US|RU)\b/);
  });
});
