/**
 * The registry's typed HTTP client: openapi-fetch over the types generated
 * from `api/openapi.yaml` (`generated/schema.d.ts`). Every call answers
 * `{ data } | { error }`, as openapi-fetch does, and never throws: a registry
 * error keeps Confluent's `error_code` and `message`; a request that got no
 * usable answer (refused, timed out, not JSON) is a `transport` failure, so a
 * caller tells "the registry said no" from "the registry was not there".
 * The named calls are the ones the `creg` commands make; `http` is the typed
 * client of every operation of the document.
 *
 * Imports nothing but its generated types and openapi-fetch, so that it may
 * be lifted out of this package as it is.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/schema.js';

export type Schemas = components['schemas'];
export type RegisterSchemaRequest = Schemas['RegisterSchemaRequest'];
export type SchemaReference = Schemas['SchemaReference'];
export type Metadata = Schemas['Metadata'];
export type Verification = Schemas['Verification'];
export type Deployment = Schemas['Deployment'];

/** Why a call failed. `http`: the server answered an error status (Confluent's body when it sent one). */
export type RegistryFailure =
  | { kind: 'http'; status: number; errorCode: number; message: string }
  | { kind: 'transport'; message: string };

export type Result<T> = { data: T; error?: undefined } | { data?: undefined; error: RegistryFailure };

/** Credentials, sent on every request: HTTP basic, or a bearer token. */
export type RegistryAuth = { username: string; password: string } | { token: string };

export interface RegistryClientOptions {
  baseUrl: string;
  auth?: RegistryAuth;
  /** Abort a request that has not been answered after this many milliseconds. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  fetch?: (request: Request) => Promise<Response>;
}

export const SCHEMA_REGISTRY_JSON = 'application/vnd.schemaregistry.v1+json';
const JSON_BODY = { 'Content-Type': SCHEMA_REGISTRY_JSON };

export function authorizationHeader(auth: RegistryAuth): string {
  if ('token' in auth) return `Bearer ${auth.token}`;
  const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

function failureOf(response: Response, body: unknown): RegistryFailure {
  const error = body as { error_code?: unknown; message?: unknown } | undefined;
  if (typeof error?.error_code === 'number' && typeof error.message === 'string') {
    return { kind: 'http', status: response.status, errorCode: error.error_code, message: error.message };
  }
  const text = typeof body === 'string' && body.trim() !== '' ? body.trim().slice(0, 200) : response.statusText;
  return { kind: 'http', status: response.status, errorCode: response.status, message: text || `HTTP ${response.status}` };
}

function transportMessage(error: unknown): string {
  const { message, cause } = error as { message?: string; cause?: { message?: string; code?: string } };
  const reason = cause?.code ?? cause?.message;
  return reason ? `${message}: ${reason}` : String(message ?? error);
}

/** An answer of the client's `http` as a `Result`: Confluent's error body kept, a request without an answer a transport failure. */
export async function settle<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Result<T>> {
  try {
    const { data, error, response } = await call;
    if (!response.ok) return { error: failureOf(response, error) };
    return { data: data as T };
  } catch (error) {
    return { error: { kind: 'transport', message: transportMessage(error) } };
  }
}

export function createRegistryClient(options: RegistryClientOptions) {
  const baseFetch = options.fetch ?? ((request: Request) => fetch(request));
  const http: Client<paths> = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: {
      Accept: `${SCHEMA_REGISTRY_JSON}, application/json`,
      ...(options.auth && { Authorization: authorizationHeader(options.auth) }),
      ...options.headers,
    },
    fetch: (request) =>
      baseFetch(options.timeoutMs ? new Request(request, { signal: AbortSignal.timeout(options.timeoutMs) }) : request),
  });
  const subject = (name: string) => ({ path: { subject: name } });

  return {
    http,
    baseUrl: options.baseUrl,

    /** Registers (idempotently) and answers the version, new or existing. */
    register: (name: string, body: RegisterSchemaRequest, query: { normalize?: boolean } = {}) =>
      settle(
        http.POST('/subjects/{subject}/versions', { params: { ...subject(name), query }, body, headers: JSON_BODY }),
      ),

    /** The version of the subject that holds this schema (40401/40403 when none). */
    lookup: (name: string, body: RegisterSchemaRequest) =>
      settle(http.POST('/subjects/{subject}', { params: subject(name), body, headers: JSON_BODY })),

    /** Against the subject's configured level (all versions it compares), or one version. */
    checkCompatibility: (name: string, body: RegisterSchemaRequest, query: { verbose?: boolean; normalize?: boolean } = {}) =>
      settle(
        http.POST('/compatibility/subjects/{subject}/versions', { params: { ...subject(name), query }, body, headers: JSON_BODY }),
      ),

    /** The config that applies to the subject (its own, else the global one). */
    effectiveConfig: (name: string) =>
      settle(http.GET('/config/{subject}', { params: { ...subject(name), query: { defaultToGlobal: true } } })),

    subjects: () => settle(http.GET('/subjects')),

    versions: (name: string) => settle(http.GET('/subjects/{subject}/versions', { params: subject(name) })),

    subjectVersion: (name: string, version: number | 'latest') =>
      settle(http.GET('/subjects/{subject}/versions/{version}', { params: { path: { subject: name, version } } })),

    schemaById: (id: number) => settle(http.GET('/schemas/ids/{id}', { params: { path: { id } } })),

    verifications: (query: { subject?: string; version?: number; consumer?: string; consumerVersion?: string } = {}) =>
      settle(http.GET('/contract-registry/v1/verifications', { params: { query } })),

    recordVerification: (body: Schemas['VerificationRequest']) =>
      settle(http.POST('/contract-registry/v1/verifications', { body, headers: JSON_BODY })),

    /** Current deployments, newest first (the history too with `includeUndeployed`). */
    deployments: (query: { environment?: string; participant?: string; includeUndeployed?: boolean } = {}) =>
      settle(http.GET('/contract-registry/v1/deployments', { params: { query } })),

    recordDeployment: (body: Schemas['DeploymentRequest']) =>
      settle(http.POST('/contract-registry/v1/deployments', { body, headers: JSON_BODY })),

    recordUndeployment: (id: string) =>
      settle(http.DELETE('/contract-registry/v1/deployments/{id}', { params: { path: { id } } })),
  };
}

export type RegistryClient = ReturnType<typeof createRegistryClient>;
