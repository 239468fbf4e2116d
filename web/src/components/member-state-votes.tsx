// The 27 member states, each with its vote; the population share shows what each weighs.
import { useId } from 'react';
import { percent } from '../lib/format';
import { CHOICES, type MemberStateRow } from '../lib/vote-model';
import type { VoteChoice } from '../toolbox-types';

interface Props {
  states: MemberStateRow[];
  choices: Map<string, VoteChoice>;
  onChange: (code: string, choice: VoteChoice) => void;
}

const isChoice = (v: string): v is VoteChoice => CHOICES.some(([c]) => c === v);

export function MemberStateVotes({ states, choices, onChange }: Props) {
  const base = useId();
  const sorted = [...states].sort((a, b) => (b.population ?? 0) - (a.population ?? 0) || a.name.localeCompare(b.name));
  return (
    <ul className="state-votes">
      {sorted.map((s) => {
        const choice = choices.get(s.code) ?? 'for';
        const id = `${base}-${s.code}`;
        return (
          <li key={s.code} className={`state-vote choice-${choice}`}>
            <label htmlFor={id}>
              <span className="state-name">{s.name}</span>
              <span className="state-meta">
                {s.code}
                {s.population !== undefined ? ` · ${percent(s.population, 2)}` : ''}
              </span>
            </label>
            <select id={id} data-state={s.code} value={choice} onChange={(e) => isChoice(e.target.value) && onChange(s.code, e.target.value)}>
              {CHOICES.map(([c, label]) => (
                <option key={c} value={c}>
                  {label}
                </option>
              ))}
            </select>
          </li>
        );
      })}
    </ul>
  );
}
