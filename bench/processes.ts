/**
 * Starting the servers under test as child processes, so that the load
 * generator in this process does not share their event loop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildServer {
  url: string;
  stop(): Promise<void>;
}

/** Spawns a Node script and waits for the stdout JSON line that says it is ready at `url` (the registry's `registry listening`). */
export function startChild(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ChildServer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { url?: string; msg?: string };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      const url = entry.url;
      // The registry logs its URL first when it starts listening, then again once its database is ready.
      if (!url || (entry.msg !== undefined && entry.msg !== 'registry listening')) return;
      child.removeAllListeners('exit');
      resolve({
        url,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
