import { describe, expect, it } from 'vitest';
import { notCountedWhy } from './not-counted';
import { describeUndated } from './attribution-needs';

describe('notCountedWhy', () => {
  it('says "recorded after its date" when every item is dated', () => {
    expect(notCountedWhy(['attribution: UK (2018-10-04, political)', 'response on 2019-01-01 by EU: démarche'])).toBe('recorded after its date');
  });
  it('names undated items, as attributionKnownFrom describes them', () => {
    const undated = describeUndated({ by: 'DE', kind: 'technical', confidence: 'medium' } as never, { start: '2020-03-01', isPublic: false } as never);
    expect(notCountedWhy([`attribution: ${undated}`])).toBe('recorded after its date or, undated, not known by then');
  });
});
