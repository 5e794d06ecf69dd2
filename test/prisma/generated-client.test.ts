/**
 * The committed Prisma Client of each provider (SQLite, PostgreSQL) is what
 * `prisma generate` makes of its committed schema today
 * (`npm run prisma:generate -- --check`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

it('the committed Prisma Client is current', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'prisma/scripts/generate.ts', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  assert.match(result.stdout, /current \(sqlite, postgresql\)/, 'both providers were checked');
});
