/**
 * The real `creg serve` in a child process, for tests that restart or kill
 * it: started on a random loopback port over a given database, ready once it
 * logs `registry listening` with its URL. Its stderr is kept for the failure
 * message when it exits before that or does not get there in time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
export const START_TIMEOUT_MS = 60_000;

export interface RegistryProcess {
  url: string;
  child: ChildProcess;
  /** SIGTERM (graceful shutdown); resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown at all, as a crash or an OOM kill; resolves once the process is gone. */
  kill(): Promise<void>;
}

export function serveRegistry(databaseUrl: string, env: Record<string, string> = {}): Promise<RegistryProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-8_000)));
  const exited = once(child, 'exit');
  const end = async (signal: NodeJS.Signals): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const [code] = (await exited) as [number | null];
    return code;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`creg serve did not listen within ${START_TIMEOUT_MS} ms:\n${stderr}`));
    }, START_TIMEOUT_MS);
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`creg serve exited early (${code ?? signal}):\n${stderr}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { msg?: string; url?: string };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      if (entry.msg !== 'registry listening' || !entry.url) return;
      clearTimeout(timer);
      resolve({
        url: entry.url,
        child,
        stop: () => end('SIGTERM'),
        kill: async () => {
          await end('SIGKILL');
        },
      });
    });
  });
}
