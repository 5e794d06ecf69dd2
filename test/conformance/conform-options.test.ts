/**
 * `creg conform`'s options, checked before anything runs: each mistake is a
 * usage error saying what to do (the command turns it into exit 64), and
 * what is accepted is read as the run needs it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conformPlan, type ConformOptions } from '../../cli/commands/conform-plan.js';
import { UsageError } from '../../cli/command-exit.js';

const base: ConformOptions = { scenario: [], skip: [], samples: '3', timeout: '10000', format: 'text', color: false };
const files = { ...base, contracts: 'contracts/x', replica: 'replica.ts' };

const MISTAKES: Array<[string, Partial<ConformOptions>, RegExp]> = [
  ['no replica', { ...base, contracts: 'c' }, /give --replica or --replica-url/],
  ['two replicas', { ...files, replicaUrl: 'http://x' }, /give --replica or --replica-url/],
  ['a replica URL that is not one', { ...base, contracts: 'c', replicaUrl: 'nope' }, /--replica-url is not a URL/],
  ['no contract', { ...base, replica: 'r.ts' }, /give --subject \(with --registry\) or --contracts/],
  ['a subject without a registry', { ...base, replica: 'r.ts', subject: 's' }, /--subject needs --registry/],
  ['an empty registry variable', { ...base, replica: 'r.ts', subject: 's', registry: '' }, /--subject needs --registry/],
  ['--include-deleted with files', { ...files, includeDeleted: true }, /--include-deleted applies to a registry/],
  ['an unknown scenario', { ...files, scenario: ['nope'] }, /unknown scenario\(s\) nope/],
  ['an unknown skipped scenario', { ...files, skip: ['nah'] }, /unknown scenario\(s\) nah/],
  ['no scenario left', { ...files, scenario: ['stale'], skip: ['stale'] }, /no scenario left/],
  ['a negative seed', { ...files, seed: '-4' }, /--seed must be an integer/],
  ['a seed too large', { ...files, seed: '4294967296' }, /--seed must be an integer/],
  ['zero samples', { ...files, samples: '0' }, /--samples takes positive integers/],
  ['a bad version list', { ...files, versions: '1,x' }, /--versions takes positive integers/],
  ['--publish from files', { ...files, publish: true, consumer: 'c', consumerVersion: '1' }, /--publish records a verification of registered versions/],
  ['--publish without consumer', { ...base, registry: 'http://x', subject: 's', replica: 'r.ts', publish: true }, /--publish needs --consumer and --consumer-version/],
  ['--consumer without --publish', { ...files, consumer: 'c' }, /--consumer and --consumer-version go with --publish/],
  ['a registry that is not a URL', { ...base, registry: 'nope', subject: 's', replica: 'r.ts' }, /--registry is not a URL/],
  ['a run registry port that is not one', { ...files, serveRegistry: '70000' }, /--serve-registry takes a port number/],
  ['a run registry port that is not a number', { ...files, serveRegistry: 'x' }, /--serve-registry takes a port number/],
];

describe('creg conform options', () => {
  for (const [what, options, message] of MISTAKES) {
    it(`refuses ${what}`, () => {
      assert.throws(() => conformPlan({ ...base, ...options }), (error: unknown) => error instanceof UsageError && message.test(error.message));
    });
  }

  it('reads what it accepts', () => {
    const plan = conformPlan({ ...files, seed: '42', versions: '2,3', readerVersion: '3', fields: 'a, b', skip: ['random-history'] });
    assert.equal(plan.seed, 42);
    assert.deepEqual(plan.versions, [2, 3]);
    assert.equal(plan.readerVersion, 3);
    assert.deepEqual(plan.fields, ['a', 'b']);
    assert.ok(!plan.scenarios.some((s) => s.id === 'random-history'));
    assert.equal(plan.client, undefined, 'local files need no registry');
    const published = conformPlan({ ...base, registry: 'http://localhost:8081', subject: 's', replica: 'r.ts', publish: true, consumer: 'c', consumerVersion: '7' });
    assert.equal(published.client?.baseUrl, 'http://localhost:8081');
    assert.deepEqual(published.publish, { consumer: 'c', consumerVersion: '7' });
    assert.ok(Number.isInteger(conformPlan(files).seed), 'a random seed when none is given');
  });

  it('serves a run registry for module replicas always, for HTTP replicas with --serve-registry, on its port', () => {
    assert.deepEqual(conformPlan(files).runRegistry, {});
    assert.deepEqual(conformPlan({ ...files, serveRegistry: '18081' }).runRegistry, { port: 18081 });
    const http = { ...base, contracts: 'c', replicaUrl: 'http://localhost:3000' };
    assert.equal(conformPlan(http).runRegistry, undefined);
    assert.deepEqual(conformPlan({ ...http, serveRegistry: '0' }).runRegistry, { port: 0 });
    const withAuth = conformPlan({ ...base, registry: 'http://x', subject: 's', replica: 'r.ts', token: 't' });
    assert.deepEqual(withAuth.runRegistry, { auth: { token: 't' } });
  });
});
