// The curation workflow on every dialect: an analyst proposes, another person (an editor) approves, the change is
// published over the seeded files (profile, "changes since", search, audit, every cached view) and survives a
// re-seed; the refusals: no source, an invalid record, a missing target, one's own approval, a stale target, and
// pending changes hidden from readers.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedCache } from '../../src/app/assessment-service';
import { clearanceOf } from '../../src/core/marking/clearance';
import { datasetDigest, readRawDataset } from '../../src/store/dataset-files';
import { seedKnowledgeBase } from '../../src/store/kb-repository';
import { dialects, startHarness, teamConfig, tempDir, type Harness } from './harness';
import { addUser, anonymous, call, type Client } from './team';

const SOURCE = { ref: 'https://www.eeas.europa.eu/eeas/eu-japan-cyber-dialogue-2026', locator: 'EEAS press release, March 2026' };
const round = (over: Record<string, unknown> = {}) => ({ dialogue: 'jp-cyber-dialogue', date: '2026-03-02', title: '8th round, Tokyo', sources: [SOURCE], ...over });
const proposal = (over: Record<string, unknown> = {}) => ({ partner: 'JP', kind: 'meeting', action: 'add', record: round(), comment: 'New round reported by the EEAS', ...over });

interface View {
  id: string;
  status: string;
  needsReview: boolean;
  proposedBy: string;
  reviewedBy: string | null;
  comment: string | null;
  commentWithheld: boolean;
  before: unknown;
  record: unknown;
}
interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}
const rounds = (profile: unknown) =>
  ((profile as { dialogues: { id: string; meetings: { date: string | number }[] }[] }).dialogues.find((d) => d.id === 'jp-cyber-dialogue')?.meetings ?? []).map((m) => String(m.date));

describe.each(dialects)('knowledge-base curation on %s', (dialect) => {
  let h: Harness;
  let analyst: Client;
  let analyst2: Client;
  let editor: Client;
  let editorIt: Client;
  let viewerIt: Client;
  let viewerDe: Client;

  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
    analyst = await addUser(h, 'ana', 'analyst', 'DE');
    analyst2 = await addUser(h, 'bert', 'analyst', 'FR');
    editor = await addUser(h, 'eddie', 'editor', 'DE');
    editorIt = await addUser(h, 'elena', 'editor', 'IT');
    viewerIt = await addUser(h, 'vito', 'viewer', 'IT');
    viewerDe = await addUser(h, 'vera', 'viewer', 'DE');
  });
  afterAll(async () => h?.close());

  const propose = async (who: Client, body: unknown) => call(h.app, who, 'POST', '/api/kb/changes', body);

  it('publishes an analyst\'s 2026 dialogue round once an editor approves it: profile, changes since, audit, cached views', async () => {
    const cachedBefore = await call(h.app, anonymous, 'GET', '/api/partners/JP');
    expect(rounds(cachedBefore.body)).not.toContain('2026-03-02');
    await call(h.app, anonymous, 'GET', '/api/partners/JP'); // now served from the derived-view cache
    const timelineBefore = JSON.stringify((await call(h.app, anonymous, 'GET', '/api/timeline/JP')).body);
    expect(timelineBefore).not.toContain('8th round, Tokyo');
    await call(h.app, anonymous, 'GET', '/api/timeline/JP'); // cached
    const tagBefore = (await h.app.inject({ method: 'GET', url: '/api/partners/JP' })).headers.etag as string;
    const dialoguesBefore = JSON.stringify((await call(h.app, anonymous, 'GET', '/api/dialogues?partner=JP')).body);
    expect(dialoguesBefore).not.toContain('2026-03-02');
    const versionBefore = await h.wb.kb.version();

    const p = await propose(analyst, proposal());
    expect(p.status, p.text).toBe(201);
    const change = p.body as View;
    expect(change).toMatchObject({ status: 'pending', proposedBy: 'ana', needsReview: false, before: null });

    // Pending: invisible to readers, on the profile and in "changes since"; the queue is for signed-in users.
    expect(rounds((await call(h.app, anonymous, 'GET', '/api/partners/JP')).body)).not.toContain('2026-03-02');
    expect((await call(h.app, anonymous, 'GET', '/api/kb/changes')).status).toBe(401);
    const since = (await call(h.app, anonymous, 'GET', '/api/partners/JP/changes?since=2026-01-01')).body as { changes: View[]; facts: { date: string }[] };
    expect(since.changes).toEqual([]);
    expect(since.facts.map((f) => f.date)).not.toContain('2026-03-02');
    const queue = (await call(h.app, viewerDe, 'GET', '/api/kb/changes?status=pending&partner=jp')).body as View[];
    expect(queue.map((c) => c.id)).toContain(change.id);

    // Own approval and approval by an analyst are refused; an editor other than the proposer publishes it.
    expect((await call(h.app, analyst, 'POST', `/api/kb/changes/${change.id}/approve`, {})).status).toBe(403);
    const ok = await call(h.app, editor, 'POST', `/api/kb/changes/${change.id}/approve`, { reason: 'EEAS source checked' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ status: 'published', reviewedBy: 'eddie' });
    expect((await call(h.app, editorIt, 'POST', `/api/kb/changes/${change.id}/approve`, {})).status).toBe(409);

    expect(await h.wb.kb.version()).not.toBe(versionBefore);
    const hits = derivedCache(h.wb).hits;
    const after = await call(h.app, anonymous, 'GET', '/api/partners/JP');
    expect(rounds(after.body)).toContain('2026-03-02');
    expect(derivedCache(h.wb).hits).toBe(hits); // the cached profile was not served again
    // The cached timeline (a derived view) is recomputed too: the new round is among its events.
    expect(JSON.stringify((await call(h.app, anonymous, 'GET', '/api/timeline/JP')).body)).toContain('8th round, Tokyo');
    const since2 = (await call(h.app, anonymous, 'GET', '/api/partners/JP/changes?since=2026-01-01')).body as { changes: View[]; facts: { date: string; fact: string; change: string }[] };
    expect(since2.facts).toContainEqual(expect.objectContaining({ date: '2026-03-02', fact: 'dialogue:jp-cyber-dialogue', change: 'added' }));
    expect(since2.changes.map((c) => c.id)).toEqual([change.id]);
    const found = await call(h.app, anonymous, 'GET', '/api/search?q=Tokyo&partner=JP');
    expect(found.status).toBe(200);
    // The cached dialogues and the profile's entity tag move with the publication (a search after a re-seed:
    // derived-cache.test.ts; a meeting is not a fact of its own in the search index).
    expect(JSON.stringify((await call(h.app, anonymous, 'GET', '/api/dialogues?partner=JP')).body)).toContain('2026-03-02');
    const revalidated = await h.app.inject({ method: 'GET', url: '/api/partners/JP', headers: { 'if-none-match': tagBefore } });
    expect(revalidated.statusCode).toBe(200);
    expect(revalidated.headers.etag).not.toBe(tagBefore);

    const audit = await h.wb.audit.list(clearanceOf({ kind: 'local', org: null }), { targetId: change.id });
    expect(audit.map((e) => e.action)).toEqual(['kb.change.propose', 'kb.change.approve']);
    expect(audit[1]?.actor).toBe('user:eddie');

    const history = (await call(h.app, editor, 'GET', '/api/kb/changes?partner=JP&status=published')).body as View[];
    expect(history.find((c) => c.id === change.id)).toMatchObject({ proposedBy: 'ana', reviewedBy: 'eddie', record: round() });
  });

  it('keeps published changes over a re-seed of the files', async () => {
    const raw = readRawDataset(h.wb.config.dataDir);
    await seedKnowledgeBase(h.wb.db, raw, 'another digest');
    expect(rounds((await call(h.app, anonymous, 'GET', '/api/partners/JP')).body)).toContain('2026-03-02');
  });

  it('refuses a record without a source, naming the field', async () => {
    const none = await propose(analyst, proposal({ record: round({ sources: [] }) }));
    expect(none.status).toBe(400);
    expect((none.body as ErrorBody).error).toMatchObject({ code: 'invalid_change', issues: [{ path: 'record.sources' }] });
    const noLocator = await propose(analyst, proposal({ record: round({ date: '2026-04-01', sources: [{ ref: SOURCE.ref }] }) }));
    expect(noLocator.status).toBe(400);
    expect((noLocator.body as ErrorBody).error.issues?.map((i) => i.path)).toContain('record.sources.0.locator');
  });

  it('refuses an invalid record, naming the fields and the allowed values', async () => {
    const r = await propose(analyst, proposal({ record: round({ fora: ['un-ggg'], date: '2026-13-01' }) }));
    expect(r.status).toBe(400);
    const paths = (r.body as ErrorBody).error.issues?.map((i) => i.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['record.fora.0', 'record.date']));
    expect(r.text).toContain('un-oewg');
    const kind = await propose(analyst, proposal({ kind: 'rumour' }));
    expect(kind.status).toBe(400);
    expect((kind.body as ErrorBody).error.issues?.[0]?.path).toBe('kind');
    const dialogue = await propose(analyst, proposal({ record: round({ dialogue: 'cn-cyber-taskforce' }) }));
    expect(dialogue.status).toBe(400);
    expect((dialogue.body as ErrorBody).error.issues?.[0]?.path).toBe('record.dialogue');
  });

  it('refuses an update or retire of a record that does not exist, and an add of one that does', async () => {
    const doc = { id: 'jp-no-such-document', title: 'Nothing', type: 'other', year: 2025, cyberMention: 'brief', sources: [SOURCE] };
    const upd = await propose(analyst, { partner: 'JP', kind: 'document', action: 'update', record: doc });
    expect(upd.status).toBe(404);
    expect((upd.body as ErrorBody).error.code).toBe('unknown_record');
    const ret = await propose(analyst, { partner: 'JP', kind: 'cooperation', action: 'retire', target: 'jp-nothing', comment: 'gone' });
    expect(ret.status).toBe(404);
    const dup = await propose(analyst, proposal());
    expect(dup.status).toBe(409);
    const partner = await propose(analyst, { ...proposal(), partner: 'XX' });
    expect(partner.status).toBe(404);
    // The refusal names the partners there are, as every other unknown partner does.
    expect((partner.body as ErrorBody).error).toMatchObject({ code: 'unknown_partner', message: expect.stringMatching(/^Partner XX has no data in the knowledge base: the partners are BR, CA, .*US, ZA \(a new partner is proposed with kind partner and action add\)$/), issues: [{ path: 'partner' }] });
  });

  it('reads a record copied from GET /api/kb/records without the grades the API adds: unchanged is refused, changed is stored as the files hold it', async () => {
    const q = '/api/kb/records?partner=KR&kind=dialogue&target=kr-information-society-dialogue';
    const copy = ((await call(h.app, anonymous, 'GET', q)).body as { record: { sources: { grade?: string }[]; frequency: string } }).record;
    // The premise: the answer grades the sources, which the data files never hold.
    expect(copy.sources.some((s) => s.grade !== undefined)).toBe(true);
    const same = await propose(analyst, { partner: 'KR', kind: 'dialogue', action: 'update', record: copy });
    expect(same.status, same.text).toBe(400);
    expect((same.body as ErrorBody).error).toMatchObject({ code: 'invalid_change', message: expect.stringContaining('same as the published one') });

    const frequency = copy.frequency === 'annual' ? 'irregular' : 'annual';
    const changed = await propose(analyst, { partner: 'KR', kind: 'dialogue', action: 'update', record: { ...copy, frequency } });
    expect(changed.status, changed.text).toBe(201);
    expect((await call(h.app, editor, 'POST', `/api/kb/changes/${(changed.body as View).id}/approve`, {})).status).toBe(200);
    const published = (await h.wb.kb.dataset()).dialogues.find((d) => d.id === 'kr-information-society-dialogue');
    expect(published?.frequency).toBe(frequency);
    expect(JSON.stringify(published)).not.toMatch(/"grade"|"href"/);
    // The record read again (a kept view before the change) is the published one.
    expect(((await call(h.app, anonymous, 'GET', q)).body as { record: { frequency: string } }).record.frequency).toBe(frequency);
  });

  it('refuses the same proposal sent twice while the first is pending, naming it; another person may still propose it', async () => {
    const body = proposal({ record: round({ date: '2026-10-05', title: '9th round, Brussels' }) });
    const first = await propose(analyst, body);
    expect(first.status, first.text).toBe(201);
    const id = (first.body as View).id;
    const again = await propose(analyst, body);
    expect(again.status, again.text).toBe(409);
    expect((again.body as ErrorBody).error).toMatchObject({ code: 'conflict', message: expect.stringContaining(`${id} is pending review`) });
    expect((await call(h.app, editor, 'GET', '/api/kb/changes?status=pending&partner=JP')).text.split('9th round, Brussels').length - 1).toBe(1);
    // A different record is another proposal; so is the same one from someone else (each is reviewed on its own).
    expect((await propose(analyst, proposal({ record: round({ date: '2026-10-05', title: '9th round, Brussels (EEAS)' }) }))).status).toBe(201);
    expect((await propose(analyst2, body)).status).toBe(201);
    // Once the first is rejected, proposing it again is a new proposal.
    expect((await call(h.app, editor, 'POST', `/api/kb/changes/${id}/reject`, { reason: 'date unconfirmed' })).status).toBe(200);
    expect((await propose(analyst, body)).status).toBe(201);
  });

  it('refuses approval by the proposer (also an editor) and rejection without a reason', async () => {
    const p = await propose(editor, proposal({ record: round({ date: '2026-06-01', title: 'Working-level round' }) }));
    expect(p.status, p.text).toBe(201);
    const id = (p.body as View).id;
    const own = await call(h.app, editor, 'POST', `/api/kb/changes/${id}/approve`, {});
    expect(own.status).toBe(403);
    expect((own.body as ErrorBody).error.code).toBe('own_change');
    expect((await call(h.app, editor, 'POST', `/api/kb/changes/${id}/reject`, { reason: 'mine' })).status).toBe(403);
    const noReason = await call(h.app, editorIt, 'POST', `/api/kb/changes/${id}/reject`, {});
    expect(noReason.status).toBe(400);
    expect((noReason.body as ErrorBody).error.issues?.[0]?.path).toBe('reason');
    const rej = await call(h.app, editorIt, 'POST', `/api/kb/changes/${id}/reject`, { reason: 'No source beyond a blog' });
    expect(rej.status).toBe(200);
    expect(rej.body).toMatchObject({ status: 'rejected', reviewedBy: 'elena' });
    expect(rounds((await call(h.app, anonymous, 'GET', '/api/partners/JP')).body)).not.toContain('2026-06-01');
  });

  it('flags a change whose target was edited in the files since it was proposed, and refuses it until revised', async () => {
    const current = (await call(h.app, anonymous, 'GET', '/api/kb/records?partner=JP&kind=document&target=jp-ict-joint-statement-2004')).body as { record: Record<string, unknown> };
    const p = await propose(analyst, { partner: 'JP', kind: 'document', action: 'update', record: { ...current.record, summary: 'Statement of June 2004 on ICT cooperation; it names a more secure internet in passing.' } });
    expect(p.status, p.text).toBe(201);
    const id = (p.body as View).id;

    // The reviewed file changes the same document; a re-seed brings it in.
    const dir = tempDir('cyberdiplo-data-');
    fs.cpSync(h.wb.config.dataDir, dir, { recursive: true });
    const jp = path.join(dir, 'partnerships', 'jp.yaml');
    fs.writeFileSync(jp, fs.readFileSync(jp, 'utf8').replace('cyberMention: brief\n    keyDocument: true\n    url: "http://eeas.europa.eu/japan/docs/2004_ict_en.pdf"', 'cyberMention: none\n    keyDocument: true\n    url: "http://eeas.europa.eu/japan/docs/2004_ict_en.pdf"'));
    await seedKnowledgeBase(h.wb.db, readRawDataset(dir), datasetDigest(dir));

    const flagged = (await call(h.app, editor, 'GET', `/api/kb/changes/${id}`)).body as View;
    expect(flagged.needsReview).toBe(true);
    const stale = await call(h.app, editor, 'POST', `/api/kb/changes/${id}/approve`, {});
    expect(stale.status).toBe(409);
    expect((stale.body as ErrorBody).error.code).toBe('stale_change');

    // Only the proposer revises; the revision reads the target as it is now, and approval passes.
    expect((await call(h.app, analyst2, 'POST', `/api/kb/changes/${id}/revise`, {})).status).toBe(403);
    const revised = await call(h.app, analyst, 'POST', `/api/kb/changes/${id}/revise`, { record: { ...current.record, cyberMention: 'none', summary: 'Revised summary.' } });
    expect(revised.status, revised.text).toBe(200);
    expect(revised.body).toMatchObject({ needsReview: false, before: expect.objectContaining({ cyberMention: 'none' }) });
    expect((await call(h.app, editor, 'POST', `/api/kb/changes/${id}/approve`, {})).status).toBe(200);
    const profile = (await call(h.app, anonymous, 'GET', '/api/partners/JP')).body as { documents: { id: string; summary: string }[] };
    expect(profile.documents.find((d) => d.id === 'jp-ict-joint-statement-2004')?.summary).toBe('Revised summary.');
    await seedKnowledgeBase(h.wb.db, readRawDataset(h.wb.config.dataDir), datasetDigest(h.wb.config.dataDir));
  });

  it('flags a change whose target another published change edited', async () => {
    const first = await propose(analyst, { partner: 'JP', kind: 'meeting', action: 'update', target: 'jp-cyber-dialogue/2026-03-02', record: round({ title: '8th round, Tokyo (co-chairs named)' }) });
    const second = await propose(analyst2, { partner: 'JP', kind: 'meeting', action: 'update', target: 'jp-cyber-dialogue/2026-03-02', record: round({ title: '8th round, held in Tokyo' }) });
    expect(first.status, first.text).toBe(201);
    expect(second.status, second.text).toBe(201);
    expect((await call(h.app, editor, 'POST', `/api/kb/changes/${(first.body as View).id}/approve`, {})).status).toBe(200);
    const r = await call(h.app, editor, 'POST', `/api/kb/changes/${(second.body as View).id}/approve`, {});
    expect(r.status).toBe(409);
  });

  it('retires a record through review', async () => {
    const p = await propose(analyst, { partner: 'JP', kind: 'document', action: 'retire', target: 'jp-security-defence-partnership-2024', comment: 'Duplicate of another entry' });
    expect(p.status, p.text).toBe(201);
    expect((await call(h.app, editor, 'POST', `/api/kb/changes/${(p.body as View).id}/approve`, {})).status).toBe(200);
    const profile = (await call(h.app, anonymous, 'GET', '/api/partners/JP')).body as { documents: { id: string }[] };
    expect(profile.documents.map((d) => d.id)).not.toContain('jp-security-defence-partnership-2024');
  });

  it('shows a marked comment only to those its marking admits', async () => {
    const p = await propose(analyst, proposal({ record: round({ date: '2026-09-01' }), comment: 'Heard from our delegation', commentTlp: 'amber' }));
    expect(p.status, p.text).toBe(201);
    const id = (p.body as View).id;
    const de = (await call(h.app, viewerDe, 'GET', `/api/kb/changes/${id}`)).body as View;
    const it_ = (await call(h.app, viewerIt, 'GET', `/api/kb/changes/${id}`)).body as View;
    expect(de.comment).toBe('Heard from our delegation');
    expect(it_).toMatchObject({ comment: null, commentWithheld: true });
    expect(JSON.stringify((await call(h.app, viewerIt, 'GET', '/api/kb/changes')).body)).not.toContain('delegation');
    // Published, it shows in the partner's changes since a date, each reader's answer kept apart: the first reader's
    // (who sees the comment) is not handed to the next.
    expect((await call(h.app, editor, 'POST', `/api/kb/changes/${id}/approve`, {})).status).toBe(200);
    const since = (who: Client) => call(h.app, who, 'GET', '/api/partners/JP/changes?since=2026-08-01').then((r) => JSON.stringify(r.body));
    expect(await since(viewerDe)).toContain('Heard from our delegation');
    expect(await since(viewerIt)).not.toContain('delegation');
    expect(await since(anonymous)).not.toContain('delegation');
  });

  it('refuses readers and viewers as proposers, and bad filters', async () => {
    expect((await propose(anonymous, proposal())).status).toBe(401);
    expect((await propose(viewerDe, proposal())).status).toBe(403);
    expect((await call(h.app, editor, 'GET', '/api/kb/changes?status=approved')).status).toBe(400);
    expect((await call(h.app, anonymous, 'GET', '/api/partners/JP/changes')).status).toBe(400);
    expect((await call(h.app, anonymous, 'GET', '/api/partners/JP/changes?since=2026-02-30')).status).toBe(400);
    expect((await call(h.app, editor, 'POST', '/api/kb/changes/chg-none/approve', {})).status).toBe(404);
  });

  it('refuses changes since a date after today (it answered an empty list), and a record read without its partner', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const later = await call(h.app, anonymous, 'GET', '/api/partners/JP/changes?since=2099-01-01');
    expect(later.status, later.text).toBe(400);
    expect((later.body as ErrorBody).error).toMatchObject({ code: 'invalid_date', message: `since 2099-01-01 is after today, ${today}; give a date up to today`, issues: [{ path: 'since' }] });
    expect((await call(h.app, anonymous, 'GET', `/api/partners/JP/changes?since=${today}`)).status).toBe(200);
    const noPartner = await call(h.app, anonymous, 'GET', '/api/kb/records?kind=partner');
    expect(noPartner.status, noPartner.text).toBe(400);
    expect((noPartner.body as ErrorBody).error).toMatchObject({ code: 'invalid_filter', message: 'partner is required: a partner id such as US or JP', issues: [{ path: 'partner' }] });
  });
});

describe('knowledge-base curation in single-analyst mode', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({}, 'sqlite');
  });
  afterAll(async () => h?.close());

  it('lets the single analyst propose and refuses their approval, saying a second person is needed', async () => {
    const p = await call(h.app, anonymous, 'POST', '/api/kb/changes', proposal());
    expect(p.status, p.text).toBe(201);
    const r = await call(h.app, anonymous, 'POST', `/api/kb/changes/${(p.body as View).id}/approve`, {});
    expect(r.status).toBe(403);
    expect((r.body as ErrorBody).error.message).toContain('second person');
  });
});

describe.each(dialects)('a new partner through curation on %s', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(teamConfig(), dialect);
  });
  afterAll(async () => h?.close());

  it('adds a cyber-dialogue partner that then appears among the partners, with its own profile', async () => {
    const analyst = await addUser(h, 'ana', 'analyst', 'DE');
    const editor = await addUser(h, 'eddie', 'editor', 'DE');
    const partner = { id: 'NO', name: 'Norway', group: 'cyber-dialogue-partner', cyberDialogueSince: '2024-05-04', isoNumeric: '578', sources: [SOURCE] };
    const noSource = await call(h.app, analyst, 'POST', '/api/kb/changes', { partner: 'NO', kind: 'partner', action: 'add', record: { ...partner, sources: [] } });
    expect(noSource.status).toBe(400);
    const p = await call(h.app, analyst, 'POST', '/api/kb/changes', { partner: 'NO', kind: 'partner', action: 'add', record: partner });
    expect(p.status, p.text).toBe(201);
    expect(((await call(h.app, anonymous, 'GET', '/api/partners')).body as { id: string }[]).map((x) => x.id)).not.toContain('NO');
    expect((await call(h.app, editor, 'POST', `/api/kb/changes/${(p.body as View).id}/approve`, {})).status).toBe(200);
    expect(((await call(h.app, anonymous, 'GET', '/api/partners')).body as { id: string }[]).map((x) => x.id)).toContain('NO');
    const profile = await call(h.app, anonymous, 'GET', '/api/partners/NO');
    expect(profile.status, profile.text).toBe(200);
    expect(profile.body).toMatchObject({ id: 'NO', name: 'Norway' });
  });
});
