/**
 * The built `creg` command line (`dist/cli/main.js`, which `npm test` builds
 * first) in a child process, as CI runs it, with a clean environment (no
 * `CREG_REGISTRY*` from the caller's), answering its exit code and output.
 * tsx is loaded only for the TypeScript replica modules `creg conform` may
 * import. Run `npm run build` before running these tests alone. Also a
 * registry URL that refuses connections, for the "unreachable" paths.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CregRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function creg(args: string[], env: Record<string, string> = {}): Promise<CregRun> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CREG_REGISTRY')));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      { cwd: ROOT, env: { ...inherited, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A loopback URL nothing listens on: the port of a server just closed. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** The run, for an assertion message. */
export const shown = (run: CregRun) => `exit ${run.code}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
