// The first date the observatory reads its knowledge base at, in a module of its own so that the web app's date
// control and address check take it without the rest of core/dates.
/**
 * Its record of cyber-related dialogues begins in 2000 (the EU-US cooperation set up that year, Renard 2016); before
 * it the data holds only background memberships. Every as-of read (profile, assessment, network, matrix, timeline,
 * compare, gaps, exports) refuses an earlier date, naming the range, as the web app's date control and the CLI do.
 */
export const FIRST_AS_OF = '2000-01-01';
