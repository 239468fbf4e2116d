// The route modules beyond the knowledge base; each registers its own routes under /api.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { assessmentRoutes } from './assessment';
import { toolboxRoutes } from './toolbox';

export type RouteModule = (app: FastifyInstance, wb: Workbench) => void;

export const routeModules: RouteModule[] = [assessmentRoutes, toolboxRoutes];
