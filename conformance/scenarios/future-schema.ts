/**
 * A newer producer (checklist C18, C19; property P9 of the reference): an
 * event written with a schema registered after the replica was built — this
 * version plus an optional field, or plus an enum symbol — framed with a
 * scratch schema id. The unknown field is ignored; the unknown symbol
 * becomes the reader enum's default, or, without one, the message is
 * refused, never silently defaulted. Needs a replica that resolves writer
 * schemas through the run registry (`ReplicaContext.registryUrl`; over
 * HTTP, `--serve-registry`) or `ReplicaContext.schemaById`.
 */
import type { Scenario } from './scenario.js';

export const futureSchema: Scenario = {
  id: 'future-schema',
  title: 'Newer producer',
  purpose:
    "An event written with a newer schema is read with the replica's reader schema: a new field is ignored, a new enum symbol takes the reader's default or is refused.",
  checklist: ['C18', 'C19'],
  async check(ctx) {
    if (!ctx.resolvesScratchSchemas) {
      ctx.skip('the replica resolves writer schemas through its own registry, which holds no scratch schema (serve the run registry: --serve-registry PORT)');
    }
    await ctx.requireReadable(ctx.version.version);
    const futures = ctx.futures();
    if (futures.length === 0) ctx.skip('no newer schema derives from this version (its state is not a record)');
    for (const future of futures) {
      await ctx.step(`written with ${future.change}`, async (step) => {
        const key = step.key();
        await step.deliver([step.upsert(key, 1), step.future(key, 2, future)]);
        await step.expect([key]);
        await step.deliver([step.upsert(key, 3)]);
        await step.expect([key]);
      });
    }
  },
};
