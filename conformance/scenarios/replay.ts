/**
 * Replay (property 5 of DESIGN.md): a replica rebuilt by consuming the whole
 * stream from the start ends in the same state as the one that followed it
 * live, and a replica that consumes the stream again from the start (a reset
 * consumer group) changes nothing. On a shared (HTTP) replica the rebuild
 * replays the stream under fresh keys.
 */
import type { Scenario } from './scenario.js';
import { interleave, type History } from './histories.js';

export const replay: Scenario = {
  id: 'replay',
  title: 'Replay',
  purpose:
    'Replaying the whole stream from the start into a fresh replica ends in the same state; replaying it again into the same replica changes nothing.',
  checklist: ['C22', 'C23'],
  async check(ctx) {
    const row = ctx.version.version;
    const reader = ctx.reader.version;
    await ctx.requireReadable(row, reader);
    await ctx.step('a stream of four keys, then the same stream from the start', async (step) => {
      const [a, b, c, d] = [step.key(), step.key(), step.key(), step.key()];
      const histories: History[] = [
        [step.upsert(a, 1), step.upsert(a, 2, { version: reader }), step.upsert(a, 3)],
        [step.upsert(b, 1), step.tombstone(b, 2)],
        [step.upsert(c, 1, { version: reader }), step.tombstone(c, 2), step.upsert(c, 3)],
        [step.upsert(d, 2), step.upsert(d, 5, { version: reader }), step.tombstone(d, 6), step.upsert(d, 8)],
      ];
      const stream = interleave(histories, ctx.rng);
      const keys = [a, b, c, d];
      await step.deliver(stream);
      await step.expect(keys);

      const rebuilt = await step.fresh();
      if (rebuilt) {
        await step.deliver(stream, rebuilt);
        await step.expect(keys, rebuilt);
      } else {
        const copy = step.rekey(stream);
        await step.deliver(copy);
        await step.expect([...new Set(copy.map((e) => e.key))]);
      }

      await step.deliver(stream);
      await step.expect(keys);
    });
  },
};
