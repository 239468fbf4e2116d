// Serves the built web app's files as the folder holds them now, not as it held them at start: a rebuild
// (npm run build:web) renames the hashed assets, and a running server must serve the new index.html and its assets
// without a restart. Files present at start get routes of their own; a later asset is looked up on a miss.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Hashed assets never change under their name; the shell names the current ones, so it is revalidated each time. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const SHELL_CACHE_CONTROL = 'no-cache';

// One plain file name directly under /assets/, spelled as built (letters, digits, dot, dash, underscore, not
// starting with a dot): no slash, no percent-escape and no dot segment can reach outside the folder.
const LATE_ASSET = /^\/assets\/([A-Za-z0-9_-][A-Za-z0-9._-]{0,199})$/;

export interface WebFiles {
  /** Whether the web app is built now (its index.html exists). */
  built(): boolean;
  /** The path under the web folder of an asset added after start that the URL names, if it is a file there now. */
  lateAsset(url: string): string | undefined;
}

export async function registerWebFiles(app: FastifyInstance, webRoot: string): Promise<WebFiles> {
  const root = path.resolve(webRoot);
  const assets = path.join(root, 'assets');
  const builtAtStart = fs.existsSync(path.join(root, 'index.html'));
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    // Without a build at start, only reply.sendFile is offered; the shell and assets are then found on a miss.
    serve: builtAtStart,
    suppressWarning: true,
    setHeaders: (reply: FastifyReply, file: string) => {
      const full = path.resolve(file);
      if (path.dirname(full) === assets) reply.header('Cache-Control', ASSET_CACHE_CONTROL);
      else if (full === path.join(root, 'index.html')) reply.header('Cache-Control', SHELL_CACHE_CONTROL);
    },
  });
  return {
    built: () => fs.existsSync(path.join(root, 'index.html')),
    lateAsset(url) {
      const name = LATE_ASSET.exec(url.split('?')[0] ?? '')?.[1];
      if (!name || name.includes('..')) return undefined;
      // One stat of one name per miss, never a walk of the folder; a symbolic link out of the folder is refused.
      try {
        const real = fs.realpathSync(path.join(assets, name));
        if (path.dirname(real) !== fs.realpathSync(assets) || !fs.statSync(real).isFile()) return undefined;
      } catch {
        return undefined;
      }
      return `assets/${name}`;
    },
  };
}
