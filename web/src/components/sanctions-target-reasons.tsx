// One target's reasons at a click: our summary, the published statement of reasons as a cited quotation, the
// incidents its reasons name, its other names and groups, every detail the annex prints (the measure, identity,
// places, identifiers), and the registry's incidents and actors that concern it.
import { Link } from 'react-router-dom';
import { detailLines } from '../../../src/core/sanctions/detail-labels';
import { formatDate } from '../lib/format';
import { DetailsList } from './details-list';
import type { ListedTarget } from '../sanctions-types';

const RELATION: Record<ListedTarget['groups'][number]['relation'], string> = { is: 'also known as', 'part-of': 'part of', linked: 'linked to' };

export function TargetReasons({ target: t }: { target: ListedTarget }) {
  return (
    <details className="sanctions-reasons">
      <summary>
        Annex {t.annexEntry}
        <span className="visually-hidden">: reasons for listing {t.name}</span>
      </summary>
      {t.summary && (
        <p>
          <strong>In short:</strong> {t.summary}
        </p>
      )}
      <blockquote cite={t.reasons.url}>
        <p>{t.reasons.text}</p>
        <cite>
          <a href={t.reasons.url} rel="noreferrer" target="_blank">
            {t.reasons.citation}
          </a>
        </cite>
      </blockquote>
      {t.incidents.length > 0 && <p>Incidents its reasons name: {t.incidents.join('; ')}.</p>}
      {t.groups.length > 0 && <p>{t.groups.map((g) => `${RELATION[g.relation]} ${[g.name, ...g.aliases].join(', ')}`).join('; ')}.</p>}
      {t.monikers.length > 0 && <p>Monikers: {t.monikers.join(', ')}.</p>}
      {t.aliases.length > 0 && <p>Also printed as: {t.aliases.join('; ')}.</p>}
      <DetailsList pairs={detailLines(t.details).map((d) => [d.label, d.values.join('; ')])} />
      {t.amendedOn.length > 0 && <p>Entry amended on {t.amendedOn.map(formatDate).join(', ')}.</p>}
      {t.links.incidents.length > 0 ? (
        <ul aria-label={`Incidents in the registry about ${t.name}`}>
          {t.links.incidents.map((l) => (
            <li key={l.id}>
              <Link to={`/incidents/${encodeURIComponent(l.id)}`}>{l.title}</Link> <span className="muted">({l.via})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No incident in the registry concerns it.</p>
      )}
      {t.links.actors.length > 0 && (
        <p>
          Actors in the registry: {t.links.actors.map((a) => `${a.name} (${a.via})`).join('; ')}.
        </p>
      )}
    </details>
  );
}
