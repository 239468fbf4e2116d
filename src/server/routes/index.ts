// The route modules beyond the knowledge base; each registers its own routes under /api.
import type { FastifyInstance } from 'fastify';
import type { Workbench } from '../../app/workbench';
import { accountRoutes } from './accounts';
import { assessmentRoutes } from './assessment';
import { exchangeRoutes } from './exchange';
import { importUploadRoutes } from './imports';
import { auditRoutes } from './audit';
import { authRoutes } from './auth';
import { kbChangeRoutes } from './kb-changes';
import { sanctionsRoutes } from './sanctions';
import { toolboxRoutes } from './toolbox';

export type RouteModule = (app: FastifyInstance, wb: Workbench) => void;

export const routeModules: RouteModule[] = [authRoutes, accountRoutes, auditRoutes, assessmentRoutes, toolboxRoutes, sanctionsRoutes, exchangeRoutes, importUploadRoutes, kbChangeRoutes];
