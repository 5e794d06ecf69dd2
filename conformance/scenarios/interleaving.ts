/**
 * Interleaving (checklist C21; property P11 of the reference): Kafka orders
 * events per key only, so events of several keys arrive mixed, written with
 * this version and with the reader's. Each key ends as its own events say;
 * nothing leaks from one key to another, and sequences are per key: a key
 * whose sequences are low still applies after another key's high ones.
 */
import type { Scenario } from './scenario.js';

export const interleaving: Scenario = {
  id: 'interleaving',
  title: 'Interleaving',
  purpose:
    "Events of several keys, written with this version and the reader's, arrive mixed; each key ends as its own events say, its sequences its own.",
  checklist: ['C21'],
  async check(ctx) {
    const row = ctx.version.version;
    const reader = ctx.reader.version;
    await ctx.requireReadable(row, reader);
    await ctx.step('A 1, B 1, A 2, B tombstone 2, A 3', async (step) => {
      const [a, b] = [step.key(), step.key()];
      await step.deliver([step.upsert(a, 1), step.upsert(b, 1), step.upsert(a, 2, { version: reader }), step.tombstone(b, 2), step.upsert(a, 3)]);
      await step.expect([a, b]);
    });
    await ctx.step('A 7, B 1, A 8, C 2, B tombstone 2, C 3, D 1', async (step) => {
      const [a, b, c, d] = [step.key(), step.key(), step.key(), step.key()];
      await step.deliver([
        step.upsert(a, 7),
        step.upsert(b, 1, { version: reader }),
        step.upsert(a, 8, { version: reader }),
        step.upsert(c, 2),
        step.tombstone(b, 2),
        step.upsert(c, 3, { version: reader }),
        step.upsert(d, 1),
      ]);
      await step.expect([a, b, c, d]);
    });
  },
};
