// The details of a network node: what it is, its bloc, its centrality, and its connections.
import { Link } from 'react-router-dom';
import { humanise } from '../lib/format';
import type { NetNode, Network } from '../lib/network';
import { DetailsList } from './details-list';
import { SourcesButton } from './sources-button';

const PARTNER = /^[A-Z]{2}$/;

interface Props {
  node: NetNode;
  network: Network;
  onSelect: (id: string) => void;
}

export function NodeDetails({ node, network, onSelect }: Props) {
  const links = network.edges
    .filter((e) => e.source === node.id || e.target === node.id)
    .map((e) => ({ other: network.nodes.find((n) => n.id === (e.source === node.id ? e.target : e.source)), edge: e }))
    .sort((a, b) => b.edge.weight - a.edge.weight);
  return (
    <div className="node-details" aria-live="polite">
      <h3 id="node-details-heading">{node.label}</h3>
      <DetailsList
        pairs={[
          ['Kind', humanise(node.kind)],
          ['Bloc', node.bloc ? humanise(node.bloc) : '—'],
          ...(node.degree !== undefined ? [['Degree centrality', Number.isInteger(node.degree) ? String(node.degree) : node.degree.toFixed(2)] as [string, string]] : []),
          ...(node.betweenness !== undefined ? [['Betweenness centrality', node.betweenness.toFixed(3)] as [string, string]] : []),
          ...node.details.filter(([k]) => !['degree', 'betweenness'].includes(k)).map(([k, v]) => [humanise(k), v] as [string, string]),
        ]}
      />
      <SourcesButton sources={node.sources} label={node.label} />
      {node.kind === 'partner' && PARTNER.test(node.id) && (
        <p>
          <Link to={`/partners/${node.id}`}>Open the partnership page</Link>
        </p>
      )}
      <h4>Connections ({links.length})</h4>
      <ul className="connections">
        {links.map(({ other, edge }, i) =>
          other ? (
            <li key={`${other.id}-${i}`}>
              <button type="button" className="link-button" onClick={() => onSelect(other.id)}>
                {other.label}
              </button>
              <span className="muted">
                {edge.label ? ` ${edge.label}` : ''} · weight {edge.weight}
              </span>
              <SourcesButton sources={edge.sources} label={`the link with ${other.label}`} />
            </li>
          ) : null,
        )}
      </ul>
    </div>
  );
}
