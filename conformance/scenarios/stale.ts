/**
 * Stale and out-of-order events (checklist C04, C05, C06; property 2): an
 * event whose sequence is not above the last applied one for its key
 * changes nothing, however late it arrives; a gap (a sequence never
 * delivered) is harmless, since every event carries the full state.
 */
import type { Scenario } from './scenario.js';

export const stale: Scenario = {
  id: 'stale',
  title: 'Stale and out of order',
  purpose: 'A lower sequence after a higher one is ignored (a late update, a late duplicate); a gap in sequences is harmless.',
  checklist: ['C04', 'C05', 'C06'],
  async check(ctx) {
    await ctx.requireReadable(ctx.version.version);
    await ctx.step('sequence 3, then a late 2', async (step) => {
      const key = step.key();
      await step.deliver([step.upsert(key, 3), step.upsert(key, 2)]);
      await step.expect([key]);
    });
    await ctx.step('1, 2, then a late duplicate of 1', async (step) => {
      const key = step.key();
      const first = step.upsert(key, 1);
      await step.deliver([first, step.upsert(key, 2), first]);
      await step.expect([key]);
    });
    await ctx.step('1, then 4 (2 and 3 never arrive)', async (step) => {
      const key = step.key();
      await step.deliver([step.upsert(key, 1), step.upsert(key, 4)]);
      await step.expect([key]);
    });
  },
};
