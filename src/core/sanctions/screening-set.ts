// A screening test set of our own: names a screening officer may meet, each with the listed target it designates
// (a positive) or none (a negative: common and near-miss names that are not listed). Used by the unit tests and
// bench/screening.ts. Target ids are those the importer derives from the annex.

export interface ScreeningCase {
  query: string;
  /** The target this name designates; null when it designates no listed target. */
  expect: string | null;
  why: string;
}

export const SCREENING_SET: readonly ScreeningCase[] = [
  // Transliterations of Russian and Ukrainian names
  { query: 'Aleksei Minin', expect: 'alexey-valeryevich-minin', why: 'Aleksei for Alexey, no patronymic' },
  { query: 'Aleksey Valerievich Minin', expect: 'alexey-valeryevich-minin', why: 'Aleksey, patronymic spelt -ievich' },
  { query: 'Alexei Morenets', expect: 'aleksei-sergeyvich-morenets', why: 'Alexei for Aleksei' },
  { query: 'Yevgeny Serebryakov', expect: 'evgenii-mikhaylovich-serebriakov', why: 'Yevgeny for Evgenii, -ya- for -ia-' },
  { query: 'Evgeniy Mihailovich Serebriakov', expect: 'evgenii-mikhaylovich-serebriakov', why: 'Mihailovich for Mikhaylovich' },
  { query: 'Vitaliy Shevchenko', expect: 'vitaly-shevchenko', why: 'Vitaliy for Vitaly' },
  { query: 'Vitalii Kovalev', expect: 'vitaly-nikolayevich-kovalev', why: 'Vitalii, no patronymic' },
  { query: 'Dmitriy Badin', expect: 'dmitry-sergeyevich-badin', why: 'Dmitriy for Dmitry' },
  { query: 'Yuri Denisov', expect: 'yuriy-fedorovich-denisov', why: 'Yuri for Yuriy' },
  { query: 'Nikolai Korchagin', expect: 'nikolay-alexandrovich-korchagin', why: 'Nikolai for Nikolay' },
  { query: 'Iuliia Pankratova', expect: 'yuliya-vladimirovna-pankratova', why: 'ICAO spelling of Yuliya' },
  { query: 'Mikola Chernih', expect: 'mykola-chernykh', why: 'Mikola, -ih for -ykh' },
  { query: 'Maxim Galochkin', expect: 'maksim-sergeevich-galochkin', why: 'Maxim for Maksim' },
  { query: 'Mikhail Tsaryov', expect: 'mikhail-mikhailovich-tsarev', why: 'Tsaryov for Tsarev' },
  { query: 'Andrei Korinets', expect: 'andrey-stanislavovich-korinets', why: 'Andrei for Andrey' },
  { query: 'Alexandr Volosovik', expect: 'alexander-alexandrovich-volosovik', why: 'Alexandr for Alexander' },
  // Reversed order and case
  { query: 'BADIN Dmitry', expect: 'dmitry-sergeyevich-badin', why: 'family name first' },
  { query: 'Qiang Gao', expect: 'gao-qiang', why: 'given name first' },
  { query: 'shilong zhang', expect: 'zhang-shilong', why: 'lower case, reversed' },
  { query: 'Puntus, Roman', expect: 'roman-alexandrovich-puntus', why: 'comma-reversed' },
  // Cyrillic and Chinese script
  { query: 'Дмитрий Бадин', expect: 'dmitry-sergeyevich-badin', why: 'Cyrillic, no patronymic' },
  { query: 'Олег Сотников', expect: 'oleg-mikhaylovich-sotnikov', why: 'Cyrillic' },
  { query: 'Роман Пунтус', expect: 'roman-alexandrovich-puntus', why: 'Cyrillic' },
  { query: 'Денис Дегтяренко', expect: 'denis-olegovich-degtyarenko', why: 'Cyrillic' },
  { query: '陈诚', expect: 'chen-cheng', why: 'Chinese script alias' },
  { query: '吴海波', expect: 'wu-haibo', why: 'Chinese script alias' },
  { query: '高强', expect: 'gao-qiang', why: 'Chinese script, romanised to the annex name' },
  { query: 'Wu Hai Bo', expect: 'wu-haibo', why: 'syllables split' },
  { query: '安洵信息技术有限公司', expect: 'anxun-information-technology-co-ltd', why: 'Chinese company name' },
  // Monikers
  { query: 'l3n6m0', expect: 'chen-cheng', why: 'online moniker' },
  { query: 'Lummaseller', expect: 'maksim-aleksandrovich-gordienko', why: 'online moniker' },
  { query: 'Daugn0', expect: 'maksim-evgenevich-voronin', why: 'online moniker' },
  { query: 'Misha Krutysha', expect: 'mikhail-mikhailovich-tsarev', why: 'moniker printed in the reasons' },
  // Entities, legal forms, group names
  { query: 'Chosun Expo', expect: 'chosun-expo', why: 'entity name' },
  { query: 'Korea Export Joint Venture', expect: 'chosun-expo', why: 'entity alias' },
  { query: 'Huaying Haitai', expect: 'tianjin-huaying-haitai-science-and-technology-development-co', why: 'short name in brackets' },
  { query: 'Media Land', expect: 'media-land-llc', why: 'without its legal form' },
  { query: 'Impuls OOO', expect: 'impuls-llc', why: 'Russian legal form' },
  { query: 'Общество с ограниченной ответственностью Импульс', expect: 'impuls-llc', why: 'Cyrillic with legal form' },
  { query: 'Integrity Technology Group Inc', expect: 'integrity-technology-group', why: 'another legal form' },
  { query: 'Beijing Integrity Technology Co., Ltd.', expect: 'integrity-technology-group', why: 'alias with abbreviated legal form' },
  { query: 'Emennet Pasargad Company', expect: 'emennet-pasargad', why: 'legal form added' },
  { query: 'Holy Souls', expect: 'emennet-pasargad', why: 'alias the entity acted under' },
  { query: 'Fancy Bear', expect: '85th-main-centre-for-special-services', why: 'group name from the reasons' },
  { query: 'APT28', expect: '85th-main-centre-for-special-services', why: 'group name from the reasons' },
  { query: 'i-Soon', expect: 'anxun-information-technology-co-ltd', why: 'also known as, from the reasons' },
  { query: 'Unit 74455', expect: 'main-centre-for-special-technologies', why: 'field post number in the reasons' },
  { query: 'Z-Alliance', expect: 'z-pentest', why: 'quoted alias' },
  // Negatives: common names, near misses, and a lone surname
  { query: 'John Smith', expect: null, why: 'common name' },
  { query: 'Maria Garcia', expect: null, why: 'common name' },
  { query: 'Zhang Wei', expect: null, why: 'the commonest Chinese name; shares a surname with a target' },
  { query: 'Wang Fang', expect: null, why: 'common Chinese name' },
  { query: 'Chen Chen', expect: null, why: 'one letter from a listed name' },
  { query: 'Li Qiang', expect: null, why: 'shares a given name with a target' },
  { query: 'Sergey Ivanov', expect: null, why: 'common Russian name' },
  { query: 'Ivan Petrov', expect: null, why: 'common Russian name' },
  { query: 'Alexey Ivanov', expect: null, why: 'shares a given name with a target' },
  { query: 'Dmitry Ivanov', expect: null, why: 'shares a given name with a target' },
  { query: 'Maksim Sergeevich Ivanov', expect: null, why: 'shares given name and patronymic with a target' },
  { query: 'Vitaly Kovalenko', expect: null, why: 'near miss on a surname' },
  { query: 'Olga Pankratova', expect: null, why: 'shares a surname only' },
  { query: 'Alexander Volosov', expect: null, why: 'near miss on a surname' },
  { query: 'Yuriy Denisenko', expect: null, why: 'near miss on a surname' },
  { query: 'Roman Abramovich', expect: null, why: 'shares a given name; a patronymic-like surname' },
  { query: 'Evgeny Kaspersky', expect: null, why: 'shares a given name' },
  { query: 'Media Markt', expect: null, why: 'shares a word with an entity' },
  { query: 'Integrity Consulting Ltd', expect: null, why: 'shares a word with an entity' },
  { query: 'Impulse Energy GmbH', expect: null, why: 'near miss on an entity name' },
  { query: 'Korea Trade Investment Promotion Agency', expect: null, why: 'shares a word with an alias' },
  { query: 'Ben Johnson', expect: null, why: 'a short moniker inside a common name' },
  { query: 'Stern', expect: null, why: 'a short moniker alone is not strong' },
  { query: 'Badin', expect: null, why: 'a surname alone is not strong' },
  { query: 'Gazprom', expect: null, why: 'not under this regime' },
];
