/**
 * Shrinking a failing history (checklist C24, as property-based testing
 * tools do): drop one event at a time, keeping each drop after which the
 * replica still ends wrong, until no single event can go or the budget of
 * trials is spent. What is left is usually two or three events that show
 * the fault on their own.
 */
import type { Event } from '../events.js';

export async function shrink(events: readonly Event[], stillFails: (events: Event[]) => Promise<boolean>, budget = 150): Promise<Event[]> {
  let current = [...events];
  let trials = 0;
  for (let i = 0; i < current.length && trials < budget; ) {
    const candidate = [...current.slice(0, i), ...current.slice(i + 1)];
    trials += 1;
    if (candidate.length > 0 && (await stillFails(candidate))) current = candidate;
    else i += 1;
  }
  return current;
}
