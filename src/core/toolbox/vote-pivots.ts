// The pivotal member states of a Council vote: each state whose change of vote alone would reverse the outcome.
// "What would flip it" gives the smallest group; this lists every single state that could do it by itself.
import type { Ballot, Position, Tally } from './vote-tally';

export interface Pivot {
  state: string;
  from: Position;
  to: Position;
  outcome: 'adopted' | 'rejected';
}

/**
 * Every member state whose own change of vote reverses the outcome, largest population first: for an adopted act,
 * the states whose vote against would stop it (under unanimity, every state voting for, or abstaining, that is);
 * for a rejected one, the states whose vote for would carry it (the lone objector under unanimity). A state already
 * in the position that would reverse the outcome is not listed.
 */
export function pivotalStates(ballot: Ballot, current: Tally, weights: ReadonlyMap<string, number>, count: (b: Ballot) => Tally): Pivot[] {
  const to: Position = current.adopted ? 'against' : 'for';
  const outcome = current.adopted ? 'rejected' : 'adopted';
  const pivots: Pivot[] = [];
  for (const [state, from] of ballot) {
    if (from === to) continue;
    const moved = new Map(ballot);
    moved.set(state, to);
    if (count(moved).adopted !== current.adopted) pivots.push({ state, from, to, outcome });
  }
  return pivots.sort((a, b) => (weights.get(b.state) ?? 0) - (weights.get(a.state) ?? 0) || a.state.localeCompare(b.state));
}
