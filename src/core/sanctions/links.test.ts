import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../dates';
import { sanctionsAt } from '../toolbox/sanctions';
import { actorLinks, incidentLinks } from './links';
import { sanctionsData } from './sanctions.fixture';

const targets = sanctionsAt(sanctionsData(), '2026-08-01' as IsoDate).targets;

describe('links to the registry', () => {
  it("links an incident by an operation its title names, or by a person it identifies, to that target only", () => {
    const links = incidentLinks(targets, [
      { id: 'inc-1', title: 'NotPetya wiper in Ukraine', names: [] },
      { id: 'inc-2', title: 'Phishing wave', names: ['Андрей Коринец'] },
      { id: 'inc-3', title: 'Unrelated outage', names: ['John Smith'] },
    ]);
    expect(links.get('main-centre-for-special-technologies')).toEqual([{ id: 'inc-1', title: 'NotPetya wiper in Ukraine', via: '"NotPetya" in the title' }]);
    expect(links.get('andrey-stanislavovich-korinets')?.map((l) => l.id)).toEqual(['inc-2']);
    // GAO Qiang's reasons name Cloud Hopper only: a NotPetya incident is not his.
    expect(links.get('gao-qiang')).toEqual([]);
    expect([...links.values()].flat().filter((l) => l.id === 'inc-3')).toEqual([]);
  });

  it('links an imported actor to the target that bears its name and to those its reasons place in that group', () => {
    const links = actorLinks(targets, [
      { id: 'actor-1', name: 'Sandworm Team', aliases: ['Voodoo Bear'] },
      { id: 'actor-2', name: 'Cozy Bear', aliases: ['APT29'] },
    ]);
    expect(links.get('main-centre-for-special-technologies')?.map((a) => a.id)).toEqual(['actor-1']);
    expect(links.get('evgenii-mikhaylovich-serebriakov')?.map((a) => a.id)).toEqual(['actor-1']);
    expect([...links.values()].flat().filter((l) => l.id === 'actor-2')).toEqual([]);
  });
});
