/**
 * Concurrent registrations spread over several registry nodes, for the
 * multi-node tests. The workload overlaps on purpose: registration `k` puts
 * schema `k mod distinct` under subject `k mod subjects`, so each pair is
 * registered several times (idempotent duplicates, racing each other) and
 * each schema under more than one subject (one id, several subjects), while
 * all the schemas of a subject stay mutually BACKWARD compatible.
 *
 * Registration `k` goes to node `k mod nodes`; when that node cannot be
 * reached (it is down, or died with the request in flight) the client moves
 * to the next node, as a load balancer would. Only a 200 counts as
 * acknowledged; any other status fails the load.
 */
import { customerSchema } from './avro-fixtures.js';
import { eachLimited } from './each-limited.js';

export interface Registration {
  index: number;
  subject: string;
  schemaIndex: number;
  schema: string;
}

export interface Acknowledged extends Registration {
  id: number;
  version: number;
  /** Index of the node that answered. */
  node: number;
}

export function overlappingRegistrations(count: number, subjects: string[], distinctSchemas: number): Registration[] {
  return Array.from({ length: count }, (_, index) => {
    const schemaIndex = index % distinctSchemas;
    return { index, subject: subjects[index % subjects.length]!, schemaIndex, schema: customerSchema(schemaIndex) };
  });
}

export interface LoadOptions {
  /** Requests in flight at once; all of them when omitted. */
  concurrency?: number;
  /** Called after each acknowledgement with the number so far (e.g. to kill a node mid-load). */
  onAcknowledged?(count: number): void;
}

const V1 = 'application/vnd.schemaregistry.v1+json';
const PAUSE_MS = 50;

export async function registerAcross(
  nodes: string[],
  registrations: Registration[],
  options: LoadOptions = {},
): Promise<{ acknowledged: Acknowledged[]; movedToAnotherNode: number }> {
  const acknowledged: Acknowledged[] = [];
  let movedToAnotherNode = 0;
  const attempts = nodes.length * 2;
  await eachLimited(registrations, options.concurrency ?? registrations.length, async (registration) => {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const node = (registration.index + attempt) % nodes.length;
      let res: Response;
      try {
        res = await fetch(`${nodes[node]}/subjects/${encodeURIComponent(registration.subject)}/versions`, {
          method: 'POST',
          headers: { 'Content-Type': V1 },
          body: JSON.stringify({ schema: registration.schema }),
        });
      } catch {
        movedToAnotherNode++;
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        continue;
      }
      const body = (await res.json()) as { id: number; version: number };
      if (res.status !== 200) {
        throw new Error(`registration ${registration.index} on node ${node} answered ${res.status} ${JSON.stringify(body)}`);
      }
      acknowledged.push({ ...registration, id: body.id, version: body.version, node });
      options.onAcknowledged?.(acknowledged.length);
      return;
    }
    throw new Error(`registration ${registration.index}: no node could be reached in ${attempts} attempts`);
  });
  return { acknowledged, movedToAnotherNode };
}
