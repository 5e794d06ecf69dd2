/**
 * `npm run prisma:migration -- NAME [--provider sqlite|postgresql]
 * [--database-url postgres://…] [--empty]`: writes
 * `prisma/<provider>/migrations/<UTC timestamp>_<name>/migration.sql` and the
 * folder's `migration_lock.toml`, as `prisma migrate dev --create-only` would,
 * without Prisma's native engine. `--empty` writes an empty migration to fill
 * by hand. Nothing is written when the schema needs no change. PostgreSQL
 * needs a server to diff on (`--database-url`, default `DATABASE_URL`) whose
 * user may create databases; nothing is left on it.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Provider } from '../database-url.js';
import { LOCKFILE, MIGRATION_FILE, lockfileContent } from '../migrations-list.js';
import { providerPaths } from '../paths.js';
import { pendingMigration } from './pending-migration.js';

/** The engine's text for a migration without steps, as `migrate dev --create-only` writes it. */
const EMPTY_MIGRATION = '-- This is an empty migration.';

/** `migrate dev` slugifies the name (camelCase split, lower case, `_` between words), at most 200 characters. */
function migrationSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z\d]+)/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
}

/** UTC `YYYYMMDDHHMMSS`, the schema engine's migration timestamp. */
function migrationTimestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/\D/g, '').slice(0, 14);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      provider: { type: 'string', default: 'sqlite' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
      empty: { type: 'boolean', default: false },
    },
  });
  const provider = values.provider as Provider;
  if (provider !== 'sqlite' && provider !== 'postgresql') throw new Error(`unknown provider ${provider}`);
  const name = migrationSlug(positionals.join(' '));
  if (name === '') {
    throw new Error('usage: create-migration NAME [--provider sqlite|postgresql] [--database-url postgres://…] [--empty]');
  }

  let script: string;
  if (values.empty) {
    script = EMPTY_MIGRATION;
  } else {
    const pending = await pendingMigration(provider, { databaseUrl: values['database-url'] });
    if (pending.script === null) {
      console.log(`${provider}: the migrations already match schema.prisma; nothing written.`);
      return;
    }
    console.log(pending.summary.trimEnd());
    script = pending.script;
  }

  const { migrations } = providerPaths(provider);
  const folder = join(migrations, `${migrationTimestamp()}_${name}`);
  if (existsSync(folder)) throw new Error(`The migration directory already exists at ${folder}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, MIGRATION_FILE), script, 'utf8');
  await writeFile(join(migrations, LOCKFILE), lockfileContent(provider), 'utf8');
  console.log(`wrote ${join(folder, MIGRATION_FILE)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
