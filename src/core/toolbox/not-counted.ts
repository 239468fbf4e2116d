// Why a plan made on an earlier date leaves items out: recorded after that date, or undated and not known by then
// (an undated attribution is described by attributionKnownFrom's words, ', undated: it cannot have been made before').
export const UNDATED_MARK = ', undated: ';

export function notCountedWhy(items: readonly string[]): string {
  return items.some((x) => x.includes(UNDATED_MARK)) ? 'recorded after its date or, undated, not known by then' : 'recorded after its date';
}
