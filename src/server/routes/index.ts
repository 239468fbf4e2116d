// The route modules beyond the knowledge base; each registers its own routes under /api.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';

export type RouteModule = (app: FastifyInstance, wb: Workbench) => void;

export const routeModules: RouteModule[] = [];
