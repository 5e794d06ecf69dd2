/**
 * Starts the real registry on a random port over a fresh SQLite file, the way
 * `creg serve` does, for integration tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer, type RunningServer } from '../../cli/server.js';

export interface TestServer extends RunningServer {
  databaseUrl: string;
  /** Stops the server and removes its database. */
  dispose(): Promise<void>;
}

export function freshDatabaseUrl(): { url: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'creg-test-'));
  return { url: `file:${join(dir, 'registry.db')}`, dir };
}

export async function startTestServer(databaseUrl?: string): Promise<TestServer> {
  const fresh = databaseUrl ? undefined : freshDatabaseUrl();
  const url = databaseUrl ?? fresh!.url;
  const running = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: url, logger: pino({ level: 'silent' }) });
  return {
    ...running,
    databaseUrl: url,
    async dispose() {
      await running.close();
      if (fresh) rmSync(fresh.dir, { recursive: true, force: true });
    },
  };
}
