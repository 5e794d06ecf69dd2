/** How `DATABASE_URL` selects the provider and, for SQLite, the file. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDatabaseUrl, redact } from '../../prisma/database-url.js';

describe('parseDatabaseUrl', () => {
  const cwd = '/srv/registry';
  const cases: Array<[string | undefined, ReturnType<typeof parseDatabaseUrl>]> = [
    [undefined, { provider: 'sqlite', file: '/srv/registry/data/registry.db' }],
    ['', { provider: 'sqlite', file: '/srv/registry/data/registry.db' }],
    ['file:/var/lib/creg/registry.db', { provider: 'sqlite', file: '/var/lib/creg/registry.db' }],
    ['file:rel/registry.db', { provider: 'sqlite', file: '/srv/registry/rel/registry.db' }],
    ['file:./rel/../other.db', { provider: 'sqlite', file: '/srv/registry/other.db' }],
    ['file:///var/lib/creg/registry.db', { provider: 'sqlite', file: '/var/lib/creg/registry.db' }],
    ['file:/var/lib/creg/registry.db?connection_limit=1', { provider: 'sqlite', file: '/var/lib/creg/registry.db' }],
    ['postgres://u:p@db:5432/creg', { provider: 'postgresql', url: 'postgres://u:p@db:5432/creg' }],
    ['postgresql://u:p@db/creg?schema=x', { provider: 'postgresql', url: 'postgresql://u:p@db/creg?schema=x' }],
  ];
  for (const [url, expected] of cases) {
    it(`${JSON.stringify(url)} → ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(parseDatabaseUrl(url, cwd), expected);
    });
  }

  it('rejects other schemes without echoing the password', () => {
    assert.throws(
      () => parseDatabaseUrl('mysql://user:s3cret@db/creg', cwd),
      (error: Error) => /file:.*postgres/.test(error.message) && !error.message.includes('s3cret'),
    );
    assert.throws(() => parseDatabaseUrl('file:', cwd), /needs a path/);
  });

  it('redacts passwords only', () => {
    assert.equal(redact('postgres://u:pw@h/db'), 'postgres://u:***@h/db');
    assert.equal(redact('postgres://h/db'), 'postgres://h/db');
  });
});
