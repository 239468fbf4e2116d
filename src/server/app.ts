// Builds the HTTP server: JSON API under /api, the web app at /, one error handler.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '../config';
import type { Workbench } from '../app/workbench';
import { registerAuth } from './auth';
import { errorBody, onError } from './errors';
import { registerFairTurns, type FairTurnOptions } from './fair-turns';
import { registerSecurityHeaders } from './security-headers';
import { knowledgeBaseRoutes } from './routes/knowledge-base';
import { routeModules } from './routes/index';

const registered = new WeakMap<FastifyInstance, { method: string; url: string }[]>();

/** Every route the server registered (method and URL pattern), for tests that must cover them all. */
export function listRoutes(app: FastifyInstance): { method: string; url: string }[] {
  return registered.get(app) ?? [];
}

/** Whether a URL, however spelled (percent-encoding, case, repeated slashes), points under /api: such a path is never a page of the web app. */
export function isApiPath(url: string): boolean {
  const raw = url.split('?')[0] ?? '';
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // a malformed escape: judge the raw spelling
  }
  return /^\/+api(\/|$)/i.test(decoded.replace(/\\/g, '/'));
}

export async function buildServer(wb: Workbench, opts: { logger?: boolean; fairTurns?: FairTurnOptions } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: wb.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    // Ids and usernames are short: a longer path parameter is refused before any handler runs.
    routerOptions: { maxParamLength: 200 },
    // Per-request lines are noise for an analyst's terminal; errors are still logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    // req.ip is the connection's address unless it is a trusted proxy's; then it is the client X-Forwarded-For names.
    trustProxy: wb.config.trustedProxies.length ? wb.config.trustedProxies : false,
  });
  const routes: { method: string; url: string }[] = [];
  registered.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.setErrorHandler(onError);
  registerFairTurns(app, opts.fairTurns);
  registerSecurityHeaders(app);
  registerAuth(app, wb);

  app.get('/api/health', async () => ({ status: 'ok', dataset: (await wb.kb.version())?.slice(0, 12) ?? null }));
  knowledgeBaseRoutes(app, wb);
  for (const register of routeModules) register(app, wb);

  app.setNotFoundHandler((req, reply) => {
    if (isApiPath(req.url) || req.method !== 'GET') {
      return reply.status(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
    }
    // The single-page app answers every other GET with its shell so that shared links work.
    if (hasWeb) return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send(errorBody('not_found', 'The web app is not built; run npm start'));
  });

  const webDist = path.join(projectRoot, 'web', 'dist');
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false });
  return app;
}
