// The weights file: the reviewed one is valid, and a malformed one is refused with invalid_weights naming the field.
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import { clone, realWeightsRaw } from './real-data.test-support';
import { parseWeights } from './weights';

type Node = Record<string, unknown>;

/** Walks a dotted path of the raw file (`orientation.rules.0.label`) to its parent object and last key. */
function at(root: Node, path: string): [Node, string] {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce<Node>((o, k) => o[k] as Node, root);
  return [parent, last];
}

const set = (path: string, value: unknown) => (w: Node) => {
  const [parent, key] = at(w, path);
  parent[key] = value;
};
const unset = (path: string) => (w: Node) => {
  const [parent, key] = at(w, path);
  delete parent[key];
};

function refusal(...edits: ((w: Node) => void)[]): { message: string; paths: string[] } {
  const w = clone(realWeightsRaw());
  for (const edit of edits) edit(w);
  try {
    parseWeights(w, 'my-weights.yaml');
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_weights') return { message: error.message, paths: error.issues.map((i) => i.path) };
    throw error;
  }
  throw new Error('expected invalid_weights');
}

describe('parseWeights', () => {
  it('accepts the reviewed file, every block of which cites a paper', () => {
    const w = parseWeights(realWeightsRaw(), 'data/assessment/weights.yaml');
    const blocks = [...Object.values(w.dimensions), ...Object.values(w.signals), w.maturity, w.orientation, ...Object.values(w.purposes), w.network, w.network.blocs];
    for (const b of blocks) expect(b.sources.some((s) => s.ref.startsWith('renard'))).toBe(true);
    for (const r of w.orientation.rules) expect(r.sources.length).toBeGreaterThan(0);
  });

  it('names a missing weight', () => {
    const r = refusal(unset('dimensions.legalFramework.typePoints.mla'));
    expect(r.paths).toContain('dimensions.legalFramework.typePoints.mla');
    expect(r.message).toContain('my-weights.yaml');
  });

  it('names a weight of the wrong type', () => {
    const r = refusal(set('dimensions.trust.base', 'high'));
    expect(r.paths).toContain('dimensions.trust.base');
  });

  it('refuses an unknown key, such as a misspelt level', () => {
    const r = refusal(set('dimensions.institutionalDensity.levelPoints.sumit', 10));
    expect(r.paths).toContain('dimensions.institutionalDensity.levelPoints');
  });

  it('refuses maturity weights that do not add up to 1', () => {
    const r = refusal(set('maturity.weights.trust', 0.5));
    expect(r.paths).toContain('maturity.weights');
    expect(r.message).toMatch(/add up to 1/);
  });

  it('refuses an orientation rule list without a final catch-all rule', () => {
    const r = refusal((w) => {
      const [parent, key] = at(w, 'orientation.rules');
      parent[key] = (parent[key] as unknown[]).slice(0, -1);
    });
    expect(r.paths).toContain('orientation.rules');
  });

  it('refuses an unknown orientation label or metric, naming the allowed values', () => {
    const r = refusal(set('orientation.rules.0.label', 'friendly'), set('orientation.rules.0.when.0.metric', 'vibes'));
    expect(r.paths).toEqual(expect.arrayContaining(['orientation.rules.0.label', 'orientation.rules.0.when.0.metric']));
    expect(r.message).toContain('results-oriented');
  });

  it('refuses a rule without a source', () => {
    const r = refusal(set('orientation.rules.1.sources', []));
    expect(r.paths).toContain('orientation.rules.1.sources');
  });

  it('refuses something that is not a mapping at all', () => {
    for (const bad of [null, 42, 'weights', []]) {
      try {
        parseWeights(bad, 'x.json');
        throw new Error('expected a refusal');
      } catch (error) {
        expect(isAppError(error) && error.code).toBe('invalid_weights');
      }
    }
  });
});
