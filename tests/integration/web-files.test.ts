// A rebuild of the web app while the server runs: the new index.html and its newly named assets are served at
// once, with the same security and caching headers; unknown paths and escapes from the folder stay not found.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { ASSET_CACHE_CONTROL, SHELL_CACHE_CONTROL } from '../../src/server/web-files';
import { startHarness, tempDir, type Harness } from './harness';

const shell = (script: string) => `<!doctype html><title>cyberdiplo</title><div id="root"></div><script type="module" src="/assets/${script}"></script>`;

describe('a web app rebuilt while the server runs', () => {
  let h: Harness;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let web: string;
  beforeAll(async () => {
    h = await startHarness();
    const parent = tempDir('cyberdiplo-web-');
    web = path.join(parent, 'dist');
    fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(web, 'index.html'), shell('index-OLD11111.js'));
    fs.writeFileSync(path.join(web, 'assets', 'index-OLD11111.js'), 'console.log("old");');
    // A file beside the web folder, which no spelling of a URL may reach.
    fs.writeFileSync(path.join(parent, 'secret.js'), 'outside-the-web-folder');
    app = await buildServer(h.wb, { webRoot: web });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('serves the new shell and its new assets without a restart, with the caching and security headers', async () => {
    const old = await app.inject({ method: 'GET', url: '/assets/index-OLD11111.js' });
    expect(old.statusCode).toBe(200);
    expect(old.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
    expect((await app.inject({ method: 'GET', url: '/assets/index-NEW22222.js' })).statusCode).toBe(404);

    // The rebuild: new hashed names, a new shell naming them, the old asset gone.
    fs.writeFileSync(path.join(web, 'assets', 'index-NEW22222.js'), 'console.log("new");');
    fs.writeFileSync(path.join(web, 'assets', 'style-NEW33333.css'), 'body { margin: 0 }');
    fs.writeFileSync(path.join(web, 'index.html'), shell('index-NEW22222.js'));
    fs.rmSync(path.join(web, 'assets', 'index-OLD11111.js'));

    for (const url of ['/', '/partners/US', '/index.html']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('index-NEW22222.js');
      expect(page.headers['cache-control'], url).toBe(SHELL_CACHE_CONTROL);
      expect(page.headers['content-security-policy'], url).toContain("default-src 'self'");
    }
    for (const [url, type, body] of [
      ['/assets/index-NEW22222.js', /javascript/, 'console.log("new");'],
      ['/assets/style-NEW33333.css?v=1', /^text\/css/, 'body { margin: 0 }'],
    ] as const) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).toBe(body);
      expect(r.headers['content-type'], url).toMatch(type);
      expect(r.headers['cache-control'], url).toBe(ASSET_CACHE_CONTROL);
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['content-security-policy'], url).toContain("default-src 'self'");
    }
    expect((await app.inject({ method: 'HEAD', url: '/assets/index-NEW22222.js' })).statusCode).toBe(200);
    // The old name, removed by the rebuild, is no longer served.
    expect((await app.inject({ method: 'GET', url: '/assets/index-OLD11111.js' })).statusCode).toBe(404);
  });

  it('still answers 404 for unknown paths and refuses every way out of the web folder', async () => {
    for (const url of ['/assets/nothing-00000000.js', '/assets/', '/healthz', '/nothing.js']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json(), url).toEqual({ error: { code: 'not_found', message: `No page ${url}` } });
    }
    const secret = 'secret.js';
    fs.symlinkSync(path.join(path.dirname(web), secret), path.join(web, 'assets', 'linked-44444444.js'));
    for (const url of [
      `/assets/../../${secret}`,
      `/assets/%2e%2e/%2e%2e/${secret}`,
      `/assets/..%2f..%2f${secret}`,
      `/assets/%2E%2E%2F%2E%2E%2F${secret}`,
      `/assets/..\\..\\${secret}`,
      '/assets/.hidden',
      '/assets/linked-44444444.js',
      '/../../etc/passwd',
      '/assets/%00index-NEW22222.js',
    ]) {
      const r = await app.inject({ method: 'GET', url });
      expect([400, 403, 404], url).toContain(r.statusCode);
      expect(r.body, url).not.toContain('outside-the-web-folder');
    }
  });
});

describe('a web app built only after the server started', () => {
  let h: Harness;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let web: string;
  beforeAll(async () => {
    h = await startHarness();
    web = tempDir('cyberdiplo-web-');
    app = await buildServer(h.wb, { webRoot: web });
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it('says the app is not built, then serves it once it is', async () => {
    const before = await app.inject({ method: 'GET', url: '/partners' });
    expect(before.statusCode).toBe(404);
    expect(before.json().error.message).toBe('The web app is not built; run npm run build:web');
    fs.mkdirSync(path.join(web, 'assets'));
    fs.writeFileSync(path.join(web, 'assets', 'index-FIRST555.js'), 'console.log("first");');
    fs.writeFileSync(path.join(web, 'index.html'), shell('index-FIRST555.js'));
    const page = await app.inject({ method: 'GET', url: '/partners' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('index-FIRST555.js');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-FIRST555.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe(ASSET_CACHE_CONTROL);
    expect((await app.inject({ method: 'GET', url: '/wp-login.php' })).statusCode).toBe(404);
  });
});
