// The curation workflow as the web app uses it: propose a change to the knowledge base, the review queue, approve or
// reject, a record as the data files hold it (to prefill an update), and what changed for a partner since a date.
import { request, withQuery } from '../api';
import type * as api from '../api/schema';

export const CHANGE_KINDS = ['document', 'dialogue', 'meeting', 'agreement', 'position', 'cooperation', 'perception', 'membership', 'partner', 'national-strategy'] as const satisfies readonly api.KbChange['kind'][];
// The answers' and bodies' types come from the OpenAPI document (api/schema.d.ts, `npm run openapi`).
export type KbChange = api.KbChange;
export type ChangeKind = KbChange['kind'];
export type ChangeAction = KbChange['action'];
export type ChangeStatus = KbChange['status'];
export type Proposal = api.KbChangeProposal;
export type ChangesSince = api.ChangesSince;
export type SinceFact = ChangesSince['facts'][number];
export type CommentMarking = NonNullable<Proposal['commentTlp']>;
/** The markings a comment may carry (the knowledge base itself is public). */
export const COMMENT_MARKINGS = ['clear', 'green', 'amber', 'amber+strict'] as const satisfies readonly CommentMarking[];

export const KIND_WORDS: Record<ChangeKind, string> = {
  document: 'document',
  dialogue: 'dialogue',
  meeting: 'dialogue round',
  agreement: 'agreement',
  position: 'position',
  cooperation: 'cooperation item',
  perception: 'perception',
  membership: 'membership',
  partner: 'partner',
  'national-strategy': 'national cybersecurity strategy',
};

const enc = encodeURIComponent;

export const kbChanges = {
  propose: (p: Proposal) => request<KbChange>('POST', '/api/kb/changes', p),
  list: (q: { status?: ChangeStatus | undefined; partner?: string | undefined }, s?: AbortSignal) => request<KbChange[]>('GET', withQuery('/api/kb/changes', q), undefined, s),
  approve: (id: string, reason?: string) => request<KbChange>('POST', `/api/kb/changes/${enc(id)}/approve`, reason ? { reason } : {}),
  reject: (id: string, reason: string) => request<KbChange>('POST', `/api/kb/changes/${enc(id)}/reject`, { reason }),
  revise: (id: string, record?: unknown) => request<KbChange>('POST', `/api/kb/changes/${enc(id)}/revise`, record === undefined ? {} : { record }),
  record: (partner: string, kind: ChangeKind, target: string, s?: AbortSignal) =>
    request<{ record: Record<string, unknown> }>('GET', withQuery('/api/kb/records', { partner, kind, target }), undefined, s),
  since: (partner: string, since: string, s?: AbortSignal) => request<ChangesSince>('GET', withQuery(`/api/partners/${enc(partner)}/changes`, { since }), undefined, s),
};

const SOURCE = { ref: '', locator: '' };

/** What a new record of each kind needs, as a starting point for the form (the data files' fields). */
export function template(kind: ChangeKind, partner: string): Record<string, unknown> {
  switch (kind) {
    case 'document':
      return { id: `${partner.toLowerCase()}-`, title: '', type: 'joint-statement', year: new Date().getFullYear(), cyberMention: 'brief', sources: [SOURCE] };
    case 'dialogue':
      return { id: `${partner.toLowerCase()}-`, name: '', partners: [partner], level: 'senior-officials', frequency: 'annual', topics: ['cyber-security'], cyberSpecific: true, status: [{ value: 'active', from: '', sources: [SOURCE] }], sources: [SOURCE] };
    case 'meeting':
      return { dialogue: '', date: '', title: '', sources: [SOURCE] };
    case 'agreement':
      return { id: `${partner.toLowerCase()}-`, type: 'framework', title: '', status: [{ value: 'signed', from: '', sources: [SOURCE] }], sources: [SOURCE] };
    case 'position':
      return { instrument: 'budapestConvention', value: 'signed', from: '', sources: [SOURCE] };
    case 'cooperation':
      return { id: `${partner.toLowerCase()}-`, kind: 'information-exchange', title: '', from: '', sources: [SOURCE] };
    case 'perception':
      return { value: 'partner', from: '', sources: [SOURCE] };
    case 'membership':
      return { id: '', from: '', sources: [SOURCE] };
    case 'partner':
      return { id: partner, name: '', attention: [], sources: [SOURCE] };
    case 'national-strategy':
      return { id: `${partner.toLowerCase()}-`, title: '', adopted: '', sources: [SOURCE] };
  }
}
