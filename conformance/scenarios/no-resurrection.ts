/**
 * No resurrection (checklist C10, C11, C12; properties P5 and P6 of the
 * reference): a replica remembers a tombstone's sequence — for a key it held,
 * and for one it never saw — so an update older than the delete that
 * arrives after it does not bring the entity back, while a newer upsert
 * re-creates it.
 */
import type { Scenario } from './scenario.js';

export const noResurrection: Scenario = {
  id: 'no-resurrection',
  title: 'No resurrection',
  purpose: 'A stale upsert after a tombstone (of a known or an unseen key) does not bring the entity back; a newer upsert re-creates it.',
  checklist: ['C10', 'C11', 'C12'],
  async check(ctx) {
    await ctx.requireReadable(ctx.version.version);
    await ctx.step('1, tombstone 3, then a late 2', async (step) => {
      const key = step.key();
      await step.deliver([step.upsert(key, 1), step.tombstone(key, 3), step.upsert(key, 2)]);
      await step.expect([key]);
    });
    await ctx.step('tombstone 2 for a key never seen, then a late 1', async (step) => {
      const key = step.key();
      await step.deliver([step.tombstone(key, 2), step.upsert(key, 1)]);
      await step.expect([key]);
    });
    await ctx.step('1, tombstone 2, then a re-create 3', async (step) => {
      const key = step.key();
      await step.deliver([step.upsert(key, 1), step.tombstone(key, 2), step.upsert(key, 3)]);
      await step.expect([key]);
    });
  },
};
