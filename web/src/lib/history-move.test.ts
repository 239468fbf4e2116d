import { describe, expect, it } from 'vitest';
import { moveWords } from './history-move';

const fact = (title: string) => ({ id: 'agreement:ru-europol-strategic-2003', title });

describe('a fact that moved a year of the assessment over time', () => {
  it('says what the sources report of it, once, beside whether it stopped counting', () => {
    const title = 'Cooperation Agreement between the Russian Federation and Europol (strategic)';
    expect(moveWords({ fact: fact(`${title} (suspended in March 2022)`), how: 'left', because: 'suspended in March 2022' })).toEqual({
      title,
      why: 'no longer counts: suspended in March 2022',
    });
    expect(moveWords({ fact: fact(`${title} (on hold in 2016)`), how: 'changed', because: 'on hold in 2016' })).toEqual({ title, why: 'on hold in 2016' });
  });

  it('keeps the title whole when no reason is given, and says only that a fact left', () => {
    expect(moveWords({ fact: fact('EU-Russia dialogue (strategic)'), how: 'left' })).toEqual({ title: 'EU-Russia dialogue (strategic)', why: 'no longer counts' });
    expect(moveWords({ fact: fact('EU-Russia dialogue'), how: 'entered' })).toEqual({ title: 'EU-Russia dialogue', why: null });
  });
});
