/**
 * Event histories the stream scenarios share: per-key histories in sequence
 * order, merged into one stream that keeps each key's order (as a Kafka
 * partition does) but mixes keys at random, from the cell's seed.
 */
import type { Event } from '../events.js';
import type { Prng } from '../samples/prng.js';

/** One key's history in sequence order. */
export type History = Event[];

/** The histories merged: keys mixed at random, each key's own order kept. */
export function interleave(histories: readonly History[], rng: Prng): Event[] {
  const queues = histories.map((h) => [...h]);
  const stream: Event[] = [];
  for (;;) {
    const open = queues.filter((q) => q.length > 0);
    if (open.length === 0) return stream;
    stream.push(rng.pick(open).shift()!);
  }
}

/** The last event of each key: what a compacted topic keeps (tombstones included). */
export function compact(stream: readonly Event[]): Event[] {
  const last = new Map<string, Event>();
  for (const event of stream) last.set(event.key, event);
  return [...last.values()];
}
