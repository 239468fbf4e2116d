// Benchmark (not a test): how long the overview page takes to become usable in a real browser, and how much
// JavaScript the first page loads. Run with `npx tsx bench/web-overview.ts [runs=5] [--build]` (builds web/dist if
// missing, or first with --build so that the current web sources are measured; --verbose prints each load's
// waterfall from the browser's performance entries; --against DIR loads another build of the web app in turn with
// this one). Issue goals: the overview usable
// (map and figures drawn) in < 1 s as the median of 5 loads; first-load JavaScript < 120 KB gzip.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { openWorkbench } from '../src/app/workbench';
import { projectRoot, readConfig } from '../src/config';
import { buildServer } from '../src/server/app';

const RUNS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 5);
const VERBOSE = process.argv.includes('--verbose');
// Headless Chromium opens each new page in a window of the full browser, whose address bar loads its own pages
// (about 150 requests of chrome:// scripts) while the overview loads: not part of the page, and not what a person
// opening the workbench in a running browser pays, so the benchmark turns that address-bar popup off.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
];

interface Entry {
  name: string;
  start: number;
  end: number;
  bytes: number;
}

interface Run {
  usableMs: number;
  /** When the last of the page's API answers had come, from the navigation's start (browser clock). */
  dataMs: number;
  /** The usable moment on the same clock. */
  usableInPageMs: number;
  waterfall: Entry[];
  firstContentfulPaintMs: number;
  domContentLoadedMs: number;
  scripts: { url: string; bytes: number; gzip: number }[];
  otherBytes: { css: number; data: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** One load of the overview in a fresh browser context (no HTTP cache, as for a first visit). */
async function load(browser: Browser, base: string, label: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const scripts: Run['scripts'] = [];
  const other = { css: 0, data: 0 };
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    pending.push(
      res
        .body()
        .then((body) => {
          if (type === 'script') scripts.push({ url: new URL(res.url()).pathname, bytes: body.length, gzip: gzipSync(body).length });
          else if (type === 'stylesheet') other.css += body.length;
          else if (type === 'fetch' && res.url().endsWith('.json')) other.data += body.length;
        })
        .catch(() => undefined),
    );
  });
  const start = performance.now();
  await page.goto(base + '/', { waitUntil: 'commit' });
  // Usable: the partners on the map (at least the ten), every headline figure filled in, the timeline drawn.
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.world-map svg a').length >= 10 &&
      [...document.querySelectorAll('.figure-value')].every((e) => e.textContent !== '…') &&
      document.querySelector('.heat-grid') !== null,
    undefined,
    { timeout: 30000, polling: 'raf' },
  );
  const usableMs = performance.now() - start;
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const usable = performance.now();
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
      name: new URL(r.name).pathname + new URL(r.name).search,
      start: r.startTime,
      end: r.responseEnd,
      bytes: r.transferSize,
    }));
    const doc = nav ? [{ name: '(document)', start: nav.startTime, end: nav.responseEnd, bytes: nav.transferSize }] : [];
    const marks = [
      { name: '(DOMContentLoaded)', start: nav?.domContentLoadedEventEnd ?? 0, end: nav?.domContentLoadedEventEnd ?? 0, bytes: 0 },
      { name: '(first contentful paint)', start: fcp?.startTime ?? 0, end: fcp?.startTime ?? 0, bytes: 0 },
      { name: '(usable)', start: usable, end: usable, bytes: 0 },
    ];
    const data = Math.max(0, ...resources.filter((r) => r.name.startsWith('/api/')).map((r) => r.end));
    return { dcl: nav?.domContentLoadedEventEnd ?? 0, fcp: fcp?.startTime ?? 0, data, usable, waterfall: [...doc, ...resources, ...marks].sort((a, b) => a.start - b.start) };
  });
  await Promise.all(pending);
  await context.close();
  if (VERBOSE) {
    console.log(`${label}: usable after ${usableMs.toFixed(0)} ms (from the bench's navigation call; the entries below count from the navigation's start)`);
    for (const e of timing.waterfall) console.log(`  ${e.start.toFixed(0).padStart(6)} → ${e.end.toFixed(0).padStart(6)} ms  ${(e.end - e.start).toFixed(0).padStart(5)} ms  ${e.bytes ? kb(e.bytes).padStart(10) : ''.padStart(10)}  ${e.name}`);
  }
  return { usableMs, dataMs: timing.data, usableInPageMs: timing.usable, waterfall: timing.waterfall, firstContentfulPaintMs: timing.fcp, domContentLoadedMs: timing.dcl, scripts, otherBytes: other };
}

function report(title: string, runs: Run[]) {
  const first = runs[0];
  if (!first) throw new Error('no run');
  const total = (r: Run, k: 'bytes' | 'gzip') => r.scripts.reduce((s, x) => s + x[k], 0);
  console.log(title);
  const usable = median(runs.map((r) => r.usableMs));
  const gzip = total(first, 'gzip');
  console.log(`  time to a usable overview (map, figures and timeline drawn): median of ${runs.length} ${usable.toFixed(0)} ms (goal < 1000 ms: ${usable < 1000 ? 'met' : 'NOT met'}), first load ${first.usableMs.toFixed(0)} ms, min ${Math.min(...runs.map((r) => r.usableMs)).toFixed(0)} ms, max ${Math.max(...runs.map((r) => r.usableMs)).toFixed(0)} ms`);
  console.log(`  first contentful paint: median ${median(runs.map((r) => r.firstContentfulPaintMs)).toFixed(0)} ms; DOMContentLoaded: median ${median(runs.map((r) => r.domContentLoadedMs)).toFixed(0)} ms`);
  console.log(`  the page's API answers all in: median ${median(runs.map((r) => r.dataMs)).toFixed(0)} ms; drawn after the last of them: median ${median(runs.map((r) => r.usableInPageMs - r.dataMs)).toFixed(0)} ms (browser clock)`);
  console.log(`  JavaScript loaded by the first page: ${first.scripts.length} files, ${kb(total(first, 'bytes'))} (${kb(gzip)} gzipped; goal < 120 KB: ${gzip < 120 * 1024 ? 'met' : 'NOT met'})`);
  for (const s of [...first.scripts].sort((a, b) => b.bytes - a.bytes)) console.log(`    ${s.url.padEnd(44)} ${kb(s.bytes).padStart(10)} ${kb(s.gzip).padStart(10)} gz`);
  console.log(`  other first-page assets: CSS ${kb(first.otherBytes.css)}, world map data ${kb(first.otherBytes.data)}`);
}

async function main() {
  if (process.argv.includes('--build') || !fs.existsSync(path.join(projectRoot, 'web', 'dist', 'index.html'))) execSync('npm run build:web', { cwd: projectRoot, stdio: 'inherit' });
  // --against DIR: another build of the web app (e.g. of an earlier commit), loaded in turn with this one by a second
  // server on the same database, so that both see the same load on a shared machine.
  const againstArg = process.argv.indexOf('--against');
  const against = againstArg > 0 ? process.argv[againstArg + 1] : undefined;
  const cpu0 = process.cpuUsage();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cyberdiplo-bench-'));
  const wb = await openWorkbench({ ...readConfig({}), dbPath: path.join(dir, 'bench.db'), port: 0 });
  const servers = [{ label: 'this build (web/dist)', app: await buildServer(wb), runs: [] as Run[] }];
  if (against) servers.push({ label: `the build in ${against}`, app: await buildServer(wb, { webRoot: path.resolve(against) }), runs: [] });
  const bases = await Promise.all(servers.map(async (s) => (await s.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1')));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  for (let i = 0; i < RUNS; i++) {
    for (const [k, s] of servers.entries()) s.runs.push(await load(browser, bases[k] ?? '', `load ${i + 1} of ${s.label}`));
  }
  await browser.close();
  for (const s of servers) await s.app.close();
  await wb.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const cpu = process.cpuUsage(cpu0);
  for (const s of servers) report(`web overview page, ${RUNS} loads of ${s.label} in headless Chromium (fresh browser context each, loopback server)`, s.runs);
  console.log(`CPU of the server and the bench (not the browser): ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms over ${RUNS * servers.length} loads; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
