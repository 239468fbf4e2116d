// Beside the graph: find a node by name, show or hide blocs, and read the selected node's details.
import { useId } from 'react';
import type { Network } from '../lib/network';
import { uniqueSources } from '../lib/describe';
import { humanise } from '../lib/format';
import { NodeDetails } from './node-details';
import { SourcesButton } from './sources-button';

interface Props {
  network: Network;
  blocs: string[];
  hidden: Set<string>;
  blocColour: (bloc: string) => string;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onToggleBloc: (bloc: string) => void;
}

export function NetworkSidebar({ network, blocs, hidden, blocColour, selected, onSelect, onToggleBloc }: Props) {
  const findId = useId();
  const node = network.nodes.find((n) => n.id === selected);
  const sorted = [...network.nodes].sort((a, b) => a.label.localeCompare(b.label));
  return (
    <aside className="network-side card" aria-label="Network details">
      <div className="field">
        <label htmlFor={findId}>Open a node</label>
        <select id={findId} value={selected ?? ''} onChange={(e) => onSelect(e.target.value || null)}>
          <option value="">— choose —</option>
          {sorted.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label}
            </option>
          ))}
        </select>
      </div>
      {blocs.length > 0 && (
        <fieldset className="bloc-filter">
          <legend>Blocs</legend>
          {blocs.map((b) => {
            const info = network.blocs.find((x) => x.label === b);
            return (
              <div key={b} className="bloc">
                <label className="check">
                  <input type="checkbox" checked={!hidden.has(b)} onChange={() => onToggleBloc(b)} />
                  <span className="swatch" style={{ background: blocColour(b) }} aria-hidden="true" />
                  {humanise(b)}
                </label>
                {info?.because && (
                  <p className="bloc-because">
                    {info.because}
                    <SourcesButton sources={uniqueSources(info.sources)} label={`the ${b} bloc`} />
                  </p>
                )}
              </div>
            );
          })}
          <p className="legend-line">
            <span className="swatch" style={{ background: '#0f2a55' }} aria-hidden="true" />
            European Union
          </p>
          <p className="legend-line">
            <span className="swatch" style={{ background: '#8c959f' }} aria-hidden="true" />
            Fora and instruments
          </p>
        </fieldset>
      )}
      <p className="muted">{network.nodes.length} nodes, {network.edges.length} links. Drag to pan, scroll to zoom.</p>
      {node ? <NodeDetails node={node} network={network} onSelect={onSelect} /> : <p>Choose a node on the graph or in the list to see its details.</p>}
    </aside>
  );
}
