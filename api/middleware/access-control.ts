/**
 * Authentication, authorization and the audit trail, wired in once in front
 * of every route: the request is matched against the route table
 * (`security/route-table.ts`), the caller authenticated, the requirement
 * decided, and the outcome recorded. Lists read `readableSubjects(res)` to
 * filter what they answer. Without an auth file every caller may do
 * everything, as before, and changes are still audited.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { AuditEvent, AuditOutcome } from '../../contracts/audit.js';
import { isDeploymentStore } from '../../contracts/deployments.js';
import { errors } from '../../contracts/errors.js';
import type { Registry } from '../../contracts/registry/index.js';
import { isVerificationStore } from '../../contracts/verifications.js';
import type { RegistryMetrics } from '../../observability/metrics.js';
import type { AuditTrail } from '../../security/audit-trail.js';
import { AuthenticationFailure } from '../../security/authentication-failure.js';
import type { Authenticator, Caller, Credentials } from '../../security/authenticator.js';
import { decide, type Decision } from '../../security/decide.js';
import { FailureThrottle } from '../../security/failure-throttle.js';
import { sha256Digest } from '../../security/passwords.js';
import { findRoute, isOpen, type ResourceLookups, type RouteRow, type StateKind } from '../../security/route-table.js';
import { registerRequest } from '../request-bodies.js';
import { sendJson } from '../respond.js';
import { contextOf } from './request-context.js';

export interface AccessControlDeps {
  registry: Registry;
  logger: Logger;
  /** The authenticator in force (it changes when the auth file is reloaded); absent when the registry is open. */
  authenticator?: () => Authenticator;
  audit?: AuditTrail;
  /** Counts authentications and denials. */
  metrics?: Pick<RegistryMetrics, 'authenticated' | 'denied'>;
}

interface Visit {
  requestId: string;
  row?: RouteRow;
  params: Record<string, string>;
  caller?: Caller;
  decision?: Decision;
  reason?: string;
  /** Who a refused credential claimed to be. */
  claimed?: string;
  before?: string;
  responseBody?: unknown;
}

/** The predicate a list filters by; undefined when everything is readable. */
export function readableSubjects(res: Response): ((subject: string) => boolean) | undefined {
  return (res.locals as { readable?: (subject: string) => boolean }).readable;
}

export function accessControl(deps: AccessControlDeps): RequestHandler {
  const throttle = new FailureThrottle();
  const lookups = resourceLookups(deps.registry);

  return async (req, res, next) => {
    const visit: Visit = { requestId: contextOf(res).id, params: {} };
    if (deps.audit) res.once('finish', () => void audit(deps.audit!, req, res, visit, lookups));

    let found;
    try {
      found = findRoute(req.method, req.path);
    } catch {
      return next(errors.badRequest(`Malformed URL: ${req.path}`));
    }
    if (found.row) {
      visit.row = found.row;
      visit.params = found.params;
    }
    const authenticator = deps.authenticator?.();
    if (!authenticator) {
      if (!found.row) return next(found.knownPath ? errors.methodNotAllowed() : errors.notFound());
      if (deps.audit) await prepareAudit(visit, res, lookups);
      return next();
    }

    if (found.row && isOpen(found.row)) return next();
    try {
      visit.caller = await authenticator.authenticate(credentialsOf(req));
    } catch (error) {
      if (!(error instanceof AuthenticationFailure)) throw error;
      deps.metrics?.authenticated(schemeOf(req.headers.authorization), false);
      visit.reason = error.reason;
      visit.claimed = error.claimed;
      const delay = throttle.failed(req.socket.remoteAddress ?? '');
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return unauthorized(res, authenticator);
    }
    if (visit.caller.identity.method !== 'anonymous') deps.metrics?.authenticated(visit.caller.identity.method, true);
    if (!found.row) return next(found.knownPath ? errors.methodNotAllowed() : errors.notFound());
    // Only once the caller is known may the requirement look anything up.
    const requirement = await found.row.access({ params: found.params, query: req.query, body: req.body }, lookups);

    visit.decision = await decide(requirement, visit.caller);
    if (!visit.decision.allowed) {
      if (visit.decision.status === 403) deps.metrics?.denied(visit.decision.operation);
      visit.reason = visit.decision.status === 401 ? 'no credentials' : visit.decision.message;
      if (visit.decision.status === 401) return unauthorized(res, authenticator);
      return sendJson(res, { error_code: 40301, message: visit.decision.message }, 403);
    }
    if (requirement.kind === 'read-any' && found.row.path === '/schemas/ids/:id') {
      visit.caller.permissions.rememberReadableSchema(Number(found.params.id), Date.now() + READABLE_SCHEMA_MS);
    }
    if (requirement.kind === 'filtered' && !visit.caller.permissions.readsEverySubject) {
      (res.locals as { readable?: (subject: string) => boolean }).readable = visit.caller.permissions.canRead;
    }
    if (deps.audit) await prepareAudit(visit, res, lookups);
    next();
  };
}

/** How long the hot path trusts that a caller may read a schema id, once the app allowed it. */
const READABLE_SCHEMA_MS = 10_000;

/** Whether the hot path may answer `GET /schemas/ids/{id}`: only when the caller's right to it is already known, without any I/O. */
export function schemaByIdAllowed(authenticator: Authenticator, req: IncomingMessage, id: number): boolean {
  const header = req.headers.authorization;
  // A client certificate, good or bad, is for the app to judge.
  if (header === undefined && clientCertificateOf(req) !== undefined) return false;
  const caller = header === undefined ? authenticator.anonymous : authenticator.cached(header);
  return !!caller?.permissions.mayReadSchema(id, Date.now());
}

function unauthorized(res: Response, authenticator: Authenticator): void {
  const challenges = authenticator.challenges();
  if (challenges.length > 0) res.setHeader('WWW-Authenticate', challenges);
  sendJson(res, { error_code: 401, message: 'Unauthorized' }, 401);
}

/** The certificate a TLS client presented, if any. */
function clientCertificateOf(req: IncomingMessage): PeerCertificate | undefined {
  const socket = req.socket as Partial<TLSSocket>;
  const certificate = socket.encrypted ? socket.getPeerCertificate?.() : undefined;
  return certificate && Object.keys(certificate).length > 0 ? certificate : undefined;
}

function credentialsOf(req: Request): Credentials {
  const certificate = clientCertificateOf(req);
  const cn = certificate?.subject?.CN as string | string[] | undefined;
  const name = Array.isArray(cn) ? cn[0] : cn;
  const socket = req.socket as TLSSocket;
  if (certificate && !socket.authorized) {
    return { authorization: req.headers.authorization, clientCertificateName: name, clientCertificateRefused: String(socket.authorizationError) };
  }
  return { authorization: req.headers.authorization, clientCertificateName: name };
}

/** For an audited change: what it replaces (the before-hash), and its JSON answer (schema id, version, after-hash). */
async function prepareAudit(visit: Visit, res: Response, lookups: ResourceLookups): Promise<void> {
  const kind = visit.row?.changesState;
  if (kind) visit.before = await lookups.currentState(kind, visit.params.subject).catch(() => undefined);
  if (!visit.row?.changes) return;
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    visit.responseBody = body;
    return send(body);
  };
}

async function audit(trail: AuditTrail, req: Request, res: Response, visit: Visit, lookups: ResourceLookups): Promise<void> {
  const refused = visit.reason !== undefined;
  if (!refused && !trail.reads && !visit.row?.changes) return;
  if (visit.row && !visit.caller && !visit.row.changes && !refused) return;
  const identity = visit.caller?.identity;
  const outcome: AuditOutcome =
    res.statusCode === 401 ? 'unauthenticated' : visit.decision?.allowed === false ? 'denied' : res.statusCode < 400 ? 'success' : 'failure';
  const answer = parseJson(visit.responseBody);
  const event: AuditEvent = {
    id: randomUUID(),
    at: Date.now(),
    requestId: visit.requestId,
    principal: identity?.name ?? visit.claimed ?? 'anonymous',
    authMethod: identity?.method ?? schemeOf(req.headers.authorization),
    source: req.socket.remoteAddress ?? '',
    method: req.method,
    path: req.originalUrl.split('?')[0]!,
    operation: visit.decision?.operation ?? (outcome === 'unauthenticated' ? 'authenticate' : visit.row?.changes ? 'write' : 'read'),
    resource: visit.decision?.resource ?? (visit.params.subject !== undefined ? `Subject:${visit.params.subject}` : 'Global'),
    outcome,
    status: res.statusCode,
  };
  if (visit.params.subject !== undefined) event.subject = visit.params.subject;
  if (visit.reason) event.reason = visit.reason;
  if (outcome === 'success' && visit.row?.changesState) {
    if (typeof answer?.id === 'number') event.schemaId = answer.id;
    if (typeof answer?.version === 'number') event.version = answer.version;
    if (visit.before !== undefined) event.beforeHash = sha256Digest(visit.before);
    // A config or mode is read back as `before` was, so that one change's after-hash is the next one's before-hash.
    const kind = visit.row.changesState;
    const after = kind === 'schema' ? answer?.schema : await lookups.currentState(kind, visit.params.subject).catch(() => undefined);
    if (typeof after === 'string') event.afterHash = sha256Digest(after);
  }
  trail.record(event);
}

/** How a refused caller tried to authenticate: the header's scheme, lower case. */
function schemeOf(header: string | undefined): string {
  if (header === undefined) return 'anonymous';
  return /^[A-Za-z]{1,20}(?= |$)/.exec(header)?.[0].toLowerCase() ?? 'malformed';
}

function parseJson(body: unknown): Record<string, unknown> | undefined {
  try {
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : undefined;
    const value: unknown = text === undefined ? undefined : JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}


function resourceLookups(registry: Registry): ResourceLookups {
  const subjectsOf = async (id: number) => [...new Set((await registry.store.versionsOfSchema(id)).map((v) => v.subject))];
  return {
    subjectsOfSchemaId: subjectsOf,
    async subjectsOfSchemaGuid(guid) {
      const schema = await registry.store.schemaByGuid(guid.toLowerCase());
      return schema ? subjectsOf(schema.id) : [];
    },
    async verificationSubject(id) {
      return isVerificationStore(registry.store) ? (await registry.store.verificationById(id))?.subject : undefined;
    },
    async deploymentSubjects(id) {
      if (!isDeploymentStore(registry.store)) return undefined;
      const found = await registry.store.deploymentById(id);
      return found && [...found.produces.map((p) => p.subject), ...found.consumes];
    },
    async alreadyRegistered(subject, body, normalize) {
      try {
        await registry.lookup(subject, registerRequest(body), { normalize });
        return true;
      } catch {
        return false;
      }
    },
    async currentState(kind: StateKind, subject) {
      if (kind === 'schema') return subject === undefined ? undefined : (await registry.getSubjectVersion(subject, 'latest')).schema.schema;
      const value = kind === 'config' ? await registry.getConfig(subject) : await registry.getMode(subject);
      return JSON.stringify(value);
    },
  };
}
