/**
 * Snapshot and catch-up (checklist C22; property P10 of the reference): a
 * replica bootstraps from a compacted topic — the last event per key, so
 * keys first seen at a high sequence and tombstones of keys it never held —
 * then follows a live tail that starts before the snapshot's end, so it
 * re-sends events the snapshot already holds, older ones too, before newer
 * ones. It converges to the highest sequence per key. (Each key's events
 * stay in order, as in a partition, so a fault this catches is also caught
 * by a simpler scenario; this one shows the bootstrap as a whole works.)
 */
import { compact, interleave, type History } from './histories.js';
import type { Scenario } from './scenario.js';

export const snapshotCatchUp: Scenario = {
  id: 'snapshot-catch-up',
  title: 'Snapshot and catch-up',
  purpose:
    'Starting from a compacted snapshot (tombstones of unseen keys included), then a live tail overlapping it, the replica converges to the newest event per key.',
  checklist: ['C22'],
  async check(ctx) {
    const row = ctx.version.version;
    const reader = ctx.reader.version;
    await ctx.requireReadable(row, reader);
    await ctx.step('snapshot of five keys, then a tail that overlaps it', async (step) => {
      const [k1, k2, k3, k4, k5] = [step.key(), step.key(), step.key(), step.key(), step.key()];
      const before: History[] = [
        [step.upsert(k1, 1), step.upsert(k1, 2), step.upsert(k1, 3, { version: reader })],
        [step.upsert(k2, 1), step.tombstone(k2, 2)],
        [step.upsert(k3, 1, { version: reader }), step.upsert(k3, 2)],
        [],
        [step.upsert(k5, 1), step.upsert(k5, 2, { version: reader }), step.upsert(k5, 3)],
      ];
      const after: History[] = [[step.upsert(k1, 4)], [], [step.tombstone(k3, 3)], [step.upsert(k4, 1, { version: reader })], []];
      const snapshot = compact(interleave(before, ctx.rng));
      const overlap = before.map((history) => history.slice(history.length > 2 ? 1 : 0));
      const tail = [...interleave(overlap, ctx.rng), ...interleave(after, ctx.rng)];
      await step.deliver([...snapshot, ...tail]);
      await step.expect([k1, k2, k3, k4, k5]);
    });
  },
};
