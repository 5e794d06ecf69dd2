/**
 * Every route of the HTTP API, and what a caller needs to use it: one
 * operation on one kind of resource. The access-control middleware answers a
 * request from this table before any route runs; a request no row matches is
 * answered 404 (or 405 for a known path) without reaching a route, so a route
 * missing from the table fails closed (a test walks the router to prove none
 * is missing). The mapping beside Confluent's ACL operations is in the README.
 */
import { match } from 'path-to-regexp';
import { parseSchemaId } from '../contracts/schema.js';
import type { Operation, Resource } from './operations.js';
import { GLOBAL, subjectResource } from './operations.js';

/** What a caller needs for one request. */
export type Requirement =
  /** Anyone, without credentials. */
  | { kind: 'open' }
  /** Anyone the rules grant anything (the registry's metadata). */
  | { kind: 'signed-in' }
  /** A list, answered filtered to the subjects the caller may read; never refused. */
  | { kind: 'filtered' }
  /**
   * `operation` on every one of `resources`; with `unless`, a lesser
   * operation suffices when the request turns out to change nothing (looking
   * up or re-registering a schema already there needs only `read`).
   */
  | { kind: 'all'; operation: Operation; resources: Resource[]; unless?: { operation: Operation; holds: () => Promise<boolean> } }
  /** `read` on any one of the subjects using a schema (what deserializers ask). */
  | { kind: 'read-any'; shown: string; subjects: string[] };

/** What the table may ask of the registry to know which resource a request is about. */
export interface ResourceLookups {
  subjectsOfSchemaId(id: number): Promise<string[]>;
  subjectsOfSchemaGuid(guid: string): Promise<string[]>;
  verificationSubject(id: string): Promise<string | undefined>;
  deploymentSubjects(id: string): Promise<string[] | undefined>;
  /** Whether registering the request's body under the subject would only answer a version already there. */
  alreadyRegistered(subject: string, body: unknown, normalize: boolean): Promise<boolean>;
  /** The text a change replaces, for the audit trail's before-hash: the latest schema, or the config or mode set (undefined when none). */
  currentState(kind: StateKind, subject: string | undefined): Promise<string | undefined>;
}

/** What a change changes, for the audit trail's before- and after-hashes. */
export type StateKind = 'schema' | 'config' | 'mode';

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

type Access = (req: RouteRequest, lookups: ResourceLookups) => Requirement | Promise<Requirement>;

export interface RouteRow {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path exactly as the router declares it. */
  path: string;
  /** Whether the request changes something (what the audit trail records by default). */
  changes: boolean;
  access: Access;
  changesState?: StateKind;
}

const open: Access = () => ({ kind: 'open' });
const signedIn: Access = () => ({ kind: 'signed-in' });
const filtered: Access = () => ({ kind: 'filtered' });
const onSubject =
  (operation: Operation): Access =>
  (req) => ({ kind: 'all', operation, resources: [subjectResource(req.params.subject!)] });
const onGlobal =
  (operation: Operation): Access =>
  () => ({ kind: 'all', operation, resources: [GLOBAL] });

const schemaById: Access = async (req, lookups) => {
  const id = parseSchemaId(req.params.id!);
  return { kind: 'read-any', shown: `Schema: ${req.params.id}`, subjects: id === undefined ? [] : await lookups.subjectsOfSchemaId(id) };
};
const schemaByGuid: Access = async (req, lookups) => ({
  kind: 'read-any',
  shown: `Schema: ${req.params.guid}`,
  subjects: await lookups.subjectsOfSchemaGuid(req.params.guid!),
});

const register: Access = (req, lookups) => {
  const subject = req.params.subject!;
  const normalize = String(req.query.normalize).toLowerCase() === 'true';
  return {
    kind: 'all',
    operation: 'write',
    resources: [subjectResource(subject)],
    unless: { operation: 'read', holds: () => lookups.alreadyRegistered(subject, req.body, normalize) },
  };
};

/** Publishing a verification needs `verify` on the subject it verified. */
const publishVerification: Access = (req) => {
  const subject = (req.body as { subject?: unknown } | undefined)?.subject;
  return { kind: 'all', operation: 'verify', resources: typeof subject === 'string' ? [subjectResource(subject)] : [GLOBAL] };
};
const readVerification: Access = async (req, lookups) => {
  const subject = await lookups.verificationSubject(req.params.id!);
  if (subject === undefined) return { kind: 'read-any', shown: `Verification: ${req.params.id}`, subjects: [] };
  return { kind: 'all', operation: 'read', resources: [subjectResource(subject)] };
};

/** Recording a deployment needs `deploy` on every subject it writes or reads (the global scope when it names none). */
function deploymentResources(subjects: string[]): Resource[] {
  return subjects.length === 0 ? [GLOBAL] : [...new Set(subjects)].map(subjectResource);
}
const recordDeployment: Access = (req) => {
  const body = (req.body ?? {}) as { produces?: unknown; consumes?: unknown };
  const produced = Array.isArray(body.produces) ? body.produces.map((p) => (p as { subject?: unknown } | null)?.subject) : [];
  const consumed = Array.isArray(body.consumes) ? body.consumes : [];
  const subjects = [...produced, ...consumed].filter((s): s is string => typeof s === 'string');
  return { kind: 'all', operation: 'deploy', resources: deploymentResources(subjects) };
};
const readDeployment: Access = async (req, lookups) => {
  const subjects = await lookups.deploymentSubjects(req.params.id!);
  return { kind: 'read-any', shown: `Deployment: ${req.params.id}`, subjects: subjects ?? [] };
};
const undeploy: Access = async (req, lookups) => {
  const subjects = await lookups.deploymentSubjects(req.params.id!);
  if (subjects === undefined) return { kind: 'read-any', shown: `Deployment: ${req.params.id}`, subjects: [] };
  return { kind: 'all', operation: 'deploy', resources: deploymentResources(subjects) };
};

export const AUDIT_PATH = '/contract-registry/v1/audit';

const row = (method: RouteRow['method'], path: string, access: Access, changes = method !== 'GET', changesState?: StateKind): RouteRow => ({
  method,
  path,
  access,
  changes,
  changesState,
});

export const ROUTE_TABLE: readonly RouteRow[] = [
  row('GET', '/', signedIn),
  row('POST', '/', signedIn, false),
  row('GET', '/v1/metadata/id', signedIn),
  row('GET', '/v1/metadata/version', signedIn),
  row('GET', '/v1/metadata/deployment', signedIn),
  row('GET', '/associations/resources/:namespace/:name', signedIn),
  row('GET', '/associations/subjects/:subject', onSubject('read')),
  row('GET', '/health/live', open),
  row('GET', '/health/ready', open),
  // Open to the rules: protected by its own token, or moved to a port of its own (`creg serve --metrics-…`).
  row('GET', '/metrics', open),
  row('GET', '/openapi.json', signedIn),

  row('GET', '/schemas', filtered),
  row('GET', '/schemas/types', open),
  row('GET', '/schemas/ids/:id', schemaById),
  row('GET', '/schemas/ids/:id/schema', schemaById),
  row('GET', '/schemas/ids/:id/subjects', filtered),
  row('GET', '/schemas/ids/:id/versions', filtered),
  row('GET', '/schemas/guids/:guid', schemaByGuid),
  row('GET', '/schemas/guids/:guid/ids', schemaByGuid),

  row('GET', '/subjects', filtered),
  row('POST', '/subjects/:subject', onSubject('read'), false),
  row('DELETE', '/subjects/:subject', onSubject('delete')),
  row('GET', '/subjects/:subject/metadata', onSubject('read')),
  row('GET', '/subjects/:subject/versions', onSubject('read')),
  row('POST', '/subjects/:subject/versions', register, true, 'schema'),
  row('GET', '/subjects/:subject/versions/:version', onSubject('read')),
  row('DELETE', '/subjects/:subject/versions/:version', onSubject('delete')),
  row('GET', '/subjects/:subject/versions/:version/schema', onSubject('read')),
  row('GET', '/subjects/:subject/versions/:version/referencedby', onSubject('read')),
  row('POST', '/subjects/:subject/versions/:version/tags', onSubject('write'), true, 'schema'),

  // Confluent's ACL authorizer asks SUBJECT_WRITE for a compatibility check.
  row('POST', '/compatibility/subjects/:subject/versions', onSubject('write'), false),
  row('POST', '/compatibility/subjects/:subject/versions/:version', onSubject('write'), false),

  row('GET', '/config', onGlobal('config_read')),
  row('PUT', '/config', onGlobal('config_write'), true, 'config'),
  row('DELETE', '/config', onGlobal('config_write'), true, 'config'),
  row('GET', '/config/:subject', onSubject('config_read')),
  row('PUT', '/config/:subject', onSubject('config_write'), true, 'config'),
  row('DELETE', '/config/:subject', onSubject('config_write'), true, 'config'),
  row('GET', '/mode', onGlobal('config_read')),
  row('PUT', '/mode', onGlobal('config_write'), true, 'mode'),
  row('DELETE', '/mode', onGlobal('config_write'), true, 'mode'),
  row('GET', '/mode/:subject', onSubject('config_read')),
  row('PUT', '/mode/:subject', onSubject('config_write'), true, 'mode'),
  row('DELETE', '/mode/:subject', onSubject('config_write'), true, 'mode'),

  row('GET', '/contract-registry/v1/verifications', filtered),
  row('POST', '/contract-registry/v1/verifications', publishVerification),
  row('GET', '/contract-registry/v1/verifications/:id', readVerification),
  row('GET', '/contract-registry/v1/deployments', filtered),
  row('POST', '/contract-registry/v1/deployments', recordDeployment),
  row('GET', '/contract-registry/v1/deployments/:id', readDeployment),
  row('DELETE', '/contract-registry/v1/deployments/:id', undeploy),
  row('GET', AUDIT_PATH, onGlobal('audit')),
];

/** Whether a row is open to anyone, without credentials (decided without calling its access). */
export function isOpen(row: RouteRow): boolean {
  return row.access === open;
}

export type RouteMatch = { row: RouteRow; params: Record<string, string> } | { row?: undefined; knownPath: boolean };

const matchers = ROUTE_TABLE.map((r) => ({ row: r, match: match<Record<string, string>>(r.path, { decode: decodeURIComponent }) }));

/** The row for a request (HEAD is GET); `knownPath` tells 405 from 404 when none matches. Throws URIError on a bad escape. */
export function findRoute(method: string, path: string): RouteMatch {
  const wanted = method === 'HEAD' ? 'GET' : method;
  let knownPath = false;
  for (const { row: candidate, match: test } of matchers) {
    const found = test(path);
    if (!found) continue;
    if (candidate.method === wanted) return { row: candidate, params: found.params };
    knownPath = true;
  }
  return { knownPath };
}
