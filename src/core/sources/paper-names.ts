// The reviewed data cites the papers by key inside its prose too ("bendiek2018 says ..."); a reader sees the author
// and year there instead ("Bendiek (2018) says ..."). Machine-readable answers keep the keys.

/** Prose with each paper key (`isPaper` decides which words are keys) written as author and year. */
export function namePapers(text: string, isPaper: (key: string) => boolean): string {
  return text.replace(/\b([a-z]+)(\d{4})\b/g, (word, name: string, year: string) => (isPaper(word) ? `${name.charAt(0).toUpperCase()}${name.slice(1)} (${year})` : word));
}
