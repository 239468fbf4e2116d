// What a screening that reports nothing says. It is not a clean result for a name given only in part: a score is the
// share of both names that agrees, so one word against a listed name of two words or more (a surname alone against
// "Alexey Valeryevich MININ") scores 0.50 at most, under the reporting threshold (docs/adr/0004-sanctions-screening.md).
import { SCREENING_THRESHOLDS } from './screening-thresholds';

/** Han, kana and Hangul: a name written without spaces between its words. */
const UNSPACED_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

export function noMatchText(query: string): string {
  const said = `No listed person or entity matches: no name they are known by scores ${SCREENING_THRESHOLDS.report.toFixed(2)} or more.`;
  const words = query.trim().split(/[\s,;.]+/u).filter(Boolean);
  if (words.length !== 1 || UNSPACED_SCRIPT.test(query)) return said;
  return `${said} A single word scores 0.50 at most against a listed name of two words or more, so a surname alone finds no listed person: screen the full name.`;
}
