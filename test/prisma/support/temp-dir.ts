/** A new temporary folder for a test's SQLite files; the test removes it. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'creg-prisma-test-'));
}
