// The curation model without a store: what a proposal must be, how published changes layer over the files, when a
// change needs re-review, who may review, "changes since", and the exported files reading back as the same dataset.
import { describe, expect, it } from 'vitest';
import { realDataset } from '../assess/real-data.test-support';
import type { IsoDate } from '../dates';
import { AppError } from '../errors';
import { buildDataset } from '../kb/dataset';
import { applyLayer, toEditable, type LayerChange } from './apply';
import type { KbChange } from './change';
import { exportFiles } from './export-files';
import { isCurrent, resolveProposal } from './proposal';
import { checkReviewer } from './review';
import { factsSince, publishedSince } from './since';

const base = realDataset();
const SOURCE = { ref: 'https://www.eeas.europa.eu/eeas/eu-japan-cyber-dialogue-2026', locator: 'press release' };
const round = (over: Record<string, unknown> = {}) => ({ dialogue: 'jp-cyber-dialogue', date: '2026-03-02', title: '8th round', sources: [SOURCE], ...over });

/** The error a call throws, for table tests of refusals. */
function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const layer = (id: string, body: unknown, dataset = base): LayerChange => ({ id, ...resolveProposal(dataset, body) });
const statusDates = (d: ReturnType<typeof buildDataset>) => d.dialogues.find((x) => x.id === 'jp-cyber-dialogue')?.meetings.map((m) => String(m.date)) ?? [];

describe('a proposal', () => {
  it('resolves a new dialogue round to its key, with nothing before it', () => {
    const r = resolveProposal(base, { partner: 'jp', kind: 'meeting', action: 'add', record: round() });
    expect(r).toMatchObject({ partner: 'JP', target: 'jp-cyber-dialogue/2026-03-02', before: null, comment: null });
  });

  it.each([
    ['no sources', { record: round({ sources: [] }) }, 'invalid_change', 'record.sources'],
    ['no sources field', { record: { ...round(), sources: undefined } }, 'invalid_change', 'record.sources'],
    ['a source without locator', { record: round({ sources: [{ ref: SOURCE.ref }] }) }, 'invalid_change', 'record.sources.0.locator'],
    ['a source that is neither a paper nor a URL', { record: round({ sources: [{ ref: 'a blog', locator: 'x' }] }) }, 'invalid_change', 'record.sources.0.ref'],
    ['a forum outside the vocabulary', { record: round({ fora: ['un-ggg'] }) }, 'invalid_change', 'record.fora.0'],
    ['an impossible date', { record: round({ date: '2026-02-30' }) }, 'invalid_change', 'record.date'],
    ['an unknown field', { record: round({ venue: 'Tokyo' }) }, 'invalid_change', 'record'],
    ['a dialogue of another partner', { record: round({ dialogue: 'cn-cyber-taskforce' }) }, 'invalid_change', 'record.dialogue'],
    ['an unknown kind', { kind: 'rumour' }, 'invalid_change', 'kind'],
    ['an unknown partner', { partner: 'XX' }, 'unknown_partner', undefined],
    ['no record', { record: undefined }, 'invalid_change', 'record'],
    ['an add of a round that exists', { record: round({ date: '2024-11-11' }) }, 'conflict', 'record'],
  ])('refuses %s, naming the field', (_what, over, code, path) => {
    const e = refusal(() => resolveProposal(base, { partner: 'JP', kind: 'meeting', action: 'add', record: round(), ...over }));
    expect(e.code).toBe(code);
    if (path) expect(e.issues.map((i) => i.path)).toContain(path);
  });

  it('names the allowed values of a closed vocabulary', () => {
    const e = refusal(() => resolveProposal(base, { partner: 'JP', kind: 'meeting', action: 'add', record: round({ fora: ['un-ggg'] }) }));
    expect(e.issues.find((i) => i.path === 'record.fora.0')?.message).toMatch(/un-oewg/);
  });

  it('refuses an update or retire of what does not exist, a retired partner, and an update that changes nothing', () => {
    const doc = base.partners.get('JP')?.file.documents[0];
    expect(refusal(() => resolveProposal(base, { partner: 'JP', kind: 'document', action: 'update', record: { ...doc, id: 'jp-none' } })).code).toBe('unknown_record');
    expect(refusal(() => resolveProposal(base, { partner: 'JP', kind: 'membership', action: 'retire', target: 'no-such' })).code).toBe('unknown_record');
    expect(refusal(() => resolveProposal(base, { partner: 'JP', kind: 'partner', action: 'retire', target: 'JP' })).code).toBe('invalid_change');
    expect(refusal(() => resolveProposal(base, { partner: 'JP', kind: 'document', action: 'update', record: doc })).code).toBe('invalid_change');
  });

  it('keeps the record before an update, for the reviewer and the re-review check', () => {
    const doc = base.partners.get('JP')?.file.documents[0];
    const r = resolveProposal(base, { partner: 'JP', kind: 'document', action: 'update', record: { ...doc, summary: 'New words.' } });
    expect(r.before).toEqual(doc);
    expect(r.target).toBe(doc?.id);
  });
});

describe('the published layer', () => {
  it('applies changes in order over the files, and leaves the files as they were', () => {
    const add = layer('c1', { partner: 'JP', kind: 'meeting', action: 'add', record: round() });
    const after = applyLayer(base, [add]).dataset;
    expect(statusDates(after)).toContain('2026-03-02');
    expect(statusDates(base)).not.toContain('2026-03-02');
    const update = layer('c2', { partner: 'JP', kind: 'meeting', action: 'update', target: add.target, record: round({ title: 'revised' }) }, after);
    const retire = layer('c3', { partner: 'JP', kind: 'document', action: 'retire', target: 'jp-security-defence-partnership-2024' }, after);
    const all = applyLayer(base, [add, update, retire]).dataset;
    expect(all.dialogues.find((d) => d.id === 'jp-cyber-dialogue')?.meetings.find((m) => m.date === '2026-03-02')?.title).toBe('revised');
    expect(all.partners.get('JP')?.documents.map((d) => d.id)).not.toContain('jp-security-defence-partnership-2024');
  });

  it('leaves out a change that no longer applies over the files, and says which', () => {
    const broken: LayerChange = { id: 'c9', partner: 'JP', kind: 'dialogue', action: 'add', target: 'jp-x', record: { id: 'jp-x', name: 'X', partners: ['JP'], level: 'nowhere', frequency: 'annual', topics: ['cyber-security'], cyberSpecific: true, status: [], sources: [SOURCE] } };
    const add = layer('c1', { partner: 'JP', kind: 'meeting', action: 'add', record: round() });
    const r = applyLayer(base, [broken, add]);
    expect(r.skipped).toEqual(['c9']);
    expect(statusDates(r.dataset)).toContain('2026-03-02');
  });

  it('flags a pending change for re-review once its target reads otherwise', () => {
    const doc = base.partners.get('JP')?.file.documents[0];
    const pending = resolveProposal(base, { partner: 'JP', kind: 'document', action: 'update', record: { ...doc, summary: 'Mine.' } });
    expect(isCurrent(toEditable(base), pending)).toBe(true);
    const other = layer('c1', { partner: 'JP', kind: 'document', action: 'update', record: { ...doc, summary: 'Theirs.' } });
    expect(isCurrent(toEditable(applyLayer(base, [other]).dataset), pending)).toBe(false);
    // An add is stale once something took its key.
    const add = resolveProposal(base, { partner: 'JP', kind: 'meeting', action: 'add', record: round() });
    expect(isCurrent(toEditable(applyLayer(base, [layer('c2', { partner: 'JP', kind: 'meeting', action: 'add', record: round({ title: 'first' }) })]).dataset), add)).toBe(false);
  });
});

describe('review', () => {
  const change = { id: 'chg-1', proposedBy: 'user:ana', status: 'pending' as const };
  it('needs an editor other than the proposer; with sign-in off, a second person', () => {
    expect(refusal(() => checkReviewer(change, { actorId: 'user:ana', local: false })).code).toBe('own_change');
    expect(refusal(() => checkReviewer(change, { actorId: 'local', local: true })).message).toMatch(/second person/);
    expect(() => checkReviewer(change, { actorId: 'user:eddie', local: false })).not.toThrow();
    expect(refusal(() => checkReviewer({ ...change, status: 'published' }, { actorId: 'user:eddie', local: false })).code).toBe('conflict');
  });
});

describe('changes since', () => {
  it('lists the facts of a partner from the date on, oldest first, and moves with the date', () => {
    const since = (d: string) => factsSince(base, 'JP', d as IsoDate);
    const from2024 = since('2024-01-01');
    expect(from2024.length).toBeGreaterThan(0);
    expect(from2024.every((f) => f.date >= '2024-01-01')).toBe(true);
    expect([...from2024].sort((a, b) => a.date.localeCompare(b.date))).toEqual(from2024);
    expect(since('2025-06-01').length).toBeLessThan(from2024.length);
    expect(factsSince(base, 'CN', '2024-01-01' as IsoDate).map((f) => f.fact)).not.toContain('dialogue:jp-cyber-dialogue');
    // up to today: the data dates China's digital dialogue "status unknown" in 2027, after years without a report
    expect(factsSince(base, 'CN', '2024-01-01' as IsoDate).some((f) => f.date >= '2027')).toBe(true);
    expect(factsSince(base, 'CN', '2024-01-01' as IsoDate, '2026-12-06' as IsoDate).some((f) => f.date >= '2027')).toBe(false);
    expect(factsSince(base, 'CN', '2024-01-01' as IsoDate, '2026-12-06' as IsoDate).length).toBeGreaterThan(0);
    const after = applyLayer(base, [layer('c1', { partner: 'JP', kind: 'meeting', action: 'add', record: round() })]).dataset;
    expect(factsSince(after, 'JP', '2026-03-01' as IsoDate)).toContainEqual(expect.objectContaining({ date: '2026-03-02', fact: 'dialogue:jp-cyber-dialogue', change: 'added' }));
  });

  it('lists published changes reviewed from the date on', () => {
    const c = (id: string, status: KbChange['status'], reviewedAt: string) => ({ id, status, reviewedAt, partner: 'JP', publishedSeq: 1 }) as KbChange;
    const list = [c('a', 'published', '2026-05-02T10:00:00Z'), c('b', 'rejected', '2026-05-03T10:00:00Z'), c('c', 'published', '2026-04-01T10:00:00Z')];
    expect(publishedSince(list, 'JP', '2026-05-01' as IsoDate).map((x) => x.id)).toEqual(['a']);
  });
});

describe('export', () => {
  it('writes files that build the same dataset, curated changes included', () => {
    const curated = applyLayer(base, [layer('c1', { partner: 'JP', kind: 'meeting', action: 'add', record: round() })]).dataset;
    const files = exportFiles(curated, 'note');
    const by = (p: string) => ({ name: p, content: files.find((f) => f.path === p)?.content });
    const rebuilt = buildDataset({
      partnerships: files.filter((f) => f.path.startsWith('partnerships/') && !f.path.endsWith('shared-dialogues.yaml')).map((f) => by(f.path)),
      sharedDialogues: by('partnerships/shared-dialogues.yaml'),
      actors: by('actors.yaml'),
      framework: by('eu-framework.yaml'),
    });
    expect(rebuilt.dialogues).toEqual(curated.dialogues);
    expect(statusDates(rebuilt)).toContain('2026-03-02');
    expect([...rebuilt.partners.keys()]).toEqual([...curated.partners.keys()]);
    for (const [id, e] of curated.partners) expect(rebuilt.partners.get(id)?.documents).toEqual(e.documents);
  });
});
