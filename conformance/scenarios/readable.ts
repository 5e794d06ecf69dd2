/**
 * Every version readable (checklist C01, C02, C15; property 4 of
 * DESIGN.md): what a producer wrote with this version ends in the replica
 * as the reader schema reads it — resolved, defaults filled in, projection
 * applied — for several seeded samples and for a chain of updates.
 */
import type { Scenario } from './scenario.js';

export const readable: Scenario = {
  id: 'readable',
  title: 'Every version readable',
  purpose:
    "An upsert written with this version ends as the expected state in the replica's reader shape (resolved to the reader schema, defaults filled in, projection applied).",
  checklist: ['C01', 'C02', 'C15'],
  async check(ctx) {
    await ctx.step('one upsert', async (step) => {
      const key = step.key();
      await step.deliver([step.upsert(key, 1)]);
      await step.expect([key]);
    });
    await ctx.step(`${ctx.samples} seeded sample${ctx.samples === 1 ? '' : 's'}, a key each`, async (step) => {
      // Sequences rise across keys too, so that only `interleaving` is about keys being independent.
      const events = Array.from({ length: ctx.samples }, (_, i) => step.upsert(step.key(), i + 1));
      await step.deliver(events);
      await step.expect(events.map((e) => e.key));
    });
    await ctx.step('updates 1, 2, 3 end at the third', async (step) => {
      const key = step.key();
      await step.deliver([step.upsert(key, 1), step.upsert(key, 2), step.upsert(key, 3)]);
      await step.expect([key]);
    });
  },
};
