// Prose that cites a paper by its key reads as a reader names the paper; other words stay as they are.
import { describe, expect, it } from 'vitest';
import { namePapers } from './citation';

describe('papers named in prose', () => {
  it('writes a known paper key as author and year', () => {
    expect(namePapers('The clause is for armed aggression; bendiek2018 says it can be invoked')).toBe('The clause is for armed aggression; Bendiek (2018) says it can be invoked');
    expect(namePapers('renard2014 and renard2016 agree')).toBe('Renard (2014) and Renard (2016) agree');
  });
  it('leaves other words with a year alone', () => {
    expect(namePapers('smith2018 and covid2019 and bendiek2018x')).toBe('smith2018 and covid2019 and bendiek2018x');
  });
});
