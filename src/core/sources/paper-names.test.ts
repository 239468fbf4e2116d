import { describe, expect, it } from 'vitest';
import { namePapers } from './paper-names';

const papers = new Set(['renard2014', 'bendiek2018']);
const isPaper = (k: string) => papers.has(k);

describe('paper keys in prose', () => {
  it('are written as author and year where the key is a paper', () => {
    expect(namePapers('bendiek2018 notes calls for coalitions; renard2014 agrees', isPaper)).toBe('Bendiek (2018) notes calls for coalitions; Renard (2014) agrees');
  });
  it('leave other words with a year, and keys inside longer words, as they are', () => {
    expect(namePapers('renard2016 and covid2019 and bendiek2018x', isPaper)).toBe('renard2016 and covid2019 and bendiek2018x');
  });
});
