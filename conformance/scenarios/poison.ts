/**
 * Poison messages (checklist C14, C20): bytes no reader can take — empty
 * bytes (which are not a tombstone: only `null` is), a wrong magic byte, a
 * schema id no registry holds, a truncated payload. The replica refuses each
 * (its `apply` throws; over HTTP it answers 4xx/5xx), keeps the key's state
 * as it was, and goes on processing that key and others.
 */
import type { PoisonKind, Scenario } from './scenario.js';

const KINDS: PoisonKind[] = ['empty-bytes', 'bad-magic-byte', 'unknown-schema-id', 'truncated'];

export const poison: Scenario = {
  id: 'poison',
  title: 'Poison messages',
  purpose:
    'Empty bytes, a bad magic byte, an unknown schema id and a truncated payload are refused, change nothing (empty bytes are not a delete), and processing goes on.',
  checklist: ['C14', 'C20'],
  async check(ctx) {
    await ctx.requireReadable(ctx.version.version);
    for (const kind of KINDS) {
      await ctx.step(`${kind}: refused, state kept, processing goes on`, async (step) => {
        const [key, other] = [step.key(), step.key()];
        await step.deliver([step.upsert(key, 1), step.poison(key, 2, kind), step.upsert(other, 3)]);
        await step.expect([key, other]);
        await step.deliver([step.upsert(key, 4)]);
        await step.expect([key]);
      });
    }
  },
};
