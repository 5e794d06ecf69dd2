/**
 * Slows down repeated authentication failures from one address: after a few
 * failures within a minute, each further 401 waits longer before it is sent
 * (doubling up to three seconds: below the five-second idle timeout of
 * Node's HTTP agents, so clients see the 401, not a hang-up), which makes
 * guessing passwords slow without locking anyone out. Memory is bounded:
 * the oldest addresses are forgotten.
 */

const WINDOW_MS = 60_000;
const FREE_FAILURES = 5;
const BASE_DELAY_MS = 100;
const MAX_DELAY_MS = 3_000;
const MAX_ADDRESSES = 10_000;

export class FailureThrottle {
  readonly #failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a failure from `address` and answers how long to hold its response, in milliseconds. */
  failed(address: string): number {
    const now = this.now();
    let entry = this.#failures.get(address);
    if (!entry || now - entry.since > WINDOW_MS) entry = { count: 0, since: now };
    entry.count += 1;
    this.#failures.delete(address);
    this.#failures.set(address, entry);
    if (this.#failures.size > MAX_ADDRESSES) this.#failures.delete(this.#failures.keys().next().value!);
    const excess = entry.count - FREE_FAILURES;
    return excess <= 0 ? 0 : Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (excess - 1));
  }
}
