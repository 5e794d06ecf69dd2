/**
 * Randomized histories (checklist C24): per key, a seeded history of upserts
 * (this version or the reader's) and tombstones with rising, gapped
 * sequences that pass 10 (so text comparison of sequences shows), delivered
 * in a random order with random duplicates. The oracle: for each key the
 * highest sequence wins, absent if that was a tombstone. A failing key's
 * history is shrunk to the fewest events that still fail (`shrink.ts`),
 * reported as a step of its own; the run's seed repeats it all (`--seed`).
 */
import type { Event } from '../events.js';
import type { Scenario } from './scenario.js';
import { shrink } from './shrink.js';

const ROUNDS = 3;
const KEYS = 6;

export const randomHistory: Scenario = {
  id: 'random-history',
  title: 'Randomized histories',
  purpose:
    'Seeded random histories per key, shuffled with duplicates, end as the oracle says: the highest sequence wins, absent if it was a tombstone.',
  checklist: ['C24'],
  async check(ctx) {
    const row = ctx.version.version;
    const reader = ctx.reader.version;
    await ctx.requireReadable(row, reader);
    const rng = ctx.rng;
    let failing: Event[] | undefined;
    for (let round = 1; round <= ROUNDS; round++) {
      await ctx.step(`round ${round}: ${KEYS} keys, shuffled, with duplicates (seed ${ctx.seed})`, async (step) => {
        const keys = Array.from({ length: KEYS }, () => step.key());
        const events: Event[] = [];
        for (const key of keys) {
          let sequence = rng.int(1, 3);
          for (let n = rng.int(6, 12); n > 0; n--) {
            const deletes = rng.bool(0.3);
            events.push(deletes ? step.tombstone(key, sequence) : step.upsert(key, sequence, { version: rng.pick([row, reader]) }));
            sequence += rng.int(1, 3);
          }
        }
        const duplicates = Array.from({ length: Math.ceil(events.length / 4) }, () => rng.pick(events));
        const stream = rng.shuffle([...events, ...duplicates]);
        await step.deliver(stream);
        await step.expect(keys);
        failing ??= stream.filter((e) => e.key === step.failedKeys()[0]);
      });
    }
    if (failing && failing.length > 0) {
      const minimal = await shrink(failing, (candidate) => ctx.stillFails(candidate));
      await ctx.step(`shrunk: ${minimal.length} of the ${failing.length} events of a failing key still fail`, async (step) => {
        const sent = step.rekey(minimal);
        await step.deliver(sent);
        await step.expect([...new Set(sent.map((e) => e.key))]);
      });
    }
  },
};
