// Names as screening compares them: any script turned into Latin letters, legal forms and filler words dropped,
// and each word reduced to a form in which the usual transliterations of one Russian or Ukrainian name coincide
// (Aleksei, Alexey and Aleksey all become "aleksi"). See docs/adr/0004-sanctions-screening.md.
import { transliterate } from 'transliteration';

/**
 * Spelling variants that romanisation systems (BGN/PCGN, ICAO 9303, scholarly, passport practice) produce for the
 * same Cyrillic letters, each folded to one form. Applied in order to a lower-case Latin word.
 */
const FOLDS: readonly [RegExp, string, string][] = [
  [/^ye/, 'e', 'Е at the start: Yevgeny / Evgeny'],
  [/yo/g, 'e', 'Ё: Tsaryov / Tsarev, Fyodor / Fedor'],
  [/shch/g, 'sch', 'Щ: shch / sch'],
  [/x/g, 'ks', 'КС: Alexey / Aleksey'],
  [/kh/g, 'h', 'Х: Mikhail / Mihail, Chernykh / Chernyh'],
  [/ts/g, 'c', 'Ц: Tsarev / Carev'],
  [/tz/g, 'c', 'Ц: Morenetz'],
  [/ph/g, 'f', 'Ф in older spellings'],
  [/w/g, 'v', 'В in German-style spellings'],
  [/j/g, 'i', 'Й: Jurij / Yuriy'],
  [/y/g, 'i', 'Й, Ы, Я, Ю: Vitaliy / Vitaly, Mykola / Mikola, Yuliya / Iuliia'],
  [/(.)\1+/g, '$1', 'doubled letters: Evgenii / Evgeni'],
  [/ie$|ei$/, 'i', 'ending -ий / -ей: Aleksei / Aleksej / Alexey'],
];

/** Words that say what kind of body an entity is, not which one (dropped before comparing). */
const LEGAL_FORMS = new Set([
  'llc', 'ltd', 'limited', 'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'jsc', 'ojsc', 'pjsc', 'cjsc', 'ooo', 'zao', 'oao', 'pao',
  'gmbh', 'ag', 'sa', 'plc', 'liability',
  // Общество с ограниченной ответственностью (limited liability company), as transliterated
  'obshchestvo', 'ogranichennoy', 'ogranichennoi', 'otvetstvennostyu', 'otvetstvennostiu',
]);
/** Words that carry no identity in a name. */
const FILLERS = new Set(['the', 'of', 'and', 'for', 'a', 'an', 's', 'v']);
/** Chinese legal forms, removed before transliteration: 股份有限公司 (company limited by shares), 有限公司 (limited company). */
const HAN_LEGAL_FORMS = /(股份有限公司|有限责任公司|有限公司|公司)$/u;
const HAN = /\p{Script=Han}/u;

export interface NameToken {
  /** The folded word. */
  key: string;
  /** A patronymic (-vich, -vna, ...): missing from many records, so a query need not give it. */
  optional: boolean;
}

const PATRONYMIC = /(vich|vna|ovna|evna|ichna)$/;

/** A word's folded form. */
export function fold(word: string): string {
  let w = word;
  for (const [re, to] of FOLDS) w = w.replace(re, to);
  return w;
}

/** The Latin letters of a name, whatever its script: Chinese names keep the surname apart and join the given name. */
export function latin(name: string): string {
  return name.replace(/[\p{Script=Han}]+/gu, (run) => {
    const han = run.replace(HAN_LEGAL_FORMS, '');
    const syllables = [...han].map((c) => transliterate(c));
    // A Chinese personal name is a one-character surname and a given name written as one word (Wu Haibo).
    return han.length >= 2 && han.length <= 4 ? ` ${syllables[0]} ${syllables.slice(1).join('')} ` : ` ${syllables.join('')} `;
  });
}

/** The compared words of a name; `entity` drops legal forms. */
export function nameTokens(name: string, kind: 'person' | 'entity' | 'any' = 'any'): NameToken[] {
  const ascii = transliterate(latin(name).normalize('NFKC'))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  return words
    .filter((w) => !FILLERS.has(w) && (kind === 'person' || !LEGAL_FORMS.has(w) || words.length === 1))
    .map((w) => {
      const key = fold(w);
      return { key, optional: kind !== 'entity' && words.length > 2 && PATRONYMIC.test(key) };
    });
}

export const hasHan = (s: string): boolean => HAN.test(s);
