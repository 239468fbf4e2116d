// Screening one name kept in the derived views' cache: the answer depends on the name and the date asked (the text
// as sent, with today's date by the workbench's clock, so that a refusal is the service's own) and the sanctions register, whose version (its imports, counted, and
// the last one's id) is in the key; that version only grows, so a view computed while an import landed is kept under
// a key no later read asks for.
import type { ViewSpec } from './assessment-service';
import type { Workbench } from './workbench';

/** `GET /api/sanctions/screen`'s view; `arrived` is the request's arrival stamp (version-reads.ts). */
export async function screenView(wb: Workbench, q: string | undefined, asOf: string | undefined, arrived?: number): Promise<ViewSpec<unknown>> {
  await wb.sanctions.ready();
  const register = await wb.versions.sanctions(arrived);
  return { parts: ['screen', JSON.stringify([register, q ?? null, asOf ?? null, wb.today()])], compute: () => wb.sanctions.screen(q, asOf) };
}
