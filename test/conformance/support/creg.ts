/**
 * Runs the `creg` command line as a user would (a child process under tsx),
 * answering its exit code and output.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CregRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function creg(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CregRun> {
  return new Promise((resolve, reject) => {
    // The registry comes from the arguments only, never from the caller's environment.
    const { CREG_REGISTRY_URL: _ignored, ...inherited } = process.env;
    const env = { ...inherited, NO_COLOR: '1', ...options.env };
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
