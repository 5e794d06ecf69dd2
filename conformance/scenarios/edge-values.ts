/**
 * Edge values (checklist C16, C17): samples that together hold every edge
 * value of every field of this version — empty strings, arrays and maps,
 * unicode, minimum and maximum numbers, each union branch (null included),
 * each enum symbol, logical-type edges — each end exactly as the reader
 * schema reads them.
 */
import type { Scenario } from './scenario.js';

export const edgeValues: Scenario = {
  id: 'edge-values',
  title: 'Edge values',
  purpose:
    'States holding every edge value of this version (empty text and collections, unicode, extreme numbers, each union branch and enum symbol, logical-type limits) are kept exactly.',
  checklist: ['C16', 'C17'],
  async check(ctx) {
    await ctx.requireReadable(ctx.version.version);
    await ctx.step('every edge sample, a key each', async (step) => {
      // Sequences rise across keys too, so that only `interleaving` is about keys being independent.
      const events = step.edges().map((sample, i) => step.upsert(step.key(), i + 1, { sample }));
      await step.deliver(events);
      await step.expect(events.map((e) => e.key));
    });
  },
};
