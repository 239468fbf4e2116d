import { describe, expect, it } from 'vitest';
import { pageFromParam, pageSummary } from './paging';

describe('pageFromParam', () => {
  it('reads a whole number from 0, and anything else as the first page', () => {
    expect(pageFromParam(null, 20)).toBe(0);
    expect(pageFromParam('3', 20)).toBe(3);
    expect(pageFromParam('1.5', 20)).toBe(1);
    for (const raw of ['-1', 'abc', 'Infinity', '']) expect(pageFromParam(raw, 20)).toBe(0);
  });
  it('stops at the last page the API can reach', () => {
    expect(pageFromParam('99999999', 20)).toBe(50_000);
  });
});

describe('pageSummary', () => {
  it('counts the incidents shown', () => {
    expect(pageSummary(0, 7, 7, 20)).toEqual({ text: '1–7 of 7 incidents', pastTheEnd: false, lastPage: 0 });
    expect(pageSummary(1, 5, 25, 20)).toEqual({ text: '21–25 of 25 incidents', pastTheEnd: false, lastPage: 1 });
    expect(pageSummary(0, 0, 0, 20).text).toBe('No incidents');
  });
  it('says a page past the last is past the last, with how many pages there are, instead of "101–100 of 7"', () => {
    expect(pageSummary(5, 0, 7, 20)).toEqual({ text: 'Page 6 is past the last: the 7 incidents found fill 1 page of 20.', pastTheEnd: true, lastPage: 0 });
    expect(pageSummary(4, 0, 41, 20)).toEqual({ text: 'Page 5 is past the last: the 41 incidents found fill 3 pages of 20.', pastTheEnd: true, lastPage: 2 });
  });
});
