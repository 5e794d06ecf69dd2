/**
 * Fresh PostgreSQL databases for tests, made through an admin URL
 * (`CREG_TEST_POSTGRES_URL`: a user that may create databases, and the
 * database it connects to for that). Each gets a unique name, the same user
 * and password, and is dropped afterwards, with whatever connections a test
 * left open on it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const POSTGRES_URL_VARIABLE = 'CREG_TEST_POSTGRES_URL';

export interface FreshPostgresDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function onAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createPostgresDatabase(adminUrl: string): Promise<FreshPostgresDatabase> {
  const name = `creg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    name,
    drop: () =>
      (dropped ??= onAdmin(adminUrl, async (client) => {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      })),
  };
}
