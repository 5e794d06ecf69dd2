/**
 * Starts the real registry on a random port, the way `creg serve` does, for
 * integration tests: over a fresh database of a backend (`backends.ts`;
 * SQLite when none is given), or over a database URL the caller owns.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer, type RunningServer } from '../../cli/server.js';
import { sqlite, type Backend, type FreshDatabase } from './backends.js';

export interface TestServer extends RunningServer {
  databaseUrl: string;
  /** Stops the server and removes its database (unless the caller gave the URL). */
  dispose(): Promise<void>;
}

/** A new SQLite file URL in a new temporary folder (the caller removes `dir`). */
export function freshDatabaseUrl(): { url: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'creg-test-'));
  return { url: `file:${join(dir, 'registry.db')}`, dir };
}

export async function startTestServer(target: string | Backend = sqlite): Promise<TestServer> {
  const fresh: FreshDatabase | undefined = typeof target === 'string' ? undefined : await target.freshDatabase();
  const url = typeof target === 'string' ? target : fresh!.url;
  let running: RunningServer;
  try {
    running = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: url, logger: pino({ level: 'silent' }) });
  } catch (error) {
    await fresh?.dispose();
    throw error;
  }
  return {
    ...running,
    databaseUrl: url,
    async dispose() {
      await running.close();
      await fresh?.dispose();
    },
  };
}
