/**
 * A local contract's references made concrete, and the register request it
 * becomes. A reference without a version takes the version given in
 * `known` (what this run just published), else the subject's latest
 * registered version; a subject with none is reported as `missing`.
 */
import type { RegisterSchemaRequest, RegistryClient, RegistryFailure, SchemaReference } from '../../client/registry-client.js';
import type { LocalContract, LocalReference } from './local-contract.js';

export type Resolution = { references: SchemaReference[] } | { missing: LocalReference } | { failure: RegistryFailure };

export async function resolveReferences(
  client: RegistryClient,
  contract: LocalContract,
  known: ReadonlyMap<string, number> = new Map(),
): Promise<Resolution> {
  const references: SchemaReference[] = [];
  for (const reference of contract.references) {
    const { name, subject } = reference;
    let version = reference.version ?? known.get(subject);
    if (version === undefined) {
      const latest = await client.subjectVersion(subject, 'latest');
      if (latest.error) {
        return latest.error.kind === 'http' && latest.error.errorCode === 40401 ? { missing: reference } : { failure: latest.error };
      }
      version = latest.data.version;
    }
    references.push({ name, subject, version });
  }
  return { references };
}

export function registerRequest(contract: LocalContract, references: SchemaReference[]): RegisterSchemaRequest {
  return {
    schema: contract.schema,
    schemaType: contract.schemaType,
    ...(references.length > 0 && { references }),
    ...(contract.metadata && { metadata: contract.metadata }),
  };
}
