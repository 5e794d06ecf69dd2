/**
 * The checker against replicas that each get one thing wrong (one file per
 * fault in `fixtures/replicas/`): each fails exactly the scenarios its fault
 * breaks — its own, and where the fault also breaks the randomized
 * histories or the stream scenarios, those — and nothing else. The correct
 * replica passes everything.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failingScenarios } from '../../conformance/index.js';
import { runFixture } from './support/run-fixture.js';

const CASES: Array<{ replica: string; breaks: string; fails: string[] }> = [
  { replica: 'correct', breaks: 'nothing', fails: [] },
  { replica: 'cannot-read-v1', breaks: 'readable', fails: ['readable'] },
  { replica: 'applies-duplicates', breaks: 'redelivery', fails: ['redelivery'] },
  { replica: 'accepts-stale', breaks: 'stale', fails: ['stale', 'random-history'] },
  {
    replica: 'ignores-tombstones',
    breaks: 'tombstone',
    fails: ['tombstone', 'no-resurrection', 'interleaving', 'replay', 'snapshot-catch-up', 'random-history'],
  },
  { replica: 'forgets-tombstones', breaks: 'no-resurrection', fails: ['no-resurrection', 'random-history'] },
  // The shuffled histories catch this one at some seeds only (a tombstone must come before an older create of a new key).
  { replica: 'forgets-unseen-tombstones', breaks: 'no-resurrection', fails: ['no-resurrection', 'random-history'] },
  { replica: 'global-sequence', breaks: 'interleaving', fails: ['interleaving', 'replay', 'snapshot-catch-up', 'random-history'] },
  { replica: 'shared-dedupe', breaks: 'replay', fails: ['replay'] },
  { replica: 'mangles-unicode', breaks: 'edge-values', fails: ['edge-values'] },
  { replica: 'empty-bytes-delete', breaks: 'poison', fails: ['poison'] },
  { replica: 'known-ids-only', breaks: 'future-schema', fails: ['future-schema'] },
  { replica: 'text-sequence', breaks: 'random-history', fails: ['random-history'] },
  { replica: 'ignores-sequence', breaks: 'ordering', fails: ['redelivery', 'stale', 'no-resurrection', 'random-history'] },
];

describe('faulty replicas fail exactly the scenarios they break', () => {
  for (const { replica, breaks, fails } of CASES) {
    it(`${replica} (breaks ${breaks}) fails ${fails.length === 0 ? 'nothing' : fails.join(', ')}`, async () => {
      const report = await runFixture(replica);
      assert.deepEqual(failingScenarios(report), fails);
      assert.equal(report.summary.success, fails.length === 0);
      for (const cell of report.cells.filter((c) => c.status === 'fail')) {
        assert.ok(cell.failures.length > 0, `${cell.scenario} × v${cell.version} says what failed`);
      }
    });
  }

  it('a replica that cannot read v1 fails readable at v1 only, and its other v1 cells are skipped as blocked', async () => {
    const report = await runFixture('cannot-read-v1');
    const failed = report.cells.filter((c) => c.status === 'fail').map((c) => `${c.scenario}@v${c.version}`);
    assert.deepEqual(failed, ['readable@v1']);
    const skipped = report.cells.filter((c) => c.status === 'skipped');
    assert.ok(skipped.length > 0 && skipped.every((c) => c.version === 1 && /blocked: v1 is not readable/.test(c.reason ?? '')));
    assert.ok(report.cells.filter((c) => c.version !== 1).every((c) => c.status === 'pass'));
    const failure = report.cells.find((c) => c.status === 'fail')!.failures[0]!;
    assert.match(failure.message, /refused a valid message: .*no decoder for v1/);
    assert.deepEqual(failure.expected, { accepted: true });
  });

  it('says what was sent, what was expected and what the replica returned', async () => {
    const report = await runFixture('forgets-unseen-tombstones', { scenarios: undefined });
    const failure = report.cells.find((c) => c.status === 'fail')!.failures[0]!;
    assert.equal(failure.step, 'tombstone 2 for a key never seen, then a late 1');
    assert.deepEqual(
      failure.sent.map((e) => [e.kind, e.sequence]),
      [
        ['tombstone', 2],
        ['upsert', 1],
      ],
    );
    assert.deepEqual(failure.expected, { absent: true });
    assert.ok(failure.actual && 'state' in failure.actual);
    assert.equal((failure.actual.state as { account_id: string }).account_id, failure.key);
  });

  it('shrinks a failing random history to the events that still fail', async () => {
    const report = await runFixture('text-sequence');
    for (const cell of report.cells.filter((c) => c.scenario === 'random-history')) {
      const shrunk = cell.failures.find((f) => f.step.startsWith('shrunk: '));
      assert.ok(shrunk, `v${cell.version} reports a shrunk history`);
      const sequences = shrunk.sent.map((e) => String(e.sequence));
      assert.equal(sequences.length, 2, 'two events show text comparison of sequences');
      const [a, b] = sequences as [string, string];
      assert.notEqual(Number(a) < Number(b), a < b, `${sequences.join(', ')}: numbers and text order them differently`);
    }
  });

  it('repeats a run exactly from its seed', async () => {
    const first = await runFixture('text-sequence');
    const second = await runFixture('text-sequence');
    const shape = (report: typeof first) =>
      report.cells.map((c) => [c.scenario, c.version, c.status, c.failures.map((f) => f.sent.map((e) => [e.kind, e.sequence, e.state]))]);
    // Keys differ between runs (they carry the run); the states are the same but for the key field.
    const withoutKeys = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/"[0-9a-z]+\/[a-z-]+\.v\d-\d+"/g, '"KEY"')) as unknown;
    assert.deepEqual(withoutKeys(shape(first)), withoutKeys(shape(second)));
  });
});
