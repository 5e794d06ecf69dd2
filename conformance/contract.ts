/**
 * The contract under test: a subject's versions, each with its schema parsed
 * by the registry's own format plug-ins, and the ECST conventions its
 * metadata declares (DESIGN.md, "ECST conventions"): `ecst.key` names the
 * state field that holds the entity key, `ecst.sequence` says where the
 * per-entity sequence travels (`header:<name>` or `field:<name>`).
 */
import type { ParsedSchema } from '../contracts/formats/format.js';
import type { Metadata, ResolvedReference, SchemaType } from '../contracts/schema.js';
import { ToolError } from './errors.js';

export const DEFAULT_SEQUENCE_HEADER = 'ecst-sequence';

export interface EcstSettings {
  /** The state field holding the entity key; undefined when the contract does not say. */
  keyField?: string;
  /** The header that carries the sequence; always sent, tombstones included. */
  sequenceHeader: string;
  /** The state field that also carries it, when the contract says `field:<name>`. */
  sequenceField?: string;
}

export interface ContractVersion {
  version: number;
  /** The id messages are framed with. */
  schemaId: number;
  schemaType: SchemaType;
  /** The schema text as the registry (or the contract file) gives it. */
  schema: string;
  references: ResolvedReference[];
  metadata?: Metadata;
  parsed: ParsedSchema;
  ecst: EcstSettings;
  /** Soft-deleted in the registry (still checked: data written with it may be on the topic). */
  deleted?: boolean;
}

export interface Contract {
  subject: string;
  schemaType: SchemaType;
  /** Ascending by version; never empty. */
  versions: ContractVersion[];
  /** Where the contract came from, for reports: a registry URL or a folder. */
  source: string;
  /** The registry's base URL, when the contract came from one. */
  registryUrl?: string;
}

export function ecstSettings(metadata: Metadata | undefined): EcstSettings {
  const properties = metadata?.properties ?? {};
  const keyField = properties['ecst.key']?.trim() || undefined;
  const sequence = properties['ecst.sequence']?.trim() || `header:${DEFAULT_SEQUENCE_HEADER}`;
  const match = /^(header|field):(.+)$/.exec(sequence);
  if (!match) {
    throw new ToolError(`ecst.sequence must read header:<name> or field:<name>, not ${JSON.stringify(sequence)}`);
  }
  return match[1] === 'header'
    ? { keyField, sequenceHeader: match[2]! }
    : { keyField, sequenceHeader: DEFAULT_SEQUENCE_HEADER, sequenceField: match[2]! };
}

export function versionOf(contract: Contract, version: number): ContractVersion {
  const found = contract.versions.find((v) => v.version === version);
  if (!found) {
    throw new ToolError(
      `Subject ${contract.subject} has no version ${version} (versions: ${contract.versions.map((v) => v.version).join(', ')})`,
    );
  }
  return found;
}

export const latestVersion = (contract: Contract): ContractVersion => contract.versions.at(-1)!;
