// The interactive network: nodes coloured by bloc and sized by centrality; a click or Enter opens a node.
import { useMemo, type KeyboardEvent } from 'react';
import { humanise } from '../lib/format';
import { neighbours, type NetNode, type Network } from '../lib/network';
import { layoutNetwork, SIZE } from '../lib/network-layout';
import { usePanZoom } from '../lib/use-pan-zoom';

/** Splits a long label into lines of about 24 characters, so that the whole name stays visible. */
function wrap(label: string, width = 24): string[] {
  const lines: string[] = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

interface Props {
  network: Network;
  colourOf: (node: NetNode) => string;
  selected: string | null;
  hiddenBlocs: Set<string>;
  onSelect: (id: string | null) => void;
}

export function NetworkGraph({ network, colourOf, selected, hiddenBlocs, onSelect }: Props) {
  const placed = useMemo(() => layoutNetwork(network), [network]);
  const near = useMemo(() => (selected ? neighbours(network, selected) : null), [network, selected]);
  const pz = usePanZoom(SIZE);
  const visible = (id: string) => {
    const n = network.nodes.find((x) => x.id === id);
    return !n || !hiddenBlocs.has(n.bloc ?? '');
  };
  const dim = (id: string) => near !== null && id !== selected && !near.has(id);
  const maxWeight = Math.max(1, ...network.edges.map((e) => e.weight));
  const onKey = (id: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(id === selected ? null : id);
    }
  };

  return (
    <div className="network-graph">
      <div className="graph-tools" role="group" aria-label="Zoom">
        <button type="button" className="button button-quiet" onClick={pz.zoomIn} aria-label="Zoom in">+</button>
        <button type="button" className="button button-quiet" onClick={pz.zoomOut} aria-label="Zoom out">−</button>
        <button type="button" className="button button-quiet" onClick={pz.reset}>Reset view</button>
      </div>
      <svg ref={pz.ref} viewBox={pz.viewBox} className="network-svg" role="group" aria-label="Network of the EU, its strategic partners and the fora" {...pz.handlers}>
        <rect x={-SIZE} y={-SIZE} width={SIZE * 3} height={SIZE * 3} className="graph-bg" onClick={() => !pz.dragged() && onSelect(null)} />
        <g aria-hidden="true">
          {network.edges.map((e, i) => {
            const a = placed.get(e.source);
            const b = placed.get(e.target);
            if (!a || !b || !visible(e.source) || !visible(e.target)) return null;
            const on = selected !== null && (e.source === selected || e.target === selected);
            return (
              <line
                key={i}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                className={on ? 'edge edge-on' : near ? 'edge edge-dim' : 'edge'}
                strokeWidth={0.8 + (e.weight / maxWeight) * 3.5}
              />
            );
          })}
        </g>
        {network.nodes.map((n) => {
          const p = placed.get(n.id);
          if (!p || hiddenBlocs.has(n.bloc ?? '')) return null;
          const label = `${n.label}, ${humanise(n.kind)}${n.bloc ? `, bloc ${n.bloc}` : ''}`;
          return (
            <g
              key={n.id}
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={n.id === selected}
              data-node={n.id}
              className={`node${n.id === selected ? ' node-selected' : ''}${dim(n.id) ? ' node-dim' : ''}`}
              transform={`translate(${p.x} ${p.y})`}
              onClick={() => onSelect(n.id === selected ? null : n.id)}
              onKeyDown={onKey(n.id)}
            >
              <circle r={p.r} style={{ fill: colourOf(n) }} />
              <text y={p.r + 12} textAnchor="middle" className="node-label">
                {wrap(n.label).map((line, i, all) => (
                  <tspan key={i} x={0} dy={i === 0 ? 0 : 12}>
                    {i < all.length - 1 ? `${line} ` : line}
                  </tspan>
                ))}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
