/**
 * The schema engine's timers. The engine sets timeouts through its glue's
 * `setTimeout` import (on PostgreSQL, a 10 s limit on taking Prisma's
 * migration advisory lock) and never clears them, so each finished migration
 * would keep Node's event loop alive for up to that long: a server does not
 * notice, a CLI run or a test process waits. The import is wrapped here so
 * that every engine timer is remembered, and all of them are cleared once no
 * engine is at work in the process any more.
 */
type SetTimeoutImport = (callback: () => void, ms: number) => unknown;

const pending = new Set<ReturnType<typeof setTimeout>>();
let running = 0;

/** The glue's imports, with each `__wbg_setTimeout_*` function tracked. */
export function withTrackedTimers<T extends object>(glue: T): T {
  const imports: Record<string, unknown> = { ...(glue as Record<string, unknown>) };
  for (const [name, value] of Object.entries(glue)) {
    if (!name.startsWith('__wbg_setTimeout_') || typeof value !== 'function') continue;
    imports[name] = (callback: () => void, ms: number) => {
      const timer = (value as SetTimeoutImport)(() => {
        pending.delete(timer as ReturnType<typeof setTimeout>);
        callback();
      }, ms) as ReturnType<typeof setTimeout>;
      pending.add(timer);
      return timer;
    };
  }
  return imports as T;
}

/** Runs engine work; the last one to finish clears the timers the engines left. */
export async function engineAtWork<T>(work: () => Promise<T>): Promise<T> {
  running++;
  try {
    return await work();
  } finally {
    if (--running === 0) {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    }
  }
}
