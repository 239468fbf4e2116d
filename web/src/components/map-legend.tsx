// The key to the map's colours, and the partners with their values as a readable list.
import { Link } from 'react-router-dom';
import type { MapPartner } from './world-map';

export interface LegendEntry {
  colour: string;
  label: string;
}

export function MapLegend({ entries, partners, title }: { entries: LegendEntry[]; partners: MapPartner[]; title: string }) {
  return (
    <div className="map-legend">
      <h3>{title}</h3>
      <ul className="legend-swatches">
        {entries.map((e) => (
          <li key={e.label}>
            <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
            {e.label}
          </li>
        ))}
        <li>
          <span className="swatch swatch-eu" aria-hidden="true" />
          EU member states
        </li>
      </ul>
      <ul className="legend-partners">
        {partners.map((p) => (
          <li key={p.id}>
            <span className="swatch" style={{ background: p.fill }} aria-hidden="true" />
            <Link to={`/partners/${p.id}`}>{p.name}</Link>
            <span className="muted"> {p.valueLabel}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
