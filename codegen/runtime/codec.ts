/**
 * What every generated serializer is, whatever the format: encode with the
 * latest version's id, decode any version's bytes, and the table of readers
 * by writer schema id behind decoding. Readers of the versions embedded in
 * the generated module are built when the module loads; an id it does not
 * know is fetched from the registry once (asynchronously) and its reader
 * cached, so the synchronous decoder serves it from then on. Part of the
 * codegen runtime, copied into every generated folder.
 */
import { DecodeError, UnknownSchemaError } from './errors.js';
import { currentRegistry, fetchSchemaById, type RegisteredSchema } from './registry.js';
import { asBuffer, HEADER_LENGTH, readSchemaId } from './wire.js';

export interface Codec<State, Input> {
  readonly subject: string;
  /** Confluent wire-format bytes of `value`, written with the latest version's schema id. */
  encode(value: Input): Buffer;
  /** The latest version's shape of bytes written with any embedded (or already fetched) version. */
  decode(bytes: Uint8Array): State;
  /** As `decode`, fetching the writer schema of an id not seen before from the registry, once. */
  decodeAsync(bytes: Uint8Array): Promise<State>;
  /** A top-level field of a state or an input, with the default the encoder would write when absent. */
  field(value: State | Input, name: string): unknown;
}

/** A version the code was generated from; `id` is absent for a contract file that was never registered. */
export interface VersionInfo {
  version: number;
  id?: number;
}

/** Reads the payload of framed bytes (which start at `offset`) with one writer schema. */
export type Reader<State> = (bytes: Buffer, offset: number) => State;

export class ReaderTable<State> {
  private readonly readers = new Map<number, Reader<State>>();
  private readonly loading = new Map<number, Promise<Reader<State>>>();

  constructor(
    private readonly subject: string,
    private readonly versions: readonly VersionInfo[],
    /** The reader of a writer schema fetched from the registry. */
    private readonly fromRegistry: (schema: RegisteredSchema) => Reader<State>,
  ) {}

  add(id: number, reader: Reader<State>): void {
    this.readers.set(id, reader);
  }

  decode(input: Uint8Array): State {
    const bytes = Buffer.isBuffer(input) ? input : asBuffer(this.subject, input);
    const id = readSchemaId(this.subject, bytes);
    const reader = this.readers.get(id);
    if (reader === undefined) throw this.unknown(id, 'decodeAsync fetches it from the registry');
    return reader(bytes, HEADER_LENGTH);
  }

  async decodeAsync(input: Uint8Array): Promise<State> {
    const bytes = asBuffer(this.subject, input);
    const id = readSchemaId(this.subject, bytes);
    const reader = this.readers.get(id) ?? (await this.load(id));
    return reader(bytes, HEADER_LENGTH);
  }

  private load(id: number): Promise<Reader<State>> {
    const registry = currentRegistry();
    if (registry === undefined) {
      return Promise.reject(this.unknown(id, 'no registry is configured to fetch it: call configureRegistry({ url }) or set CREG_REGISTRY_URL'));
    }
    let pending = this.loading.get(id);
    if (pending === undefined) {
      pending = fetchSchemaById(registry, id).then(
        (schema) => {
          const reader = this.fromRegistry(schema);
          this.readers.set(id, reader);
          return reader;
        },
        (error: unknown) => {
          throw new DecodeError(this.subject, `cannot fetch schema id ${id} from ${registry.url}: ${(error as Error).message}`, { cause: error });
        },
      );
      this.loading.set(id, pending);
      pending.then(
        () => this.loading.delete(id),
        () => this.loading.delete(id),
      );
    }
    return pending;
  }

  private unknown(id: number, remedy: string): UnknownSchemaError {
    const known = this.versions.filter((v) => v.id !== undefined).map((v) => `${v.id} (v${v.version})`);
    const generated = known.length > 0 ? `the ids generated for it are ${known.join(', ')}` : 'it was generated without schema ids';
    return new UnknownSchemaError(this.subject, id, `schema id ${id} is not a version this code knows (${generated}); ${remedy}, or regenerate the code`);
  }
}

/** The version entry of the latest version, which encoders write with. */
export function latestVersion<V extends VersionInfo>(subject: string, versions: readonly V[]): V {
  const latest = versions[versions.length - 1];
  if (latest === undefined) throw new Error(`${subject}: no versions`);
  return latest;
}

/** The latest version's schema id, or a clear error when the code was generated from an unregistered file. */
export function encodingId(subject: string, latest: VersionInfo): number {
  if (latest.id === undefined) {
    throw new Error(
      `${subject}: version ${latest.version} was generated from a contract file without a schema id; register it and regenerate (or give its id in creg.config.json)`,
    );
  }
  return latest.id;
}
