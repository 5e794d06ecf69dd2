/**
 * Tombstones (checklist C08, C09, C13; property 3): a `null` value deletes
 * the entity; a tombstone for a key never seen, or delivered twice, is
 * harmless (applied without error, nothing appears).
 */
import type { Scenario } from './scenario.js';

export const tombstone: Scenario = {
  id: 'tombstone',
  title: 'Tombstone',
  purpose: 'A tombstone deletes; a tombstone for an unknown key, or the same tombstone twice, is harmless.',
  checklist: ['C08', 'C09', 'C13'],
  async check(ctx) {
    await ctx.requireReadable(ctx.version.version);
    await ctx.step('an upsert, then its tombstone', async (step) => {
      const key = step.key();
      await step.deliver([step.upsert(key, 1), step.tombstone(key, 2)]);
      await step.expect([key]);
    });
    await ctx.step('a tombstone for a key never seen', async (step) => {
      const key = step.key();
      await step.deliver([step.tombstone(key, 1)]);
      await step.expect([key]);
    });
    await ctx.step('the same tombstone twice', async (step) => {
      const key = step.key();
      const deletion = step.tombstone(key, 2);
      await step.deliver([step.upsert(key, 1), deletion, deletion]);
      await step.expect([key]);
    });
  },
};
