// npm run check:links [-- --concurrency 8 --timeout 15000 --json]: checks every web address in data/ (the YAML and
// Markdown files; the OASIS schemas' identifiers are names, not citations) and exits 1 when any is dead.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAll, linkReport, urlsInFiles } from './link-checker';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'data');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'stix-schemas' ? [] : files(join(dir, e.name));
    return /\.(ya?ml|md)$/.test(e.name) ? [join(dir, e.name)] : [];
  });
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`--${name} must be a positive whole number`);
    process.exit(2);
  }
  return value;
}

const concurrency = option('concurrency', 8);
const timeoutMs = option('timeout', 15000);
const cited = urlsInFiles(files(dataDir).map((f) => ({ name: relative(root, f), text: readFileSync(f, 'utf8') })));
const results = await checkAll([...cited.keys()].sort(), { concurrency, timeoutMs });
if (process.argv.includes('--json')) console.log(JSON.stringify(results.map((r) => ({ ...r, citedIn: cited.get(r.url) ?? [] })), null, 2));
else for (const line of linkReport(results, cited)) console.log(line);
process.exit(results.some((r) => r.status === 'dead') ? 1 : 0);
