/**
 * Who is calling: an `Authorization` header (Basic user:password, Basic or
 * Bearer API token, Bearer OIDC JWT), else a verified TLS client
 * certificate, else `anonymous`. A credential that is present but wrong is
 * refused (`AuthenticationFailure`); it never falls back to anonymous.
 *
 * Verified callers are cached by a hash of the header for a short while, so
 * that a client sending the same header on every request (every serializer)
 * pays for scrypt, PBKDF2 or a signature check once; a reload builds a new
 * authenticator, which drops the cache.
 */
import { createHash } from 'node:crypto';
import type { SecurityConfig, TokenEntry, UserEntry } from './auth-file.js';
import { AuthenticationFailure } from './authentication-failure.js';
import { looksLikeJwt, type OidcVerifier } from './oidc.js';
import { verifyKarapacePassword, verifyPassword, verifySecret } from './passwords.js';
import { ANONYMOUS, type Identity, type Permissions } from './policy.js';

export interface Caller {
  identity: Identity;
  permissions: Permissions;
}

export interface Credentials {
  authorization?: string;
  /** The subject CN of a client certificate the TLS layer verified. */
  clientCertificateName?: string;
  /** Why the TLS layer did not verify the client certificate the caller presented. */
  clientCertificateRefused?: string;
}

const CACHE_MS = 60_000;
const CACHE_ENTRIES = 10_000;
const MAX_HEADER = 16 * 1024;
const REALM = 'Contract Registry';

export class Authenticator {
  readonly #cache = new Map<string, { caller: Caller; until: number }>();
  /** Verifications under way, so that many connections sending one header at once cost one check. */
  readonly #pending = new Map<string, Promise<Caller>>();
  readonly anonymous: Caller;

  constructor(
    readonly config: SecurityConfig,
    private readonly oidc?: OidcVerifier,
    private readonly now: () => number = Date.now,
  ) {
    this.anonymous = this.#caller(ANONYMOUS);
  }

  /** One `WWW-Authenticate` challenge per method the file enables. */
  challenges(): string[] {
    const basic = this.config.users.size > 0 || this.config.tokens.size > 0;
    const bearer = this.config.tokens.size > 0 || this.config.oidc !== undefined;
    return [...(basic ? [`Basic realm="${REALM}", charset="UTF-8"`] : []), ...(bearer ? [`Bearer realm="${REALM}"`] : [])];
  }

  /** The caller for a header verified a moment ago; never does any work beyond a hash and a map look-up. */
  cached(authorization: string): Caller | undefined {
    return this.#cachedByKey(cacheKey(authorization));
  }

  #cachedByKey(key: string): Caller | undefined {
    const hit = this.#cache.get(key);
    if (!hit) return undefined;
    if (hit.until > this.now()) return hit.caller;
    this.#cache.delete(key);
    return undefined;
  }

  async authenticate(credentials: Credentials): Promise<Caller> {
    const header = credentials.authorization;
    // A certificate the CA did not sign is a wrong credential, like a wrong password.
    if (credentials.clientCertificateRefused) {
      throw new AuthenticationFailure(`client certificate refused: ${credentials.clientCertificateRefused}`, credentials.clientCertificateName);
    }
    if (header === undefined) {
      return credentials.clientCertificateName
        ? this.#caller({ name: credentials.clientCertificateName, groups: [], method: 'mtls' })
        : this.anonymous;
    }
    const key = cacheKey(header);
    const hit = this.#cachedByKey(key);
    if (hit) return hit;
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#verify(header)
        .then(({ identity, until }) => {
          const caller = this.#caller(identity);
          if (this.#cache.size >= CACHE_ENTRIES) this.#cache.clear();
          this.#cache.set(key, { caller, until: Math.min(until, this.now() + CACHE_MS) });
          return caller;
        })
        .finally(() => this.#pending.delete(key));
      this.#pending.set(key, pending);
    }
    return pending;
  }

  async #verify(header: string): Promise<{ identity: Identity; until: number }> {
    if (header.length > MAX_HEADER) throw new AuthenticationFailure('authorization header too long');
    const match = /^([A-Za-z]+) +(\S+) *$/.exec(header);
    if (!match) throw new AuthenticationFailure('malformed authorization header');
    const scheme = match[1]!.toLowerCase();
    const value = match[2]!;
    if (scheme === 'basic') return this.#basic(value);
    if (scheme === 'bearer') return this.#bearer(value);
    throw new AuthenticationFailure(`unsupported authorization scheme ${match[1]}`);
  }

  async #basic(encoded: string): Promise<{ identity: Identity; until: number }> {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new AuthenticationFailure('malformed basic credentials');
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw new AuthenticationFailure('malformed basic credentials');
    const name = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const user = this.config.users.get(name);
    if (user) return { identity: await checkPassword(user, secret), until: Infinity };
    const token = this.config.tokens.get(name);
    if (token) return this.#token(token, secret);
    throw new AuthenticationFailure('unknown user', name);
  }

  async #bearer(value: string): Promise<{ identity: Identity; until: number }> {
    if (looksLikeJwt(value)) {
      if (!this.oidc) throw new AuthenticationFailure('OIDC is not configured');
      const found = await this.oidc.verify(value);
      return { identity: { name: found.principal, groups: found.groups, method: 'oidc' }, until: found.expiresAt };
    }
    const separator = value.search(/[.:]/);
    const token = separator > 0 ? this.config.tokens.get(value.slice(0, separator)) : undefined;
    if (!token) throw new AuthenticationFailure('unknown token');
    return this.#token(token, value.slice(separator + 1));
  }

  #token(token: TokenEntry, secret: string): { identity: Identity; until: number } {
    if (!verifySecret(token.secretHash, secret)) throw new AuthenticationFailure('wrong token secret', token.principal);
    if (token.expires !== undefined && token.expires <= this.now()) throw new AuthenticationFailure('token expired', token.principal);
    return { identity: { name: token.principal, groups: token.groups, method: 'token' }, until: token.expires ?? Infinity };
  }

  #caller(identity: Identity): Caller {
    return { identity, permissions: this.config.policy.permissionsOf(identity) };
  }
}

async function checkPassword(user: UserEntry, password: string): Promise<Identity> {
  const check = user.password;
  const ok =
    check.kind === 'karapace'
      ? await verifyKarapacePassword(check.algorithm, check.salt, check.hash, password)
      : await verifyPassword(check.hash, password);
  if (!ok) throw new AuthenticationFailure('wrong password', user.name);
  return { name: user.name, groups: user.groups, method: 'basic' };
}

function cacheKey(header: string): string {
  return createHash('sha256').update(header).digest('base64');
}
