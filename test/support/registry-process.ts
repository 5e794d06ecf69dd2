/**
 * The real `creg serve` in a child process, for tests that restart, drain or
 * kill it: started on a random loopback port over a given database, handed
 * over once it logs `registry listening` with its URL (or, with
 * `{ until: 'accepting' }`, as soon as it logs `accepting connections`, before
 * its database is open: for tests of what a starting node answers). Its log
 * lines can be awaited by message, its stderr is kept for the failure
 * message when it exits before that or does not get there in time. It
 * drains for 0 s on SIGTERM unless `CREG_DRAIN_SECONDS` says otherwise, so
 * that tests which only restart nodes do not wait for a drain.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
export const START_TIMEOUT_MS = 60_000;

/** What `creg serve` logs when it listens, and when it is ready (its database open and migrated). */
export const ACCEPTING_MESSAGE = 'accepting connections; ready once the database is';
export const READY_MESSAGE = 'registry listening';

export interface ServeOptions {
  /** Hand the process over once it accepts connections, or (the default) once it is ready. */
  until?: 'accepting' | 'ready';
}

/** One JSON log line of the process (pino's fields). */
export type LogEntry = { msg?: string; [field: string]: unknown };

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RegistryProcess {
  url: string;
  child: ChildProcess;
  /** Resolves once the node is ready and handles signals (already resolved unless started with `until: 'accepting'`). */
  ready: Promise<void>;
  /** Resolves once the process is gone. */
  exited: Promise<Exit>;
  /** Resolves with the first log line with this message, logged before or after the call; rejects if the process exits without it. */
  logged(msg: string): Promise<LogEntry>;
  /** Sends a signal and returns at once (e.g. a second SIGTERM during the drain). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM (graceful shutdown); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown at all, as a crash or an OOM kill; resolves once the process is gone. */
  kill(): Promise<void>;
}

export function serveRegistry(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: ServeOptions = {},
): Promise<RegistryProcess> {
  const until = options.until === 'accepting' ? ACCEPTING_MESSAGE : READY_MESSAGE;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', CREG_DRAIN_SECONDS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-8_000)));

  const entries: LogEntry[] = [];
  const waiting: { msg: string; resolve(entry: LogEntry): void; reject(error: Error): void }[] = [];
  let gone: Exit | undefined;
  const exited = new Promise<Exit>((resolve) => {
    void once(child, 'exit').then(([code, signal]) => {
      gone = { code: code as number | null, signal: signal as NodeJS.Signals | null };
      for (const waiter of waiting.splice(0)) waiter.reject(exitedWithout(waiter.msg));
      resolve(gone);
    });
  });
  const exitedWithout = (msg: string) =>
    new Error(
      `creg serve exited (${gone!.code ?? gone!.signal}) without logging ${JSON.stringify(msg)}; ` +
        `its last messages: ${JSON.stringify(entries.slice(-5).map((entry) => entry.msg))}; its stderr:\n${stderr}`,
    );
  const logged = (msg: string): Promise<LogEntry> => {
    const seen = entries.find((entry) => entry.msg === msg);
    if (seen) return Promise.resolve(seen);
    if (gone) return Promise.reject(exitedWithout(msg));
    return new Promise((resolve, reject) => waiting.push({ msg, resolve, reject }));
  };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    let entry: LogEntry;
    try {
      entry = JSON.parse(line) as LogEntry;
    } catch {
      return;
    }
    if (typeof entry !== 'object' || entry === null) return;
    entries.push(entry);
    for (let i = waiting.length - 1; i >= 0; i--) {
      if (waiting[i]!.msg === entry.msg) waiting.splice(i, 1)[0]!.resolve(entry);
    }
  });

  const end = async (signal: NodeJS.Signals): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return (await exited).code;
  };
  // `creg serve` installs its signal handlers before it starts, so a signal sent the moment this line arrives drains it.
  const ready = logged(READY_MESSAGE).then(() => undefined);
  // Awaited by whoever needs it; a node that never gets ready must not be an unhandled rejection.
  ready.catch(() => {});

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`creg serve did not log ${JSON.stringify(until)} within ${START_TIMEOUT_MS} ms:\n${stderr}`));
    }, START_TIMEOUT_MS);
    logged(until).then(
      async (entry) => {
        if (options.until !== 'accepting') await ready.catch(() => {});
        clearTimeout(timer);
        if (typeof entry.url !== 'string') {
          child.kill('SIGKILL');
          reject(new Error(`creg serve logged ${JSON.stringify(until)} without a url: ${JSON.stringify(entry)}`));
          return;
        }
        resolve({
          url: entry.url,
          child,
          ready,
          exited,
          logged,
          signal: (signal) => void child.kill(signal),
          stop: () => end('SIGTERM'),
          kill: async () => {
            await end('SIGKILL');
          },
        });
      },
      (error: Error) => {
        clearTimeout(timer);
        reject(new Error(error.message.replace(/^creg serve exited/, 'creg serve exited early')));
      },
    );
  });
}
