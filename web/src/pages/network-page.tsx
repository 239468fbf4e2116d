// Network: the EU as hub, its partners and the fora, blocs coloured; open a node for its details; export the graph.
import { useMemo } from 'react';
import { api } from '../api';
import { AsOfControl } from '../components/as-of-control';
import { AsyncView } from '../components/async-view';
import { ExportBar, PrintFooter } from '../components/export-bar';
import { NetworkGraph } from '../components/network-graph';
import { NetworkSidebar } from '../components/network-sidebar';
import { AsOfProblem } from '../components/as-of-problem';
import { exportFileName } from '../lib/csv-export';
import { networkTable } from '../lib/export-tables';
import { todayIso } from '../lib/format';
import { readNetwork, type NetNode } from '../lib/network';
import { useApi } from '../lib/use-api';
import { asOfParam, useUrlQuery } from '../lib/use-url-query';
import { useTitle } from '../lib/use-title';
import { BLOC_COLOURS } from '../lib/vocabulary';

const EU_COLOUR = '#0f2a55';
const INSTRUMENT_COLOUR = '#8c959f';

export function NetworkPage() {
  useTitle('Network');
  const [query, update] = useUrlQuery();
  const [asOf, setAsOf, asOfProblem] = asOfParam(query, update);
  const selected = query.get('node');
  const hideParam = query.get('hide') ?? '';
  const hidden = useMemo(() => new Set(hideParam.split(',').filter(Boolean)), [hideParam]);
  const raw = useApi((s) => api.network(asOf, s), `network@${asOf ?? ''}`);
  const network = useMemo(() => (raw.data === undefined ? undefined : readNetwork(raw.data)), [raw.data]);
  const blocs = useMemo(() => [...new Set((network?.nodes ?? []).map((n) => n.bloc ?? ''))].filter(Boolean).sort(), [network]);
  const blocColour = (bloc: string) => BLOC_COLOURS[blocs.indexOf(bloc) % BLOC_COLOURS.length] ?? '#57606a';
  const colourOf = (n: NetNode) => (n.kind === 'eu' ? EU_COLOUR : n.bloc ? blocColour(n.bloc) : INSTRUMENT_COLOUR);

  const setParam = (key: string, value: string | null) =>
    update((q) => {
      if (value) q.set(key, value);
      else q.delete(key);
    });
  // The knowledge base is public: the graph files carry TLP:CLEAR and their date in the name, like the CSV.
  const fileName = (extension: string) => exportFileName({ view: 'network', asOf, tlp: 'clear' }, todayIso(), extension);
  const toggleBloc = (bloc: string) => {
    const next = new Set(hidden);
    if (next.has(bloc)) next.delete(bloc);
    else next.add(bloc);
    setParam('hide', [...next].join(','));
  };

  return (
    <div className="page page-network">
      <header className="page-header">
        <h1>The partnership network</h1>
        <p className="lede">The EU at the hub, its partners, and the fora and instruments that link them. Node size is centrality; colour is the bloc found from shared positions.</p>
        <div className="toolbar">
          <AsOfControl value={asOf} onChange={setAsOf} />
          <div className="exports" role="group" aria-label="Export the network">
            <span className="muted">Export:</span>
            <a className="button button-quiet" href={api.networkUrl('graphml', asOf)} download={fileName('graphml')}>GraphML</a>
            <a className="button button-quiet" href={api.networkUrl('gexf', asOf)} download={fileName('gexf')}>GEXF</a>
            <a className="button button-quiet" href={api.networkUrl('json', asOf)} download={fileName('json')}>JSON</a>
          </div>
        </div>
        <ExportBar what="The partnership network" tlp="clear" asOf={asOf} table={network ? () => networkTable(network, asOf, (b) => b) : undefined} />
      </header>
      <AsOfProblem problem={asOfProblem} onClear={() => setAsOf(undefined)} />
      <AsyncView resource={{ ...raw, data: network }} what="the network">
        {(net) => (
          <div className="network-layout">
            <NetworkGraph network={net} colourOf={colourOf} selected={selected} hiddenBlocs={hidden} onSelect={(id) => setParam('node', id)} />
            <NetworkSidebar
              network={net}
              blocs={blocs}
              hidden={hidden}
              blocColour={blocColour}
              selected={selected}
              onSelect={(id) => setParam('node', id)}
              onToggleBloc={toggleBloc}
            />
          </div>
        )}
      </AsyncView>
      <PrintFooter tlp="clear" />
    </div>
  );
}
