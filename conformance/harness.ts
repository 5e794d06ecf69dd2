/**
 * What every cell of a run shares: the contract and its codecs, the
 * replica's reader version and projection, the seed, keys that no step
 * (and, on a shared replica, no earlier run) has used, the schema directory
 * (with the scratch ids of future writers), and one readability probe per
 * version, so that a version the replica cannot read fails `readable` and
 * skips the other scenarios of its row instead of failing them all.
 */
import { randomBytes } from 'node:crypto';
import { codecFor, type SchemaCodec } from './codecs/index.js';
import { type Contract, type ContractVersion, type EcstSettings } from './contract.js';
import { ToolError } from './errors.js';
import type { ReplicaAttachment } from './replica/attachment.js';
import type { SchemaDirectory } from './replica/schema-directory.js';

export interface HarnessOptions {
  contract: Contract;
  reader: ContractVersion;
  fields?: string[];
  attachment: ReplicaAttachment;
  directory: SchemaDirectory;
  seed: number;
  samples: number;
}

export class Harness {
  readonly contract: Contract;
  readonly reader: ContractVersion;
  readonly fields: string[] | undefined;
  readonly attachment: ReplicaAttachment;
  readonly directory: SchemaDirectory;
  readonly seed: number;
  readonly samples: number;
  readonly #codecs = new Map<number, SchemaCodec>();
  readonly #keyPrefix: string;
  #keyCounter: number;
  readonly probes = new Map<number, Promise<string | undefined>>();

  constructor(options: HarnessOptions) {
    this.contract = options.contract;
    this.reader = options.reader;
    this.fields = options.fields;
    this.attachment = options.attachment;
    this.directory = options.directory;
    this.seed = options.seed;
    this.samples = options.samples;
    for (const version of this.contract.versions) this.#codecs.set(version.version, codecFor(version.parsed));
    // Keys carry the run: a replica that keeps something across replicas, or a shared one, never sees a key twice.
    const nonce = randomBytes(4).readUInt32BE(0);
    this.#keyPrefix = `${nonce.toString(36)}/`;
    this.#keyCounter = 100_000_000 + (nonce % 900_000_000);
    this.#checkDeclarations();
  }

  codec(version: number): SchemaCodec {
    const codec = this.#codecs.get(version);
    if (!codec) throw new ToolError(`No version ${version} in ${this.contract.subject}`);
    return codec;
  }

  get readerCodec(): SchemaCodec {
    return this.codec(this.reader.version);
  }

  /** The ECST settings a writer version follows: its own metadata, else the reader's. */
  ecst(version: ContractVersion): EcstSettings {
    const own = version.metadata?.properties ?? {};
    return {
      keyField: own['ecst.key'] !== undefined ? version.ecst.keyField : this.reader.ecst.keyField,
      ...(own['ecst.sequence'] !== undefined ? pickSequence(version.ecst) : pickSequence(this.reader.ecst)),
    };
  }

  /** A new key, an integer when the key field holds integers. */
  nextKey(label: string): string {
    this.#keyCounter += 1;
    const keyField = this.reader.ecst.keyField;
    if (keyField !== undefined && this.readerCodec.fieldKind(keyField) === 'integer') return String(this.#keyCounter);
    return `${this.#keyPrefix}${label}-${this.#keyCounter}`;
  }

  #checkDeclarations(): void {
    const names = this.readerCodec.fieldNames();
    const unknown = this.fields?.filter((f) => !names.includes(f)) ?? [];
    if (unknown.length > 0) {
      throw new ToolError(`The replica keeps field(s) ${unknown.join(', ')}, which reader version ${this.reader.version} does not have`);
    }
    const keyField = this.reader.ecst.keyField;
    if (keyField !== undefined && this.readerCodec.fieldKind(keyField) === undefined) {
      throw new ToolError(`ecst.key names ${keyField}, which reader version ${this.reader.version} does not have`);
    }
  }
}

function pickSequence(settings: EcstSettings): Omit<EcstSettings, 'keyField'> {
  return { sequenceHeader: settings.sequenceHeader, ...(settings.sequenceField !== undefined && { sequenceField: settings.sequenceField }) };
}
