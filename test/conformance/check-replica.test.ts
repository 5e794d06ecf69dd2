/**
 * `checkReplica` from a test suite (here node:test), as consumers import it
 * (`contract-registry/conformance`, the package's own exports, so this needs
 * `npm run build`): a conforming replica resolves to the
 * report; a faulty one throws an `AssertionError` whose message lists the
 * failed scenarios and why.
 */
import assert, { AssertionError } from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createReplica as kafkajsAvro } from './fixtures/client-replicas/kafkajs-avro.js';
import { ROOT } from './support/creg.js';

const CONTRACT = join(ROOT, 'test/conformance/fixtures/contracts/account-value');
const fixture = (name: string) => join(ROOT, 'test/conformance/fixtures/replicas', `${name}.ts`);
// A variable, so that the type comes from the sources and the module from the package's exports (dist/). Only
// dist/ is loaded: two copies of the registry (sources and dist) in one process would load Prisma's engine twice.
const PACKAGE_ENTRY = 'contract-registry/conformance';
const fromPackage = async () => (await import(PACKAGE_ENTRY)) as typeof import('../../cli/check-replica.js');
const { checkReplica: checkFromSources } = await fromPackage();

describe('checkReplica', () => {
  it('imported as contract-registry/conformance, returns the report of a conforming replica (a module path)', async () => {
    const { checkReplica } = await fromPackage();
    const report = await checkReplica({ contracts: CONTRACT, replica: fixture('correct'), seed: 3 });
    assert.equal(report.summary.success, true);
    assert.equal(report.cells.length, 3 * report.scenarios.length);
  });

  it('takes a createReplica function, which gets the run registry: a Confluent-client replica passes future-schema', async () => {
    const report = await checkFromSources({ contracts: CONTRACT, replica: kafkajsAvro, seed: 4 });
    const future = report.cells.filter((c) => c.scenario === 'future-schema');
    assert.deepEqual(future.map((c) => c.status), ['pass', 'pass', 'pass']);
  });

  it('throws a readable AssertionError naming the failed scenarios, the versions and why', async () => {
    const { checkReplica } = await fromPackage();
    await assert.rejects(
      checkReplica({ contracts: CONTRACT, replica: fixture('applies-duplicates'), seed: 5 }),
      (error: unknown) => {
        assert.ok(error instanceof AssertionError, 'an AssertionError');
        assert.equal((error as Error).name, 'ReplicaConformanceError');
        const message = (error as Error).message;
        assert.match(message, /does not conform to account-value: 1 scenario failed \(redelivery\)/);
        assert.match(message, /^ {2}redelivery \(v1, v2, v3\): key "[^"]+": /m);
        assert.match(message, /Repeat this run with seed 5\./);
        assert.deepEqual((error as unknown as { report: { summary: { success: boolean } } }).report.summary.success, false);
        return true;
      },
    );
  });

  it('rejects options the command would refuse, before running anything', async () => {
    await assert.rejects(checkFromSources({ contracts: CONTRACT }), /give --replica or --replica-url/);
    await assert.rejects(checkFromSources({ contracts: CONTRACT, replica: kafkajsAvro, scenarios: ['nope'] }), /unknown scenario\(s\) nope/);
  });
});
