// Shared by the browser tests: an up-to-date build of the web app, Debian's chromium through playwright-core,
// pages that collect their console errors, and the axe-core accessibility check.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { projectRoot, type Config } from '../../src/config';
import { startHarness, type Harness } from '../integration/harness';
import { PASSWORD } from '../integration/team';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE = path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js');
const DIST = path.join(projectRoot, 'web', 'dist', 'index.html');

/** Builds the web app when it is missing or older than its sources, so the tests never run a stale build. */
export function ensureBuilt(): void {
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = path.join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  // The build reads web/src, its page, its configuration (which also projects the map) and the API contract's schemas.
  const sources = Math.max(
    newest(path.join(projectRoot, 'web', 'src')),
    newest(path.join(projectRoot, 'src', 'contract')),
    ...['index.html', 'vite.config.ts'].map((f) => fs.statSync(path.join(projectRoot, 'web', f)).mtimeMs),
  );
  if (fs.existsSync(DIST) && fs.statSync(DIST).mtimeMs >= sources) return;
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  execSync('npm run build:web', { cwd: projectRoot, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
}

/**
 * A test file's server (a fresh database, with `prepare` run before it listens) and browser, with their hooks
 * registered: read `suite.h` and `suite.base` inside tests; `suite.session` opens pages and closes each after its test.
 */
export function browserSuite(overrides: Partial<Config> = {}, prepare: (h: Harness) => Promise<void> = async () => {}) {
  let h: Harness | undefined;
  let browser: Browser | undefined;
  let base = '';
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser suite's ${what} is not started yet`);
    return value;
  };
  const session = new PageSession(() => ready(browser, 'browser'), () => base);
  beforeAll(async () => {
    ensureBuilt();
    h = await startHarness(overrides);
    await prepare(h);
    base = (await h.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });
  afterEach(async () => session.close());
  return {
    session,
    get h(): Harness {
      return ready(h, 'server');
    },
    get base(): string {
      return base;
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** One page at a time in a fresh browser context, with the console errors it logs. */
export class PageSession {
  page: Page | undefined;
  consoleErrors: string[] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly base: () => string,
  ) {}

  async open(url: string, width = 1280): Promise<Page> {
    // bypassCSP lets the test inject axe-core; the app itself runs under the server's Content Security Policy.
    const context = await this.browser().newContext({ viewport: { width, height: 860 }, bypassCSP: true });
    const page = await context.newPage();
    this.page = page;
    this.consoleErrors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') this.consoleErrors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => this.consoleErrors.push(`page error: ${e.message}`));
    await page.goto(this.base() + url);
    return page;
  }

  async close(): Promise<void> {
    await this.page?.context().close();
  }

  /** Fails on console errors, except those a test expects (such as the 400 of a deliberately invalid form). */
  expectNoConsoleErrors(allowed: RegExp[] = []): void {
    const unexpected = this.consoleErrors.filter((e) => !allowed.some((re) => re.test(e)));
    expect(unexpected, unexpected.join('\n')).toEqual([]);
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and fails on serious or critical violations. */
export async function expectAccessible(p: Page): Promise<void> {
  await p.addScriptTag({ path: AXE });
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
}

/** Signs in through the sign-in form on the current page and waits until the header names the user. */
export async function signInHere(p: Page, username: string, password = PASSWORD): Promise<void> {
  await p.getByLabel('Username').fill(username);
  await p.getByLabel('Password', { exact: true }).fill(password);
  const [answer] = await Promise.all([p.waitForResponse((r) => r.url().endsWith('/api/auth/login')), p.getByRole('button', { name: /^Sign in/ }).click()]);
  expect(answer.status()).toBe(200);
  await expect.poll(() => p.getByTestId('signed-in-user').textContent(), { timeout: 15000 }).toBe(username);
}
