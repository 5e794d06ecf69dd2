/**
 * The databases the registry runs on, as test parameters: SQLite always,
 * PostgreSQL when `CREG_TEST_POSTGRES_URL` names a server (see
 * `postgres.ts`). Without it PostgreSQL suites are skipped, with the reason,
 * except in CI (`CI` set), where a missing server must not pass unnoticed:
 * there every PostgreSQL suite fails, saying what is missing.
 *
 *   for (const backend of backends()) {
 *     describe(backend.name, { skip: backend.skip }, () => { … backend.freshDatabase() … });
 *   }
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase, POSTGRES_URL_VARIABLE } from './postgres.js';

export interface FreshDatabase {
  /** A `DATABASE_URL` for an empty database. */
  url: string;
  /** Removes the database (close what uses it first, except on PostgreSQL, where its connections are ended). */
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'SQLite' | 'PostgreSQL';
  /** Why this backend's suites are skipped here; undefined when they run. */
  skip?: string;
  freshDatabase(): Promise<FreshDatabase>;
}

export const sqlite: Backend = {
  name: 'SQLite',
  async freshDatabase() {
    const dir = await mkdtemp(join(tmpdir(), 'creg-test-'));
    return { url: `file:${join(dir, 'registry.db')}`, dispose: () => rm(dir, { recursive: true, force: true }) };
  },
};

export function postgresql(env: NodeJS.ProcessEnv = process.env): Backend {
  const adminUrl = env[POSTGRES_URL_VARIABLE]?.trim() || undefined;
  if (adminUrl !== undefined) {
    return {
      name: 'PostgreSQL',
      async freshDatabase() {
        const db = await createPostgresDatabase(adminUrl);
        return { url: db.url, dispose: db.drop };
      },
    };
  }
  const missing = `${POSTGRES_URL_VARIABLE} is not set (a postgres:// URL of a user that may create databases)`;
  if (!env.CI) return { name: 'PostgreSQL', skip: missing, freshDatabase: () => Promise.reject(new Error(missing)) };
  return {
    name: 'PostgreSQL',
    freshDatabase: () =>
      Promise.reject(new Error(`CI is set but ${missing}; .ci/run installs and starts PostgreSQL and sets it`)),
  };
}

export function backends(env: NodeJS.ProcessEnv = process.env): Backend[] {
  return [sqlite, postgresql(env)];
}
