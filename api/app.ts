/**
 * `createApp(deps)`: the Express application of the registry's HTTP API,
 * built from its dependencies and never listening itself, so that tests,
 * benchmarks and `creg serve` share one construction path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Registry } from '../contracts/registry/index.js';
import type { AuditTrail } from '../security/audit-trail.js';
import type { Authenticator } from '../security/authenticator.js';
import type { RegistryMetrics } from '../observability/metrics.js';
import { accessControl, schemaByIdAllowed } from './middleware/access-control.js';
import { acceptedContentType, jsonBody } from './middleware/content-type.js';
import { errorHandler, notFound } from './middleware/errors.js';
import { requestContext } from './middleware/request-context.js';
import { SCHEMA_BY_ID_ROUTE, serveCachedSchemaById } from './schema-by-id-fast-path.js';
import { METRICS_PATH } from './metrics-endpoint.js';
import { requestMetrics } from './middleware/request-metrics.js';
import { subjectAliases } from './middleware/subject-alias.js';
import { compatibilityRoutes } from './routes/compatibility.js';
import { configRoutes } from './routes/config.js';
import { healthRoutes } from './routes/health.js';
import { modeRoutes } from './routes/mode.js';
import { openApiRoutes } from './routes/openapi.js';
import { rootRoutes, type ServerInfo } from './routes/root.js';
import { schemasRoutes } from './routes/schemas.js';
import { subjectVersionsRoutes } from './routes/subject-versions.js';
import { subjectsRoutes } from './routes/subjects.js';
import { verificationsRoutes } from './routes/verifications.js';
import { deploymentsRoutes } from './routes/deployments.js';
import { auditRoutes } from './routes/audit.js';

export interface AppDeps {
  registry: Registry;
  logger: Logger;
  /** Largest accepted request body, in body-parser's notation; default 16mb. */
  bodyLimit?: string;
  info?: Partial<ServerInfo>;
  /** The authenticator in force, when an auth file is configured (it changes on reload); without it the registry is open. */
  authenticator?: () => Authenticator;
  /** Where audit records go; without it nothing is audited. */
  audit?: AuditTrail;
  /** Whether the node is draining before it stops (readiness then answers 503). */
  draining?: () => boolean;
  /** Where requests are counted and timed; without it nothing is. */
  metrics?: RegistryMetrics;
  /** What answers `GET /metrics` here; without it 404 (the metrics are on a port of their own, or off). */
  metricsEndpoint?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export function createApp(deps: AppDeps): Express {
  const bodyLimit = deps.bodyLimit ?? '16mb';
  const info: ServerInfo = { version: '0.0.0', commitId: 'unknown', clusterId: 'contract-registry', ...deps.info };
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');

  app.use(requestContext(deps.logger));
  if (deps.metrics) app.use(requestMetrics(deps.metrics));
  app.use(acceptedContentType());
  app.use(jsonBody(bodyLimit));
  app.use(subjectAliases(deps.registry));
  app.use(
    accessControl({ registry: deps.registry, logger: deps.logger, authenticator: deps.authenticator, audit: deps.audit, metrics: deps.metrics }),
  );

  app.use(rootRoutes(info));
  app.use(healthRoutes(deps.registry, deps.draining));
  app.use(schemasRoutes(deps.registry));
  app.use(subjectsRoutes(deps.registry));
  app.use(subjectVersionsRoutes(deps.registry));
  app.use(compatibilityRoutes(deps.registry));
  app.use(configRoutes(deps.registry));
  app.use(modeRoutes(deps.registry));
  app.use(verificationsRoutes(deps.registry));
  app.use(deploymentsRoutes(deps.registry));
  app.use(auditRoutes(deps.registry));
  app.use(openApiRoutes());
  app.get(METRICS_PATH, (req, res, next) => (deps.metricsEndpoint ? deps.metricsEndpoint(req, res).catch(next) : next()));

  app.use(notFound());
  app.use(errorHandler(deps.logger, bodyLimit));

  // The schema-by-id hot path is answered ahead of Express's own request
  // handling (see schema-by-id-fast-path.ts), unless requests are being logged
  // or reads audited; with auth on, only for callers already known to be allowed.
  if (!deps.logger.isLevelEnabled('debug') && !deps.audit?.reads) {
    const current = deps.authenticator;
    const gate = current && ((req: IncomingMessage, id: number) => schemaByIdAllowed(current(), req, id));
    const metrics = deps.metrics;
    // `app(req, res)` calls `app.handle`, which Express's types do not declare.
    const internals = app as unknown as { handle: (req: IncomingMessage, res: ServerResponse, next?: unknown) => void };
    const handle = internals.handle.bind(app);
    internals.handle = (req, res, next) => {
      const started = performance.now();
      if (!serveCachedSchemaById(deps.registry, req, res, gate)) return handle(req, res, next);
      metrics?.request('GET', SCHEMA_BY_ID_ROUTE, 200, (performance.now() - started) / 1000);
    };
  }
  return app;
}
