/**
 * The committed client types (`client/generated/schema.d.ts`) are what
 * openapi-typescript makes of `api/openapi.yaml` today
 * (`npm run client:generate -- --check`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('the generated client types are current', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-client.ts', '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}\nRun \`npm run client:generate\` and commit the result.`);
});
