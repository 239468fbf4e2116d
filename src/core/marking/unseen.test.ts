import { describe, expect, it } from 'vitest';
import type { RecordMarking } from './clearance';
import { unseenReason } from './unseen';

const readers = { orgs: new Set(['DE']), usernames: new Set(['alice']) };
const m = (over: Partial<RecordMarking>): RecordMarking => ({ tlp: 'amber', owner: null, sharedWith: [], recipients: [], ...over });

describe('unseenReason', () => {
  it.each([
    [m({ tlp: 'green' }), null],
    [m({ tlp: 'clear' }), null],
    [m({ owner: 'DE' }), null],
    [m({ owner: 'FR', sharedWith: ['DE'] }), null],
    [m({}), 'TLP:AMBER without an owning organisation or sharing'],
    [m({ owner: 'FR' }), 'TLP:AMBER: no enabled account belongs to FR'],
    [m({ tlp: 'amber+strict', owner: 'DE' }), null],
    [m({ tlp: 'amber+strict', sharedWith: ['DE'] }), 'TLP:AMBER+STRICT without an owning organisation'],
    [m({ tlp: 'red', recipients: ['alice'] }), null],
    [m({ tlp: 'red', owner: 'DE' }), 'TLP:RED without named recipients'],
    [m({ tlp: 'red', recipients: ['bob'] }), 'TLP:RED: no recipient (bob) has an enabled account'],
  ])('%o -> %s', (marking, reason) => {
    expect(unseenReason(marking, readers)).toBe(reason);
  });
});
