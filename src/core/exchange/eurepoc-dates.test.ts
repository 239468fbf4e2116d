import { describe, expect, it } from 'vitest';
import { inferredStart } from './eurepoc-dates';

describe('a start date for an EuRepoC row without one', () => {
  it('takes the end date, then the first attribution, then the first response', () => {
    expect(inferredStart({ end_date: '2021-03-04' }, [{ attribution_date: '2020-01-01' }])).toEqual({ date: '2021-03-04', from: 'the end date' });
    expect(inferredStart({}, [{ attribution_date: '2020-05-01' }, { attribution_date: '2020-02-01 00:00:00' }])).toEqual({ date: '2020-02-01', from: 'the first attribution date' });
    expect(inferredStart({ political_response_date: '2022-05-10; 2022-03-01', legal_response_date: 'Not available' }, [])).toEqual({ date: '2022-03-01', from: 'the first response date' });
  });

  it('reads a month and year or a year in the name, then the months in source addresses', () => {
    expect(inferredStart({ name: 'Killnet takes down airport websites in May 2022' }, [])).toEqual({ date: '2022-05-01', from: 'a date in the name' });
    expect(inferredStart({ name: 'An intrusion', description: 'Reported in 2023 by the firm.' }, [])).toEqual({ date: '2023-01-01', from: 'a year in the description' });
    expect(inferredStart({ name: 'x', sources_url: "['https://example.org/2023/03/story', 'https://example.org/2022/11/older']" }, [])).toEqual({ date: '2022-11-01', from: 'the earliest month in the source addresses' });
    expect(inferredStart({ name: 'Nothing dated' }, [])).toBeUndefined();
  });
});
