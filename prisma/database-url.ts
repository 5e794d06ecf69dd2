/**
 * Reads `DATABASE_URL` into the provider it selects. Unset means a SQLite file
 * under `./data/`; `file:` URLs are SQLite (relative paths against the working
 * directory, as Prisma resolves them); `postgres://` and `postgresql://` are
 * PostgreSQL.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Provider = 'sqlite' | 'postgresql';

export type DatabaseTarget =
  | { provider: 'sqlite'; /** Absolute path of the database file. */ file: string }
  | { provider: 'postgresql'; url: string };

export const DEFAULT_DATABASE_URL = 'file:./data/registry.db';

export function parseDatabaseUrl(url: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const value = url === undefined || url.trim() === '' ? DEFAULT_DATABASE_URL : url.trim();
  if (/^postgres(ql)?:\/\//i.test(value)) return { provider: 'postgresql', url: value };
  if (/^file:/i.test(value)) return { provider: 'sqlite', file: sqliteFile(value, cwd) };
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL), got ${redact(value)}`,
  );
}

function sqliteFile(url: string, cwd: string): string {
  // `file:///abs` is a URL proper; `file:/abs` and `file:rel` are Prisma's form.
  if (/^file:\/\//i.test(url)) return fileURLToPath(url.replace(/\?.*$/, ''));
  const path = url.slice('file:'.length).replace(/\?.*$/, '');
  if (path === '') throw new Error('DATABASE_URL file: needs a path, e.g. file:./data/registry.db');
  return resolve(cwd, path);
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
