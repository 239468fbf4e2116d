// Degree and betweenness centrality of every node, and its strength (renard2016 s.5: the EU as a hub among others).
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import type { NetworkGraph } from './graph';

/** Writes `degree` and `betweenness` (both normalised, 0–1) and `strength` onto every node. */
export function assignCentrality(graph: NetworkGraph): void {
  const degree = degreeCentrality(graph);
  // Betweenness on hops, not weights: weights measure how thick a tie is, not how far apart its ends are.
  const betweenness = betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
  graph.forEachNode((key) => {
    let strength = 0;
    graph.forEachEdge(key, (_e, attrs) => {
      strength += attrs.weight;
    });
    graph.mergeNodeAttributes(key, { degree: degree[key] ?? 0, betweenness: betweenness[key] ?? 0, strength });
  });
}
