/**
 * Redelivery (checklist C03, C07, C23; property 2): at-least-once delivery
 * hands a replica the same message again — right away, or a batch again
 * after a restart between apply and commit. Nothing changes. Two messages
 * with the same sequence but different states: the first one applied stays.
 */
import type { Scenario } from './scenario.js';

export const redelivery: Scenario = {
  id: 'redelivery',
  title: 'Redelivery',
  purpose:
    'A message applied again changes nothing: the same message twice, the last messages again after a restart, and a second state with an already applied sequence all leave the first applied state.',
  checklist: ['C03', 'C07', 'C23'],
  async check(ctx) {
    await ctx.requireReadable(ctx.version.version);
    await ctx.step('the same message twice', async (step) => {
      const key = step.key();
      const first = step.upsert(key, 1);
      await step.deliver([first, first]);
      await step.expect([key]);
    });
    await ctx.step('the last three messages again, as after a restart before commit', async (step) => {
      const key = step.key();
      const events = [1, 2, 3, 4].map((sequence) => step.upsert(key, sequence));
      await step.deliver(events);
      await step.deliver(events.slice(1));
      await step.expect([key]);
    });
    await ctx.step('a different state with an applied sequence keeps the first', async (step) => {
      const key = step.key();
      await step.deliver([step.upsert(key, 1), step.upsert(key, 2), step.upsert(key, 2)]);
      await step.expect([key]);
    });
  },
};
