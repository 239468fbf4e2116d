// Partners named in text by their names, never by the codes the data keys them with ("with Russia", not "with RU").
// The names come from the API's partner list; a code the list does not hold (a third country of a shared dialogue)
// is named from the project's country table, and only a code neither knows is shown as it is.
import { countryNameOf } from '../../../src/core/exchange/country-names';

export interface NamedPartner {
  id: string;
  name: string;
}

/** The name of one partner: from the partner list, else the country table, else the code itself. */
export function partnerName(id: string, partners: readonly NamedPartner[] | undefined): string {
  return partners?.find((p) => p.id === id)?.name ?? countryNameOf(id.toUpperCase());
}

/** Names in running text: "Russia", "Russia and China", "the United States, Russia and China". */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/**
 * The partners of a dialogue shared by several, as a tag: on a partner's page (`current`) the others, "also with
 * Russia"; elsewhere all of them, "with the United States and Russia". Undefined for a dialogue with one partner.
 */
export function sharedWithText(ids: readonly string[], current: string | undefined, partners: readonly NamedPartner[] | undefined): string | undefined {
  if (ids.length < 2) return undefined;
  const others = current === undefined ? ids : ids.filter((id) => id.toUpperCase() !== current.toUpperCase());
  if (others.length === 0) return undefined;
  return `${current === undefined ? 'with' : 'also with'} ${namesText(others.map((id) => partnerName(id, partners)))}`;
}
