/**
 * The store with every call timed, by the name of the store operation
 * (`schemaById`, `write`, `auditEvents`, …: a bounded set), wired in once
 * where the server opens the store. A write transaction is timed as one
 * `write`, the calls inside it not apart. Calls that return no promise
 * (subscriptions) pass through untimed.
 */
import type { Store } from '../contracts/store.js';

export function timedStore<S extends Store>(store: S, observe: (operation: string, seconds: number) => void): S {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      // Read from the target itself, so that its private fields and getters see the object they belong to.
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      let timed = wrapped.get(property);
      if (!timed) {
        const call = value as (...args: unknown[]) => unknown;
        timed = (...args: unknown[]) => {
          const started = performance.now();
          const result = call.apply(target, args);
          if (!(result instanceof Promise)) return result;
          const done = () => observe(property, (performance.now() - started) / 1000);
          return result.finally(done);
        };
        wrapped.set(property, timed);
      }
      return timed;
    },
  });
}
