/**
 * A replica process killed (SIGKILL) while it applies an event neither
 * loses nor doubles the event, on the SQLite and PostgreSQL stores. A
 * child process (the generated code of the checker's Avro contract and a
 * small consumer, compiled under `strict`) applies a stream of three
 * events for one key, from the start, as a consumer with no committed
 * offset does, and prints each outcome. It is killed:
 *
 * - between the write of event 2 and its commit (the store's
 *   `beforeCommit` pause point): on restart, event 1 is ignored (not
 *   doubled) and event 2 is applied (not lost);
 * - after event 2's commit, before the consumer would commit its offset
 *   (`onChange`, which runs after the commit): on restart, event 2 is
 *   ignored.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { postgresql, type FreshDatabase } from '../support/backends.js';
import { generatedReplica, type GeneratedReplica } from './support/replica-harness.js';

const CHILD = `import { createReplica, toMessage } from './account-value.js';
import type { StoreOption } from './runtime/replica.js';

const pauseAt = process.env['PAUSE'] ?? '';
const hang = (where: string) => {
  process.stdout.write(\`paused \${where}\\n\`);
  return new Promise<void>(() => {});
};
const target = process.env['STORE']!;
const store: StoreOption = target.startsWith('postgres')
  ? { kind: 'postgres', connectionString: target, table: 'crash_replica', beforeCommit: (_key, sequence) => (pauseAt === \`before-commit:\${sequence}\` ? hang('before-commit') : undefined) }
  : { kind: 'sqlite', file: target, beforeCommit: (_key, sequence) => (pauseAt === \`before-commit:\${sequence}\` ? hang('before-commit') : undefined) };
const replica = await createReplica({
  store,
  onChange: (change) => (pauseAt === \`after-commit:\${change.sequence}\` ? hang('after-commit') : undefined),
});
for (const sequence of [1, 2, 3]) {
  const outcome = await replica.apply(toMessage({ account_id: 'k', owner: \`owner \${sequence}\`, status: 'OPEN', balance: sequence }, sequence));
  process.stdout.write(\`\${sequence} \${outcome}\\n\`);
}
const state = await replica.get('k');
process.stdout.write(\`final \${String(await replica.sequenceOf('k'))} \${state?.owner} \${state?.balance}\\n\`);
await replica.close();
`;

interface Run {
  lines: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs the child; with `killOn`, SIGKILLs it as soon as it prints that line. */
function runChild(script: string, env: Record<string, string>, killOn?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (line === killOn) child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 && signal === null) reject(new Error(`the child failed (${code}): ${stderr}`));
      else resolve({ lines, code, signal });
    });
  });
}

const pg = postgresql();

describe('a generated replica killed while it applies an event', () => {
  let replica: GeneratedReplica;
  let script: string;
  before(async () => {
    replica = await generatedReplica('account-value', { 'crash-child.ts': CHILD });
    assert.equal(replica.out.diagnostics, '');
    script = join(replica.out.dir, 'js', 'crash-child.js');
  });
  after(() => replica?.out.dispose());

  for (const store of ['SQLite', 'PostgreSQL'] as const) {
    describe(`${store} store`, { skip: store === 'PostgreSQL' ? pg.skip : undefined }, () => {
      const fresh = async (): Promise<{ target: string; dispose(): Promise<void> }> => {
        if (store === 'PostgreSQL') {
          const db: FreshDatabase = await pg.freshDatabase();
          return { target: db.url, dispose: db.dispose };
        }
        const dir = mkdtempSync(join(tmpdir(), 'creg-crash-'));
        return { target: join(dir, 'replica.db'), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
      };

      test('killed between the write and the commit: on restart the event is applied once', async () => {
        const { target, dispose } = await fresh();
        try {
          const killed = await runChild(script, { STORE: target, PAUSE: 'before-commit:2' }, 'paused before-commit');
          assert.equal(killed.signal, 'SIGKILL');
          assert.deepEqual(killed.lines, ['1 applied', 'paused before-commit']);
          const restarted = await runChild(script, { STORE: target });
          assert.deepEqual(restarted.lines, ['1 ignored', '2 applied', '3 applied', 'final 3 owner 3 3']);
        } finally {
          await dispose();
        }
      });

      test('killed after the commit, before the offset commit: on restart the redelivery is ignored', async () => {
        const { target, dispose } = await fresh();
        try {
          const killed = await runChild(script, { STORE: target, PAUSE: 'after-commit:2' }, 'paused after-commit');
          assert.equal(killed.signal, 'SIGKILL');
          assert.deepEqual(killed.lines, ['1 applied', 'paused after-commit']);
          const restarted = await runChild(script, { STORE: target });
          assert.deepEqual(restarted.lines, ['1 ignored', '2 ignored', '3 applied', 'final 3 owner 3 3']);
        } finally {
          await dispose();
        }
      });
    });
  }
});
