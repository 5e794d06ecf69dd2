/**
 * The auth file as the server sees it while running: read at start (a broken
 * file stops the start), then re-read whenever it changes, polled by `stat`,
 * which also catches editors that replace the file. A broken edit keeps the
 * rules in force and logs why. Each good read builds a new `Authenticator`,
 * which drops the cache of verified credentials; the OIDC verifier, and with
 * it the cached signing keys, is kept while its settings are unchanged.
 */
import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parseAuthFile, type SecurityConfig } from './auth-file.js';
import { Authenticator } from './authenticator.js';
import { createOidcVerifier, type OidcVerifier } from './oidc.js';

export interface SecurityLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

const POLL_MS = 200;

export class LiveAuthFile {
  #authenticator: Authenticator;
  #oidc: OidcVerifier | undefined;
  readonly #listener: (current: Stats, previous: Stats) => void;

  constructor(
    readonly path: string,
    private readonly log: SecurityLog,
  ) {
    const config = readConfig(path);
    this.#oidc = config.oidc && createOidcVerifier(config.oidc);
    this.#authenticator = new Authenticator(config, this.#oidc);
    this.#listener = (current, previous) => {
      if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size || current.ino !== previous.ino) this.reload();
    };
    watchFile(path, { interval: POLL_MS, persistent: false }, this.#listener);
  }

  get authenticator(): Authenticator {
    return this.#authenticator;
  }

  reload(): void {
    let config: SecurityConfig;
    try {
      config = readConfig(this.path);
    } catch (error) {
      this.log.warn({ path: this.path, reason: (error as Error).message }, 'auth file not reloaded; the previous one stays in force');
      return;
    }
    if (!isDeepStrictEqual(config.oidc, this.#authenticator.config.oidc)) this.#oidc = config.oidc && createOidcVerifier(config.oidc);
    this.#authenticator = new Authenticator(config, this.#oidc);
    this.log.info({ path: this.path, users: config.users.size, tokens: config.tokens.size, rules: config.policy.rules.length }, 'auth file reloaded');
  }

  close(): void {
    unwatchFile(this.path, this.#listener);
  }
}

function readConfig(path: string): SecurityConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read auth file ${path}: ${(error as Error).message}`);
  }
  try {
    return parseAuthFile(text);
  } catch (error) {
    throw new Error(`auth file ${path} ${(error as Error).message}`);
  }
}
