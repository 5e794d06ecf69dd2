/**
 * The real registry with an auth file, on a random port, for the security
 * tests: the file is written to a temporary folder the caller may rewrite
 * (the server reloads it), and removed with the database on dispose.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer, type RunningServer } from '../../cli/server.js';
import { sqlite, type Backend } from './backends.js';

export interface SecuredServer extends RunningServer {
  authFile: string;
  auditLog: string;
  dispose(): Promise<void>;
}

export async function startSecuredServer(authFileText: string, backend: Backend = sqlite, options: { auditReads?: boolean } = {}): Promise<SecuredServer> {
  const dir = await mkdtemp(join(tmpdir(), 'creg-secured-'));
  const authFile = join(dir, 'auth.yaml');
  const auditLog = join(dir, 'audit.jsonl');
  await writeFile(authFile, authFileText);
  const db = await backend.freshDatabase();
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: db.url,
    logger: pino({ level: 'silent' }),
    authFile,
    auditLog,
    auditReads: options.auditReads,
  }).catch(async (error: unknown) => {
    await db.dispose();
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    ...running,
    authFile,
    auditLog,
    async dispose() {
      await running.close();
      await db.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
