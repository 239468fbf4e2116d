// Builds the HTTP server: JSON API under /api, the web app at /, one error handler.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { projectRoot } from '../config';
import type { Workbench } from '../app/workbench';
import { errorBody, onError } from './errors';
import { knowledgeBaseRoutes } from './routes/knowledge-base';
import { routeModules } from './routes/index';

export async function buildServer(wb: Workbench, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: wb.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
  });
  app.setErrorHandler(onError);
  app.addHook('onSend', async (_req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
  });

  app.get('/api/health', async () => ({ status: 'ok', dataset: (await wb.kb.version())?.slice(0, 12) ?? null }));
  knowledgeBaseRoutes(app, wb);
  for (const register of routeModules) register(app, wb);

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
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
