/**
 * Starts `concurrent-auditor.ts` in one process per entry of `batches`, on
 * one database, and lets them all start appending at once: each appends its
 * entry's batches concurrently. Fails, with what the auditors printed, when
 * one of them fails or they take longer than `timeoutMs`; the others are
 * then stopped.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { AuditEvent } from '../../../contracts/audit.js';

const AUDITOR = fileURLToPath(new URL('./concurrent-auditor.ts', import.meta.url));

export async function runAuditors(url: string, batches: AuditEvent[][][], timeoutMs = 60_000): Promise<void> {
  const auditors = batches.map((own) => {
    const child = spawn(process.execPath, ['--import', 'tsx', AUDITOR, url], { timeout: timeoutMs });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const done = once(child, 'exit').then(([code, signal]) => {
      if (code !== 0) throw new Error(`an auditor exited with ${code ?? signal}:\n${output}`);
    });
    done.catch(() => {});
    const ready = new Promise<void>((resolve) => {
      const poll = () => (/^ready$/m.test(output) ? resolve() : setTimeout(poll, 10).unref());
      poll();
    });
    return { child, own, ready: Promise.race([ready, done]), done };
  });
  try {
    await Promise.all(auditors.map((a) => a.ready));
    for (const { child, own } of auditors) child.stdin.end(`${JSON.stringify(own)}\n`);
    await Promise.all(auditors.map((a) => a.done));
  } finally {
    for (const { child } of auditors) if (child.exitCode === null) child.kill();
  }
}
