/**
 * The checker's oracle for every scenario (reference Part C.3): for each key,
 * the event with the highest sequence among those delivered, tombstones
 * counting as events, wins; the key is present iff that event is an upsert.
 * Events a correct replica must refuse do not count. Two events with the
 * same sequence: the first delivered wins (C07, "keep first"). This keeps
 * the verdict independent of how the replica stores anything.
 */
import type { Event } from './events.js';

export function winner(delivered: readonly Event[], key: string): Event | undefined {
  let best: Event | undefined;
  for (const event of delivered) {
    if (event.key !== key || event.mustReject) continue;
    if (best === undefined || event.sequence > best.sequence) best = event;
  }
  return best;
}

/** The keys of the events, in first-delivered order. */
export function keysOf(events: readonly Event[]): string[] {
  return [...new Set(events.map((e) => e.key))];
}
