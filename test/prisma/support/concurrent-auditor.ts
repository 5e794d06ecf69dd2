/**
 * A separate process appending to a shared database's audit trail, for the
 * exactly-once tests: `node --import tsx concurrent-auditor.ts URL` opens the
 * store, prints `ready`, reads one line of JSON from stdin (batches of audit
 * records, so that several such processes start appending together), appends
 * all its batches at once, and exits 0 once every append succeeded.
 */
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { isAuditStore, type AuditEvent } from '../../../contracts/audit.js';
import { openStore } from '../../../prisma/open-store.js';

const [url] = process.argv.slice(2);
const store = await openStore(url);
try {
  if (!isAuditStore(store)) throw new Error('the store keeps no audit trail');
  console.log('ready');
  const lines = createInterface({ input: process.stdin });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  const batches = JSON.parse(line) as AuditEvent[][];
  await Promise.all(batches.map((batch) => store.appendAudit(batch)));
} finally {
  await store.close();
}
