/**
 * The contracts a codegen run asks for: subjects from the registry (every
 * version) and subjects from files, in the order asked.
 */
import type { RegistryAuth } from '../client/registry-client.js';
import type { SubjectEntry } from './config.js';
import type { SubjectContract } from './model.js';
import { readFileContract } from './sources/contract-files.js';
import { RegistryReader } from './sources/registry-reader.js';

export async function readContracts(
  entries: readonly SubjectEntry[],
  registryUrl: string | undefined,
  /** The registry's credentials. */
  auth?: RegistryAuth,
): Promise<SubjectContract[]> {
  const registry = registryUrl === undefined ? undefined : new RegistryReader(registryUrl, auth);
  const contracts: SubjectContract[] = [];
  for (const entry of entries) {
    // How an Avro subject's longs are typed is the entry's choice, wherever its versions come from.
    const longs = entry.avroLong === undefined ? {} : { avroLong: entry.avroLong };
    if (entry.files !== undefined) {
      contracts.push({ ...(await readFileContract({ ...entry, files: entry.files }, registry)), ...longs });
      continue;
    }
    if (registry === undefined) {
      throw new Error(`${entry.subject} is to be read from a registry, and none is given (--registry, CREG_REGISTRY_URL, or "registry" in creg.config.json)`);
    }
    const versions = await registry.versions(entry.subject);
    if (versions.length === 0) throw new Error(`${entry.subject} has no versions in ${registryUrl}`);
    contracts.push({ subject: entry.subject, ...(entry.name === undefined ? {} : { name: entry.name }), versions, ...longs });
  }
  return contracts;
}
