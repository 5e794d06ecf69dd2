/**
 * The removal feed on PostgreSQL: NOTIFY on a channel inside the deleting
 * transaction (delivered only if it commits), LISTEN on one dedicated
 * connection per node. When that connection drops, notifications may have
 * been missed, so listeners are told to drop everything, and it reconnects.
 */
import type pg from 'pg';
import { connectPostgres, type PostgresSettings } from './postgresql-connection.js';
import type { RemovalFeed } from './removal-feed.js';

export const REMOVALS_CHANNEL = 'creg_schema_removed';
const RECONNECT_DELAY_MS = 1_000;

export function postgresRemovalFeed(settings: PostgresSettings): RemovalFeed {
  const listeners: ((ids: number[] | undefined) => void)[] = [];
  const notify = (ids: number[] | undefined) => listeners.forEach((listener) => listener(ids));
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const listen = async () => {
    if (closed) return;
    try {
      const connection = await connectPostgres(settings);
      connection.on('notification', (message) => {
        const id = Number(message.payload);
        notify(Number.isInteger(id) ? [id] : undefined);
      });
      const lost = () => {
        if (client !== connection) return;
        client = undefined;
        notify(undefined);
        retry = setTimeout(listen, RECONNECT_DELAY_MS);
      };
      connection.on('error', lost);
      connection.on('end', lost);
      await connection.query(`LISTEN ${REMOVALS_CHANNEL}`);
      if (closed) return void (await connection.end());
      client = connection;
    } catch {
      retry = setTimeout(listen, RECONNECT_DELAY_MS);
    }
  };

  return {
    announce: async (tx, subject, version) => {
      await tx.$executeRaw`SELECT pg_notify(${REMOVALS_CHANNEL}, schema_id::text) FROM subject_versions WHERE subject = ${subject} AND version = ${version}`;
    },
    subscribe(listener) {
      listeners.push(listener);
      if (listeners.length === 1) void listen();
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const connection = client;
      client = undefined;
      await connection?.end();
    },
  };
}
