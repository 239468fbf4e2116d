// Calibration bench: the engine's ranking against the rankings the papers' wording gives (data/assessment/calibration.yaml),
// partner by partner and as Spearman's rank correlation, at the papers' dates.
// Run: npx tsx bench/calibration.ts [DATA_DIR]   Prints its numbers; not part of the test command.
//
// Spearman printed (December 2026), before the readings (every item counted in full, ended ones included) and after:
//   renard2014-cooperation  0.866 -> 0.936   (Russia 84 -> 26, Japan 64 -> 64)
//   renard2016-cooperation  0.906 -> 0.944
//   renard2014-maturity     0.703 -> 0.934
// Then with instances read at "some" held at their ceiling (ADR 0008): renard2014-cooperation 0.936 (unchanged),
// renard2016-cooperation 0.944 -> 0.963 (Russia 26 -> 17, under Canada's 21), renard2014-maturity 0.934 -> 0.931.
// Each ranking ends with the pairs the engine orders against the paper's tiers and whether calibration.yaml tolerates them.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { calibrate, parseCalibrationFile } from '../src/core/assess/calibration';
import { assessAll } from '../src/core/assess/engine';
import { parseWeights } from '../src/core/assess/weights';
import type { IsoDate } from '../src/core/dates';
import { buildDataset } from '../src/core/kb/dataset';

const dataDir = path.resolve(process.argv[2] ?? 'data');
const read = (relative: string) => ({ name: relative, content: YAML.parse(fs.readFileSync(path.join(dataDir, relative), 'utf8')) as unknown });
const partnerFiles = fs
  .readdirSync(path.join(dataDir, 'partnerships'))
  .filter((n) => n.endsWith('.yaml') && n !== 'shared-dialogues.yaml')
  .sort();
const dataset = buildDataset({
  partnerships: partnerFiles.map((n) => read(`partnerships/${n}`)),
  sharedDialogues: read('partnerships/shared-dialogues.yaml'),
  actors: read('actors.yaml'),
  framework: read('eu-framework.yaml'),
});
const weights = parseWeights(read('assessment/weights.yaml').content, 'assessment/weights.yaml');
const calibration = parseCalibrationFile(read('assessment/calibration.yaml').content, 'assessment/calibration.yaml');

console.log(`weights: ${weights.title}`);
for (const ranking of calibration.rankings) {
  const result = calibrate(ranking, assessAll(dataset, ranking.asOf as IsoDate, weights));
  console.log(`\n${result.id} (${result.measure} as of ${result.asOf})  Spearman ${result.spearman.toFixed(3)}`);
  console.log('partner  tier  paper rank  engine rank  score  words');
  for (const r of [...result.rows].sort((a, b) => a.paperRank - b.paperRank || b.score - a.score)) {
    const flag = Math.abs(r.paperRank - r.engineRank) > 2 ? ' *' : '  ';
    console.log(`${r.partner.padEnd(7)}  ${String(r.tier).padStart(4)}  ${r.paperRank.toFixed(1).padStart(10)}  ${r.engineRank.toFixed(1).padStart(11)}${flag} ${String(Math.round(r.score)).padStart(5)}  "${r.words}"`);
  }
  console.log(result.departures.length ? 'pairs the engine orders against the tiers:' : 'no pair ordered against the tiers');
  for (const d of result.departures) {
    const why = d.tolerated ? `tolerated (${d.tolerated.locator})` : 'NOT TOLERATED';
    console.log(`  ${d.higher.partner} (tier ${d.higher.tier}) ${d.kind === 'tie' ? '=' : '<'} ${d.lower.partner} (tier ${d.lower.tier}): ${d.higher.score} vs ${d.lower.score}, ${why}`);
  }
}
