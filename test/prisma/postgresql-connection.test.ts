/** What a `postgres://` URL and `DATABASE_POOL_SIZE` make of the pool. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_POOL_SIZE, postgresSettings } from '../../prisma/postgresql-connection.js';

describe('postgresSettings', () => {
  const url = 'postgres://u:p@db:5432/creg';

  it('defaults: pool of 10, the URL unchanged', () => {
    assert.deepEqual(postgresSettings(url, {}), {
      connectionString: url,
      poolSize: DEFAULT_POOL_SIZE,
      connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
    });
  });

  it("takes Prisma's connection_limit and pool_timeout out of the URL", () => {
    const settings = postgresSettings(`${url}?sslmode=require&connection_limit=4&pool_timeout=3`, {});
    assert.deepEqual(settings, { connectionString: `${url}?sslmode=require`, poolSize: 4, connectTimeoutMs: 3000 });
  });

  it('DATABASE_POOL_SIZE wins over connection_limit', () => {
    assert.equal(postgresSettings(`${url}?connection_limit=4`, { DATABASE_POOL_SIZE: '25' }).poolSize, 25);
    assert.equal(postgresSettings(url, { DATABASE_POOL_SIZE: ' ' }).poolSize, DEFAULT_POOL_SIZE);
  });

  it('refuses sizes that are not positive integers, and another schema', () => {
    assert.throws(() => postgresSettings(url, { DATABASE_POOL_SIZE: '0' }), /pool size must be a positive integer/);
    assert.throws(() => postgresSettings(`${url}?connection_limit=many`, {}), /pool size must be a positive integer/);
    assert.throws(() => postgresSettings(`${url}?schema=registry`, {}), /schema=registry is not supported/);
    assert.equal(postgresSettings(`${url}?schema=public`, {}).connectionString, url);
  });
});
