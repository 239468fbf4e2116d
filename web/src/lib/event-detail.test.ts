import { describe, expect, it } from 'vitest';
import { eventDetail } from './event-detail';

describe('eventDetail', () => {
  it('leaves out the state the title already says', () => {
    expect(eventDetail({ kind: 'agreement', title: 'Agreement on mutual legal assistance: in force', detail: 'in-force' })).toBeNull();
    expect(eventDetail({ kind: 'position', title: 'Brazil: Budapest Convention — not signed (uses it as a model)', detail: 'not-signed' })).toBeNull();
    expect(eventDetail({ kind: 'membership', title: 'Japan leaves the G8', detail: 'ended' })).toBeNull();
  });
  it('writes a kind or a role in words', () => {
    expect(eventDetail({ kind: 'cooperation', title: 'Cyber Atlantic 2011', detail: 'joint-exercise' })).toBe('Joint exercise');
    expect(eventDetail({ kind: 'membership', title: 'Japan joins the Council of Europe', detail: 'observer' })).toBe('Observer');
    expect(eventDetail({ kind: 'document', title: 'Joint statement', detail: 'joint-statement' })).toBeNull();
    expect(eventDetail({ kind: 'tension', title: 'Snowden revelations', detail: null })).toBeNull();
    expect(eventDetail({ kind: 'document', title: 'EU-Japan Security and Defence Partnership', detail: 'other' })).toBeNull();
    expect(eventDetail({ kind: 'document', title: 'An Action Plan for EU-Japan Cooperation', detail: 'summit-declaration' })).toBe('Summit declaration');
  });
});
