/**
 * OIDC bearer tokens: a JWT signed by the identity provider (Keycloak, Entra,
 * Okta, …) names the principal and its groups, so the registry needs no user
 * list of its own. This module checks such a token and nothing else.
 *
 * Why it is built this way:
 * - jose does the cryptography and the claim checks (`jwtVerify`) and keeps
 *   the provider's keys (`createRemoteJWKSet`: cached, refetched once when a
 *   token names an unknown `kid`, at most once per cooldown so that forged
 *   kids cannot make the registry hammer the provider).
 * - Only asymmetric algorithms are ever accepted. `none` and HS* are removed
 *   from any configured list: with HS*, anyone holding the provider's
 *   *public* key could mint tokens (the key-confusion attack).
 * - Every refusal is an `AuthenticationFailure` with a short reason, whatever
 *   the input or the provider does (errors, HTML, hangs: a timeout applies).
 * - The provider is reached over https only, except on loopback (tests).
 */
import { isIP } from 'node:net';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthenticationFailure } from './authentication-failure.js';

export interface OidcConfig {
  /** The expected `iss`; also where discovery is read (`<issuer>/.well-known/openid-configuration`, its `jwks_uri`) when jwksUrl is absent. */
  issuer: string;
  /** The expected `aud` (one of them must match). */
  audience: string | string[];
  jwksUrl?: string;
  /** Allowed JWS algorithms; default ['RS256','RS384','RS512','PS256','PS384','PS512','ES256','ES384','ES512','EdDSA']. `none` and the HS* family are never allowed, even if listed. */
  algorithms?: string[];
  /** Dot path of the claim naming the principal; default 'sub'. */
  principalClaim?: string;
  /** Dot paths of claims holding groups or roles (string or array of strings), e.g. 'realm_access.roles', 'groups'; default ['groups']. Claim values from all paths are merged. */
  groupsClaims?: string[];
  /** Default 30. */
  clockToleranceSeconds?: number;
  /** Least time between two JWKS refetches caused by an unknown `kid`; default 30. */
  jwksCooldownSeconds?: number;
}

export interface OidcIdentity {
  principal: string;
  groups: string[];
  /** epoch ms of `exp` */
  expiresAt: number;
}

export interface OidcVerifier {
  verify(token: string): Promise<OidcIdentity>;
}

const DEFAULT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const FORBIDDEN_ALGORITHM = /^(none|HS\d*)$/i;
/** Applies to discovery and to each JWKS fetch. */
const HTTP_TIMEOUT_MS = 5_000;
/** Node's default limit for all request headers together; a longer token cannot be genuine. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export function looksLikeJwt(token: string): boolean {
  return typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH && COMPACT_JWS.test(token);
}

/** Throws (a plain Error) on a configuration that cannot work, so that `serve` fails at start. */
export function createOidcVerifier(config: OidcConfig): OidcVerifier {
  const audience = config.audience;
  if (!config.issuer || (Array.isArray(audience) ? audience.length === 0 : !audience)) {
    throw new Error('OIDC needs an issuer and an audience');
  }
  const options = {
    issuer: config.issuer,
    audience,
    algorithms: (config.algorithms ?? DEFAULT_ALGORITHMS).filter((alg) => !FORBIDDEN_ALGORITHM.test(alg)),
    clockTolerance: seconds(config.clockToleranceSeconds, 30, 'clockToleranceSeconds'),
    requiredClaims: ['iss', 'aud', 'exp'],
  };
  const principalClaim = config.principalClaim ?? 'sub';
  const groupsClaims = config.groupsClaims ?? ['groups'];
  const getKey = keyResolver(config);

  return {
    async verify(token) {
      if (!looksLikeJwt(token)) throw new AuthenticationFailure('malformed token');
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, getKey, options));
      } catch (err) {
        throw verifyFailure(err);
      }
      const principal = claimAt(payload, principalClaim);
      if (typeof principal !== 'string' || principal === '') {
        throw new AuthenticationFailure(`missing claim ${principalClaim}`);
      }
      return { principal, groups: groupsOf(payload, groupsClaims), expiresAt: (payload.exp as number) * 1000 };
    },
  };
}

/** The JWKS behind a key function; discovery, if needed, happens on first use and is retried until it succeeds. */
function keyResolver(config: OidcConfig): JWTVerifyGetKey {
  const configured = config.jwksUrl ?? discoveryUrl(config.issuer);
  const url = trustedUrl(configured);
  if (!url) throw new Error(`OIDC: ${configured} must be an https URL (http only on a loopback host)`);
  const cooldownDuration = seconds(config.jwksCooldownSeconds, 30, 'jwksCooldownSeconds') * 1000;
  const remoteSet = (jwksUrl: URL) => createRemoteJWKSet(jwksUrl, { timeoutDuration: HTTP_TIMEOUT_MS, cooldownDuration });

  let jwks = config.jwksUrl ? Promise.resolve(remoteSet(url)) : undefined;
  const load = () => {
    const pending = discoverJwksUrl(config.issuer, url).then(remoteSet);
    jwks = pending;
    pending.catch(() => {
      if (jwks === pending) jwks = undefined;
    });
    return pending;
  };
  return async (header, token) => {
    const getKey = await (jwks ?? load());
    try {
      return await getKey(header, token);
    } catch (err) {
      throw keyFailure(err);
    }
  };
}

function seconds(value: number | undefined, fallback: number, name: string): number {
  const result = value ?? fallback;
  if (!Number.isFinite(result) || result < 0) throw new Error(`OIDC ${name} must be a non-negative number of seconds`);
  return result;
}

function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

async function discoverJwksUrl(issuer: string, url: URL): Promise<URL> {
  let document: unknown;
  try {
    const response = await fetch(url, {
      redirect: 'error',
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
      headers: { accept: 'application/json' },
    });
    if (response.status !== 200) throw new Error(`discovery answered ${response.status}`);
    document = await response.json();
  } catch {
    throw new AuthenticationFailure('identity provider unreachable');
  }
  const { issuer: announced, jwks_uri: jwksUri } = (document ?? {}) as Record<string, unknown>;
  if (announced !== issuer) throw new AuthenticationFailure('identity provider issuer mismatch');
  const jwksUrl = typeof jwksUri === 'string' ? trustedUrl(jwksUri) : undefined;
  if (!jwksUrl) throw new AuthenticationFailure('identity provider jwks_uri unusable');
  return jwksUrl;
}

function trustedUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return url;
  return undefined;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** Errors of the JWKS lookup: an unknown key, or a provider that cannot be used right now. */
function keyFailure(err: unknown): AuthenticationFailure {
  if (err instanceof AuthenticationFailure) return err;
  if (err instanceof errors.JWKSNoMatchingKey) return new AuthenticationFailure('unknown signing key');
  if (err instanceof errors.JWKSMultipleMatchingKeys) return new AuthenticationFailure('ambiguous signing key');
  if (err instanceof errors.JWKSInvalid || err instanceof errors.JWKInvalid || err instanceof errors.JOSENotSupported) {
    return new AuthenticationFailure('identity provider keys unusable');
  }
  return new AuthenticationFailure('identity provider unreachable');
}

function verifyFailure(err: unknown): AuthenticationFailure {
  if (err instanceof AuthenticationFailure) return err;
  if (err instanceof errors.JWTExpired) return new AuthenticationFailure('token expired');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === 'missing') return new AuthenticationFailure(`missing claim ${err.claim}`);
    if (err.claim === 'iss') return new AuthenticationFailure('wrong issuer');
    if (err.claim === 'aud') return new AuthenticationFailure('wrong audience');
    if (err.claim === 'nbf' && err.reason === 'check_failed') return new AuthenticationFailure('token not yet valid');
    return new AuthenticationFailure(`invalid claim ${err.claim}`);
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return new AuthenticationFailure('algorithm not allowed');
  if (err instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationFailure('signature invalid');
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid || err instanceof errors.JOSENotSupported) {
    return new AuthenticationFailure('malformed token');
  }
  return new AuthenticationFailure('token refused');
}

/** The value at a dot path of the claims, own properties only. */
function claimAt(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const name of path.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) return undefined;
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

function groupsOf(payload: JWTPayload, paths: string[]): string[] {
  const groups = new Set<string>();
  for (const path of paths) {
    const value = claimAt(payload, path);
    for (const group of Array.isArray(value) ? value : [value]) {
      if (typeof group === 'string' && group !== '') groups.add(group);
    }
  }
  return [...groups];
}
