// The sanctions register's reads kept in the derived views' cache. Screening one name depends on the name and the
// date asked (the text as sent, with today's date by the workbench's clock, so that a refusal is the service's own)
// and the sanctions register, whose version (its imports, counted, and the last one's id) is in the key; that version
// only grows, so a view computed while an import landed is kept under a key no later read asks for.
// The regime on a date reads besides the register the incidents and the threat actors the reader may see, for its
// links: the incident version (moved by every write of incidents, exchange records, markings, grants and import links,
// migrations 0095 and 0102) and the reader's clearance are in its key, and today's date (its timeline runs to today).
import type { Principal } from '../core/auth/principal';
import type { ActorRecord } from '../core/exchange/records';
import { clearanceKey, clearanceOf } from '../core/marking/clearance';
import { ExchangeRepository } from '../store/exchange-repository';
import type { ViewSpec } from './assessment-service';
import type { Workbench } from './workbench';

/** `GET /api/sanctions/screen`'s view; `arrived` is the request's arrival stamp (version-reads.ts). */
export async function screenView(wb: Workbench, q: string | undefined, asOf: string | undefined, arrived?: number): Promise<ViewSpec<unknown>> {
  await wb.sanctions.ready();
  const register = await wb.versions.sanctions(arrived);
  return { parts: ['screen', JSON.stringify([register, q ?? null, asOf ?? null, wb.today()])], compute: () => wb.sanctions.screen(q, asOf) };
}

/** The regime on `asOf` with its links to the incidents and threat actors `p` may see: what `GET /api/sanctions` answers. */
export function regime(wb: Workbench, p: Principal, asOf: string | undefined) {
  const clearance = clearanceOf(p);
  return wb.sanctions.regime(asOf, {
    incidents: async () => {
      // The latest 1,000 incidents the reader may see.
      const { items } = await wb.toolbox.list(p, { limit: '1000' });
      return items.map((x) => ({
        id: x.id,
        title: x.incident.title,
        names: [...x.incident.initiator.identifiedPersons, ...x.incident.initiator.identifiedEntities],
        start: x.incident.start,
        end: x.incident.end,
      }));
    },
    actors: async () => (await new ExchangeRepository(wb.db, wb.config.auth.defaultTlp).records<ActorRecord>(clearance, 'actor')).map((a) => ({ id: a.id, name: a.value.name, aliases: a.value.aliases })),
  });
}

/** `GET /api/sanctions`'s view, for the versions read after the request arrived (`arrived`). */
export async function regimeView(wb: Workbench, p: Principal, asOf: string | undefined, arrived?: number): Promise<ViewSpec<unknown>> {
  await wb.sanctions.ready();
  const [register, incidents] = await Promise.all([wb.versions.sanctions(arrived), wb.versions.incident(arrived)]);
  const reader = clearanceKey(clearanceOf(p));
  return { parts: ['sanctions', JSON.stringify([register, incidents, reader, asOf ?? null, wb.today()])], compute: () => regime(wb, p, asOf) };
}
