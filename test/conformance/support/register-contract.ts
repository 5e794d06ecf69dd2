/**
 * Registers a contract folder (`v1.avsc` … and `contract.json`, the
 * checker's local layout) in a running registry, version by version, with
 * the folder's metadata; answers the schema ids in version order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export async function registerContract(registryUrl: string, folder: string, subject?: string): Promise<number[]> {
  const manifest = JSON.parse(readFileSync(join(folder, 'contract.json'), 'utf8')) as { subject: string; metadata?: unknown };
  const files = readdirSync(folder)
    .filter((name) => /^v\d+\.avsc$/.test(name))
    .sort((a, b) => Number(a.slice(1, -5)) - Number(b.slice(1, -5)));
  const ids: number[] = [];
  for (const file of files) {
    const response = await fetch(`${registryUrl}/subjects/${encodeURIComponent(subject ?? manifest.subject)}/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: readFileSync(join(folder, file), 'utf8'), metadata: manifest.metadata }),
    });
    const body = (await response.json()) as { id: number };
    if (!response.ok) throw new Error(`registering ${file}: ${JSON.stringify(body)}`);
    ids.push(body.id);
  }
  return ids;
}
