// The incident registry a page at a time: which page an address asks for, and what the count line says.

/** The highest page an address may ask for: the API reads offsets up to 1,000,000. */
const MAX_OFFSET = 1_000_000;

/** The page (from 0) of ?page=; anything but a whole number from 0 reads as the first page. */
export function pageFromParam(raw: string | null, size: number): number {
  const n = Number(raw ?? '0');
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(Math.floor(n), Math.floor(MAX_OFFSET / size));
}

export interface PageSummary {
  text: string;
  /** The page is after the last one that holds incidents (a link kept after incidents were deleted, or typed). */
  pastTheEnd: boolean;
  /** The last page that holds incidents (from 0). */
  lastPage: number;
}

export function pageSummary(page: number, shown: number, total: number, size: number): PageSummary {
  const lastPage = Math.max(0, Math.ceil(total / size) - 1);
  if (total === 0) return { text: 'No incidents', pastTheEnd: false, lastPage };
  if (shown === 0 && page > lastPage) {
    const pages = lastPage + 1;
    return { text: `Page ${page + 1} is past the last: the ${total} incident${total === 1 ? '' : 's'} found fill ${pages} page${pages === 1 ? '' : 's'} of ${size}.`, pastTheEnd: true, lastPage };
  }
  const from = page * size + 1;
  return { text: `${from}–${from + shown - 1} of ${total} incidents`, pastTheEnd: false, lastPage };
}
