/**
 * Starts `concurrent-writer.ts` in several processes on one database, lets
 * them all start writing at once, and returns every id they inserted. Fails,
 * with what the writers printed, when one of them fails or they take longer
 * than `timeoutMs`; the others are then stopped.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const WRITER = fileURLToPath(new URL('./concurrent-writer.ts', import.meta.url));

export async function runWriters(
  url: string,
  processes: number,
  writesEach: number,
  timeoutMs = 60_000,
): Promise<number[]> {
  const writers = Array.from({ length: processes }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, url, String(writesEach)]);
    const output = { stdout: '', stderr: '' };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output.stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output.stderr += chunk));
    const ready = new Promise<void>((resolve) => {
      const poll = () => (/^ready$/m.test(output.stdout) ? resolve() : setTimeout(poll, 10).unref());
      poll();
    });
    const done = once(child, 'exit').then(([code]) => {
      if (code !== 0) throw new Error(`a writer exited with ${code}:\n${output.stdout}${output.stderr}`);
      return JSON.parse(output.stdout.trim().split('\n').at(-1) ?? '') as number[];
    });
    done.catch(() => {});
    return { child, output, ready: Promise.race([ready, done.then(() => {})]), done };
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const printed = writers.map((w) => `${w.output.stdout}${w.output.stderr}`).join('\n---\n');
      reject(new Error(`writers took more than ${timeoutMs} ms:\n${printed}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([
      (async () => {
        await Promise.all(writers.map((w) => w.ready));
        for (const { child } of writers) child.stdin.end('go\n');
        return (await Promise.all(writers.map((w) => w.done))).flat();
      })(),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
    for (const { child } of writers) if (child.exitCode === null) child.kill();
  }
}
