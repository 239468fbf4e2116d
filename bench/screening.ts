// Benchmark of sanctions name screening: precision and recall on the screening test set (src/core/sanctions/
// screening-set.ts) against the 38 listed targets, and throughput (names screened per second) against those 38 and
// against a synthetic list of 10,000 targets (the EU's consolidated list holds about 5,000 entries).
// Run: npx tsx bench/screening.ts   Prints its numbers; not part of the test command.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { IsoDate } from '../src/core/dates';
import { parseAnnex } from '../src/core/sanctions/annex';
import { CurationFile } from '../src/core/sanctions/curation';
import { registerFromAnnex } from '../src/core/sanctions/register';
import { screenName, screeningIndex, type ScreenedTarget } from '../src/core/sanctions/screen';
import { SCREENING_SET } from '../src/core/sanctions/screening-set';
import { screenedTarget, targetOf, type SanctionsData } from '../src/core/sanctions/targets';
import { SanctionsFile } from '../src/core/toolbox/sanctions';
import { seededRandom } from '../src/core/seeded-random';

const root = path.join(import.meta.dirname, '..');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const asOf = '2026-08-01' as IsoDate;
const data: SanctionsData = {
  file: SanctionsFile.parse(parse(read('data/toolbox/sanctions.yaml'))),
  register: registerFromAnnex(parseAnnex(read('data/sanctions/32019R0796.csv')), asOf),
  curation: CurationFile.parse(parse(read('data/sanctions/targets.yaml'))),
};
const listed: ScreenedTarget[] = data.register.entries.map((e) => screenedTarget(targetOf(e, data), true));

// Precision and recall: a positive is found when its best match is strong and is the expected target; any other
// strong match (on a negative, or the wrong target) is a false positive.
const index = screeningIndex(listed);
let tp = 0;
let fp = 0;
let fn = 0;
for (const c of SCREENING_SET) {
  const strong = screenName(index, c.query).filter((m) => m.strong);
  if (c.expect) {
    if (strong[0]?.targetId === c.expect) tp++;
    else fn++;
    fp += strong.filter((m) => m.targetId !== c.expect).length > 0 ? 1 : 0;
  } else if (strong.length) fp++;
}
const positives = SCREENING_SET.filter((c) => c.expect).length;
console.log(`test set: ${SCREENING_SET.length} names (${positives} positives, ${SCREENING_SET.length - positives} negatives)`);
console.log(`precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}  recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}  (tp ${tp}, fp ${fp}, fn ${fn})`);

// A deterministic synthetic list: persons from common given names and surnames of several languages, entities from
// words and legal forms. Mulberry32 keeps it the same from run to run.
const rand = seededRandom(42);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const GIVEN = ['Aleksandr', 'Sergei', 'Dmitri', 'Andrei', 'Alexei', 'Ivan', 'Mikhail', 'Nikolai', 'Olga', 'Elena', 'Irina', 'Wei', 'Jun', 'Li', 'Ming', 'Hui', 'Ahmad', 'Mohammad', 'Ali', 'Hassan', 'Reza', 'John', 'Michael', 'David', 'Maria', 'Anna', 'Kim', 'Park', 'Jong', 'Hyun'];
const FAMILY = ['Ivanov', 'Smirnov', 'Kuznetsov', 'Popov', 'Vasiliev', 'Petrov', 'Sokolov', 'Mikhailov', 'Novikov', 'Fedorov', 'Morozov', 'Volkov', 'Alekseev', 'Lebedev', 'Semenov', 'Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Hosseini', 'Mohammadi', 'Rezaei', 'Karimi', 'Kim', 'Lee', 'Choi'];
const PATRONYMIC = ['Ivanovich', 'Sergeevich', 'Petrovich', 'Nikolaevich', 'Aleksandrovna', 'Viktorovna', ''];
const WORDS = ['Global', 'Trade', 'Energy', 'Systems', 'Holding', 'Security', 'Technology', 'Digital', 'Star', 'North', 'Union', 'Invest', 'Logistics', 'Capital', 'Network', 'Cyber', 'Data', 'Marine', 'Atlas', 'Delta'];
const FORMS = ['LLC', 'Ltd', 'JSC', 'Co. Ltd', 'GmbH', 'OOO', 'Group', ''];
const synthetic: ScreenedTarget[] = [...listed];
for (let i = synthetic.length; i < 10_000; i++) {
  const person = rand() < 0.6;
  const name = person ? `${pick(GIVEN)} ${pick(PATRONYMIC)} ${pick(FAMILY)}`.replace(/\s+/g, ' ') : `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${pick(FORMS)}`.trim();
  const alias = person ? `${pick(FAMILY)} ${pick(GIVEN)}` : `${pick(WORDS)} ${pick(WORDS)}`;
  synthetic.push({ id: `synthetic-${i}`, name, kind: person ? 'person' : 'entity', listedSince: '2020-01-01' as IsoDate, inForce: true, names: [{ text: name, role: 'name' }, { text: alias, role: 'alias' }] });
}

// Queries: the test set, then random names drawn from the same pools (most of them unlisted near misses).
const queries = [...SCREENING_SET.map((c) => c.query)];
while (queries.length < 2_000) queries.push(rand() < 0.6 ? `${pick(GIVEN)} ${pick(FAMILY)}` : `${pick(WORDS)} ${pick(WORDS)} ${pick(FORMS)}`);

function throughput(label: string, targets: readonly ScreenedTarget[], names: readonly string[]) {
  const t0 = performance.now();
  const idx = screeningIndex(targets);
  const built = performance.now() - t0;
  let strong = 0;
  const t1 = performance.now();
  for (const q of names) strong += screenName(idx, q).some((m) => m.strong) ? 1 : 0;
  const ms = performance.now() - t1;
  console.log(`${label.padEnd(26)} index ${built.toFixed(0).padStart(5)} ms   ${names.length} names in ${ms.toFixed(0).padStart(6)} ms = ${((names.length / ms) * 1000).toFixed(0).padStart(6)} names/s   (${strong} strong: the synthetic names come from the queries' pools, so many are on the list)`);
}

throughput('against the 38 targets', listed, queries);
throughput('against 10,000 targets', synthetic, queries);
