// No sentence the product composes shows a vocabulary code: the words of each code, and the timeline's and the
// assessment's sentences over the real knowledge base.
import { describe, expect, it } from 'vitest';
import { assessAll } from './assess/engine';
import { describeRequirement } from './assess/gaps';
import { realDataset, realGaps, realWeights } from './assess/real-data.test-support';
import { capitalLabelOf, labelOf, nameInSentence, showsCode } from './labels';
import { allEvents } from './timeline/events';
import { Forum } from './records/dialogue';
import { AgreementStatus, BudapestStance, BudapestStatus, CooperationKind, DialogueStatus, MembershipId } from './vocabularies';

const CODES = [...MembershipId.options, ...Forum.options, ...AgreementStatus.options, ...BudapestStatus.options, ...BudapestStance.options, ...DialogueStatus.options, ...CooperationKind.options];

describe('labelOf', () => {
  it('writes statuses, stances and fora in words', () => {
    expect(labelOf('in-force')).toBe('in force');
    expect(labelOf('not-signed (uses-as-model)')).toBe('not signed (uses it as a model)');
    expect(capitalLabelOf('not-signed (uses-as-model)')).toBe('Not signed (uses it as a model)');
    expect(labelOf('paris-call')).toBe('Paris Call for Trust and Security in Cyberspace');
    expect(labelOf('g8-24-7-network')).toBe('G8 24/7 network');
    expect(labelOf('senior-officials')).toBe('senior officials');
    expect(labelOf('justice-home-affairs')).toBe('justice and home affairs');
    expect(labelOf('information-society-ict')).toBe('information society and ICT');
    expect(labelOf('agreement:mla')).toBe('mutual legal assistance agreement');
    expect(nameInSentence('council-of-europe')).toBe('the Council of Europe');
    expect(nameInSentence('nato')).toBe('NATO');
  });
  it('writes a list of statuses item by item, as the matrix joins several agreements of one kind', () => {
    expect(capitalLabelOf('signed (unverified), in-force (unverified)')).toBe('Signed (unverified), in force (unverified)');
    expect(labelOf('in-force, negotiating')).toBe('in force, negotiating');
  });
  it('leaves free text alone', () => {
    expect(labelOf('founding member (Rambouillet summit)')).toBe('founding member (Rambouillet summit)');
    expect(labelOf('in-force, as the Commission reported')).toBe('in-force, as the Commission reported');
  });
  it('gives every code of the vocabularies words that are not the code', () => {
    for (const code of CODES) expect(showsCode(labelOf(code), CODES), code).toBeUndefined();
  });
  it('finds a code in a sentence, and only a whole one', () => {
    expect(showsCode('Japan joins paris-call', CODES)).toBe('paris-call');
    expect(showsCode('Agreement: in-force', CODES)).toBe('in-force');
    expect(showsCode('Japan joins the Paris Call for Trust and Security in Cyberspace', CODES)).toBeUndefined();
    expect(showsCode('https://example.org/paris-call', CODES)).toBeUndefined();
  });
});

describe('the sentences composed from the knowledge base', () => {
  const dataset = realDataset();

  it('name fora and statuses in words in every timeline event', () => {
    const events = allEvents(dataset);
    expect(events.length).toBeGreaterThan(50);
    const coded = events.map((e) => [e.title, showsCode(e.title, CODES)]).filter(([, code]) => code !== undefined);
    expect(coded).toEqual([]);
    expect(events.some((e) => e.title === 'Japan joins the Council of Europe' || /^Japan joins the /.test(e.title))).toBe(true);
  });

  it('explain the assessment without codes', () => {
    const assessed = assessAll(dataset, undefined, realWeights());
    const titles = assessed.flatMap((a) => [...a.explanation, ...a.orientationExplanation, ...Object.values(a.dimensions).flatMap((d) => d.explanation)].map((e) => e.fact.title));
    expect(titles.length).toBeGreaterThan(100);
    const coded = [...new Set(titles)].map((t) => [t, showsCode(t, CODES)]).filter(([, code]) => code !== undefined);
    expect(coded).toEqual([]);
    expect(titles.some((t) => /member of the /.test(t))).toBe(true);
    expect(titles.some((t) => /capped at/.test(t))).toBe(false);
  });

  it('say what each gap rule asks for in words', () => {
    const asked = realGaps().rules.flatMap((r) => r.anyOf.map(describeRequirement));
    expect(asked.length).toBeGreaterThan(10);
    expect(asked.map((t) => [t, showsCode(t, CODES)]).filter(([, code]) => code !== undefined)).toEqual([]);
  });
});
