// Builds the HTTP server: JSON API under /api, the web app at /, one error handler.
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { projectRoot } from '../config';
import type { Workbench } from '../app/workbench';
import { registerAuth } from './auth';
import { registerBodyGuards } from './body-guards';
import { errorBody, MAX_PARAM_LENGTH, onClientError, onError, onFrameworkError } from './errors';
import { registerFairTurns, type FairTurnOptions } from './fair-turns';
import { methodsFor } from './route-methods';
import { registerHostCheck } from './host-check';
import { registerHealth } from './health';
import { registerMetrics } from './metrics';
import { loggerOptions, registerRequestLog, type LogOptions } from './request-log';
import { registerSecurityHeaders } from './security-headers';
import { registerSourceGrades } from './source-grades';
import { readSourceGrader } from '../store/source-grades-file';
import { knowledgeBaseRoutes } from './routes/knowledge-base';
import { routeModules } from './routes/index';
import { isWebPage } from './web-pages';
import { registerWebFiles } from './web-files';
import { registerOpenApi } from './openapi';
import { useZodSchemas } from './zod-provider';

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

export interface ServerOptions {
  /** JSON logs (one line per request) at LOG_LEVEL, to standard output or the given stream. */
  logger?: boolean | Omit<LogOptions, 'level'>;
  fairTurns?: FairTurnOptions;
  /** Process metrics (CPU, memory, event loop) in /metrics besides the server's own. */
  processMetrics?: boolean;
  /** The built web app's folder; web/dist by default. */
  webRoot?: string;
}

export async function buildServer(wb: Workbench, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? loggerOptions({ level: wb.config.logLevel, ...(opts.logger === true ? {} : opts.logger) }) : false,
    bodyLimit: 1024 * 1024,
    // Ids and usernames are short: a longer path parameter is refused before any handler runs.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // A broken %-escape or an over-long path part answers in the product's error shape, as every other refusal.
    frameworkErrors: onFrameworkError,
    clientErrorHandler: onClientError,
    // Fastify's two lines per request are replaced by one of our own (request-log.ts).
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
  useZodSchemas(app);
  registerFairTurns(app, opts.fairTurns);
  registerHostCheck(app, wb.config);
  registerSecurityHeaders(app);
  registerAuth(app, wb);
  registerBodyGuards(app);
  registerRequestLog(app);
  registerSourceGrades(app, readSourceGrader(wb.config.dataDir));
  registerMetrics(app, wb, { processMetrics: opts.processMetrics });
  registerOpenApi(app);
  await registerHealth(app, wb);
  knowledgeBaseRoutes(app, wb);
  for (const register of routeModules) register(app, wb);

  app.setNotFoundHandler((req, reply) => {
    if (isApiPath(req.url) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      const path = req.url.split('?')[0] ?? '';
      const methods = methodsFor(path, routes);
      if (methods.length) {
        // RFC 9110 §15.5.6: a 405 carries an Allow header listing the methods the path takes.
        return reply
          .status(405)
          .header('Allow', methods.join(', '))
          .send(errorBody('method_not_allowed', `No route ${req.method} ${path}: it answers ${methods.join(', ')}`, [{ path: 'method', message: `one of ${methods.join(', ')}` }]));
      }
      return reply.status(404).send(errorBody('not_found', `No route ${req.method} ${path}`));
    }
    // The web app's pages answer with its shell so that shared links work; any other path is not found (a browser
    // gets the shell with 404, which shows the app's own not-found page).
    const page = isWebPage(req.url);
    const late = web.lateAsset(req.url);
    if (late) return reply.sendFile(late);
    if (!web.built()) return reply.status(404).send(errorBody('not_found', page ? 'The web app is not built; run npm run build:web' : `No page ${req.url.split('?')[0]}`));
    if (page) return reply.type('text/html').sendFile('index.html');
    if (String(req.headers.accept ?? '').includes('text/html')) return reply.status(404).type('text/html').sendFile('index.html');
    return reply.status(404).send(errorBody('not_found', `No page ${req.url.split('?')[0]}`));
  });

  // The web folder as it is now: a rebuild while the server runs is served without a restart (web-files.ts).
  const web = await registerWebFiles(app, opts.webRoot ?? path.join(projectRoot, 'web', 'dist'));
  return app;
}
