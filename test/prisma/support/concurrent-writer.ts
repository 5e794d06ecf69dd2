/**
 * A separate process writing to a shared database (a SQLite file, a
 * PostgreSQL database), for the cross-process serialisation tests:
 * `node --import tsx concurrent-writer.ts URL COUNT` opens the store, prints
 * `ready`, waits for a line on stdin (so that several such processes start
 * writing together), performs COUNT writes that each read the highest schema
 * id and insert the next one, then prints the ids it inserted as JSON.
 */
import { once } from 'node:events';
import { openStore } from '../../../prisma/open-store.js';

const [url, count] = process.argv.slice(2);
const store = await openStore(url);
const ids: number[] = [];
try {
  console.log('ready');
  await once(process.stdin, 'data');
  process.stdin.pause();
  for (let i = 0; i < Number(count); i++) {
    ids.push(
      await store.write(async (tx) => {
        const id = (await tx.maxSchemaId()) + 1;
        await new Promise((resolve) => setTimeout(resolve, 2));
        await tx.insertSchema({
          id,
          guid: `guid-${id}`,
          schemaType: 'AVRO',
          schema: '"string"',
          references: [],
          ts: Date.now(),
        });
        return id;
      }),
    );
  }
} finally {
  await store.close();
}
console.log(JSON.stringify(ids));
