/**
 * Every gating command answers `--help` with its options, the environment
 * variables behind them, examples and its exit codes, and exits 0; so does
 * each `creg auth` command, which talks to no registry.
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

// `creg auth` writes and checks the auth file; it talks to no registry, so it has no registry options.
for (const command of [['auth', 'hash-password'], ['auth', 'token'], ['auth', 'schema'], ['auth', 'check']]) {
  test(`creg ${command.join(' ')} --help`, async () => {
    const run = await creg([...command, '--help']);
    assert.equal(run.code, 0, shown(run));
    assert.match(run.stdout, new RegExp(`^Usage: creg ${command.join(' ')} `));
    assert.doesNotMatch(run.stdout, /CREG_REGISTRY/);
    assert.match(run.stdout, new RegExp(`\\nExamples:\\n  creg ${command.join(' ')}`));
    assert.match(run.stdout, /Exit codes: 0 .*, 64 usage error\b/);
  });
}

test('creg auth --help lists its commands; creg auth alone, or with an unknown command, is a usage error', async () => {
  const [help, none, unknown] = await Promise.all([creg(['auth', '--help']), creg(['auth']), creg(['auth', 'frobnicate'])]);
  assert.equal(help.code, 0, shown(help));
  assert.match(help.stdout, /^Usage: creg auth /);
  for (const name of ['hash-password', 'token', 'schema', 'check']) assert.match(help.stdout, new RegExp(`^  ${name} `, 'm'));
  assert.equal(none.code, 64, shown(none));
  assert.equal(unknown.code, 64, shown(unknown));
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
});

test('creg --help lists auth', async () => {
  const run = await creg(['--help']);
  assert.equal(run.code, 0, shown(run));
  assert.match(run.stdout, /^  auth /m);
});

test('creg without a command, or with an unknown one, is a usage error', async () => {
  const [none, unknown] = await Promise.all([creg([]), creg(['frobnicate'])]);
  assert.equal(none.code, 64, shown(none));
  assert.equal(unknown.code, 64, shown(unknown));
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
});
