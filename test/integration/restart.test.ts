/**
 * What was acknowledged before a restart is all there after it: the real
 * `creg serve` process is stopped with SIGTERM (graceful shutdown) and
 * started again on the same SQLite file.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { customerSchema } from '../support/avro-fixtures.js';
import { freshDatabaseUrl } from '../support/registry-server.js';

const V1 = 'application/vnd.schemaregistry.v1+json';
const main = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
const database = freshDatabaseUrl();
after(() => rmSync(database.dir, { recursive: true, force: true }));

/** Starts `creg serve` on a random port and resolves with its URL once it logs that it listens. */
function serve(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`creg serve exited early with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'registry listening' && entry.url) resolve({ url: entry.url, child });
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

test('acknowledged registrations, config and deletes survive a restart', async () => {
  const first = await serve();
  const acknowledged: { id: number; version: number }[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await request(first.url)
      .post('/subjects/durable/versions')
      .set('Content-Type', V1)
      .send(JSON.stringify({ schema: customerSchema(i) }));
    assert.equal(res.status, 200, res.text);
    acknowledged.push({ id: res.body.id, version: res.body.version });
  }
  await request(first.url).put('/config/durable').set('Content-Type', V1).send('{"compatibility":"FULL"}').expect(200);
  await request(first.url).delete('/subjects/durable/versions/3').expect(200);
  assert.equal(await stop(first.child), 0, 'graceful shutdown exits 0');

  const second = await serve();
  try {
    assert.deepEqual((await request(second.url).get('/subjects/durable/versions?deletedAsNegative=true')).body, [1, 2, -3, 4, 5, 6, 7, 8, 9, 10]);
    for (const { id, version } of acknowledged) {
      const res = await request(second.url).get(`/subjects/durable/versions/${version}?deleted=true`).expect(200);
      assert.equal(res.body.id, id);
      assert.equal(res.body.schema, customerSchema(version - 1));
      await request(second.url).get(`/schemas/ids/${id}`).expect(200);
    }
    assert.equal((await request(second.url).get('/config/durable')).body.compatibilityLevel, 'FULL');
    const next = await request(second.url).post('/subjects/durable/versions').set('Content-Type', V1).send(JSON.stringify({ schema: customerSchema(20) }));
    assert.equal(next.body.version, 11);
    assert.equal(next.body.id, 11);
  } finally {
    await stop(second.child);
  }
});
