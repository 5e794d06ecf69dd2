/**
 * Every gating command answers `--help` with its options, the environment
 * variables behind them, examples and its exit codes, and exits 0.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creg, shown } from './run-creg.js';

for (const command of [['register'], ['contracts', 'push'], ['check'], ['can-i-deploy'], ['record-deployment'], ['record-undeployment']]) {
  test(`creg ${command.join(' ')} --help`, async () => {
    const run = await creg([...command, '--help']);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, new RegExp(`^Usage: creg ${command.join(' ')} `));
    assert.match(run.stdout, /\(env: CREG_REGISTRY_URL\)/);
    assert.match(run.stdout, /\(env: CREG_REGISTRY_TOKEN\)/);
    assert.match(run.stdout, new RegExp(`\\nExamples:\\n  creg ${command.join(' ')} `));
    assert.match(run.stdout, /Exit codes: 0 .*, 64 usage error\./);
  });
}

test('creg without a command, or with an unknown one, is a usage error', async () => {
  const [none, unknown] = await Promise.all([creg([]), creg(['frobnicate'])]);
  assert.equal(none.code, 64, shown(none));
  assert.equal(unknown.code, 64, shown(unknown));
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
});
