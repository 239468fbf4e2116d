// Benchmark of the assessment engine alone: every partner of the reviewed data at three dates (today's data end, 2021,
// the 2016 paper), assessed many times over, in CPU time. Partners the under-delivering rule labels are where the
// record-stops check runs (src/core/assess/record-stops.ts).
// Run: TZ=UTC npx tsx bench/assess-dates.ts [rounds]   Prints its numbers; not part of the test command.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { assessFacts } from '../src/core/assess/engine';
import { factsAt } from '../src/core/assess/facts-at';
import { parseWeights } from '../src/core/assess/weights';
import type { IsoDate } from '../src/core/dates';
import { buildDataset } from '../src/core/kb/dataset';
import { listPartners } from '../src/core/kb/partners';
import { readRawDataset } from '../src/store/dataset-files';

const dataDir = path.resolve('data');
const rounds = Number(process.argv[2] ?? 60);
const dataset = buildDataset(readRawDataset(dataDir));
const weights = parseWeights(YAML.parse(fs.readFileSync(path.join(dataDir, 'assessment', 'weights.yaml'), 'utf8')), 'weights.yaml');
const dates = ['2026-12-06', '2021-06-30', '2016-09-05'] as IsoDate[];
const facts = dates.flatMap((d) => listPartners(dataset, d).map((p) => factsAt(dataset, p.id, d)));

const cpu = () => {
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) for (const f of facts) assessFacts(f, weights);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
cpu(); // warm-up
const runs = [cpu(), cpu(), cpu()];
const flagged = facts.filter((f) => assessFacts(f, weights).recordStops !== null).length;
console.log(`${facts.length * rounds} assessments (${facts.length} partner-dates, ${flagged} with recordStops): ${runs.map((r) => r.toFixed(0)).join(' / ')} ms CPU`);
