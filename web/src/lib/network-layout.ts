// Places the network: the EU at the centre, the partners on a ring grouped by bloc, the fora on an outer
// ring beside the partners they connect. Deterministic, so the same data always draws the same picture.
import type { Network, NetNode } from './network';

export interface Placed {
  x: number;
  y: number;
  r: number;
}

export const SIZE = 800;
const C = SIZE / 2;
const INNER = 210;
const OUTER = 345;
const PARTNERS = new Set(['BR', 'CA', 'CN', 'IN', 'JP', 'MX', 'RU', 'ZA', 'KR', 'US']);

const isHub = (n: NetNode) => n.kind === 'eu' || n.id.toLowerCase() === 'eu';
const isPartner = (n: NetNode) => n.kind === 'strategic-partner' || n.kind === 'partner' || PARTNERS.has(n.id);

function radius(n: NetNode, maxDegree: number): number {
  const d = n.degree ?? 0;
  const share = maxDegree > 0 ? d / maxDegree : 0;
  return 7 + Math.sqrt(share) * 15;
}

export function layoutNetwork(network: Network): Map<string, Placed> {
  const out = new Map<string, Placed>();
  const maxDegree = Math.max(0, ...network.nodes.map((n) => n.degree ?? 0));
  const hubs = network.nodes.filter(isHub);
  const partners = network.nodes.filter((n) => !isHub(n) && isPartner(n)).sort((a, b) => (a.bloc ?? '~').localeCompare(b.bloc ?? '~') || a.id.localeCompare(b.id));
  const others = network.nodes.filter((n) => !isHub(n) && !isPartner(n));

  hubs.forEach((n, i) => out.set(n.id, { x: C + i * 40, y: C, r: radius(n, maxDegree) + 4 }));
  const angle = new Map<string, number>();
  partners.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, partners.length) - Math.PI / 2;
    angle.set(n.id, a);
    out.set(n.id, { x: C + INNER * Math.cos(a), y: C + INNER * Math.sin(a), r: radius(n, maxDegree) });
  });

  // Each other node sits at the mean direction of the partners it is linked to, then the ring is spread out.
  const wanted = others.map((n) => {
    let sx = 0;
    let sy = 0;
    for (const e of network.edges) {
      const other = e.source === n.id ? e.target : e.target === n.id ? e.source : null;
      const a = other ? angle.get(other) : undefined;
      if (a !== undefined) {
        sx += Math.cos(a);
        sy += Math.sin(a);
      }
    }
    return { n, a: sx === 0 && sy === 0 ? Math.PI / 2 : Math.atan2(sy, sx) };
  });
  wanted.sort((p, q) => p.a - q.a);
  const gap = Math.min((2 * Math.PI) / Math.max(1, wanted.length), 0.35);
  for (let i = 1; i < wanted.length; i++) {
    const prev = wanted[i - 1];
    const cur = wanted[i];
    if (prev && cur && cur.a - prev.a < gap) cur.a = prev.a + gap;
  }
  wanted.forEach(({ n, a }, i) => {
    const ring = OUTER + (i % 2) * 28 - 14;
    out.set(n.id, { x: C + ring * Math.cos(a), y: C + ring * Math.sin(a), r: radius(n, maxDegree) });
  });
  return out;
}
