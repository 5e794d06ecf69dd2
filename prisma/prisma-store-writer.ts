/**
 * The registry's writes (`StoreWriter`), run on the transaction that
 * `PrismaStore.write` opens. A unique-constraint violation can only mean that
 * two writers were not serialised (the registry reads the next id or version
 * before inserting it), so it becomes an error that says so instead of
 * Prisma's P2002. Marking, removing or deleting what is not there changes
 * nothing: the registry looks before it writes.
 */
import type { ConfigValue, Mode } from '../contracts/config.js';
import type { StoredSchema, SubjectVersion } from '../contracts/schema.js';
import type { StoreWriter } from '../contracts/store.js';
import type { Db } from './db.js';
import { PrismaStoreReader } from './prisma-store-reader.js';
import { configToText, schemaToRow, versionToRow } from './rows.js';

/** Runs in the transaction before a version is removed for good, e.g. to tell other nodes. */
export type AnnounceRemoval = (tx: Db, subject: string, version: number) => Promise<void>;

export class PrismaStoreWriter extends PrismaStoreReader implements StoreWriter {
  constructor(
    db: Db,
    private readonly announceRemoval?: AnnounceRemoval,
  ) {
    super(db);
  }

  async insertSchema(schema: StoredSchema): Promise<void> {
    const referenceRows = schema.references.map((ref, position) => ({
      position,
      name: ref.name,
      subject: ref.subject,
      version: ref.version,
    }));
    await this.db.schema
      .create({ data: { ...schemaToRow(schema), referenceRows: { create: referenceRows } } })
      .catch(rethrowUnique(`schema id ${schema.id}`));
  }

  async removeSchema(id: number): Promise<void> {
    await this.db.schemaReference.deleteMany({ where: { schemaId: id } });
    await this.db.schema.deleteMany({ where: { id } });
  }

  async insertVersion(version: SubjectVersion): Promise<void> {
    await this.db.subjectVersion
      .create({ data: versionToRow(version) })
      .catch(rethrowUnique(`version ${version.version} of subject ${JSON.stringify(version.subject)}`));
  }

  async markVersionDeleted(subject: string, version: number): Promise<void> {
    await this.db.subjectVersion.updateMany({ where: { subject, version }, data: { deleted: true } });
  }

  async removeVersion(subject: string, version: number): Promise<void> {
    await this.announceRemoval?.(this.db, subject, version);
    await this.db.subjectVersion.deleteMany({ where: { subject, version } });
  }

  async putConfig(scope: string, value: ConfigValue): Promise<void> {
    const text = configToText(value);
    await this.db.config.upsert({ where: { scope }, create: { scope, value: text }, update: { value: text } });
  }

  async deleteConfig(scope: string): Promise<void> {
    await this.db.config.deleteMany({ where: { scope } });
  }

  async putMode(scope: string, mode: Mode): Promise<void> {
    await this.db.mode.upsert({ where: { scope }, create: { scope, mode }, update: { mode } });
  }

  async deleteMode(scope: string): Promise<void> {
    await this.db.mode.deleteMany({ where: { scope } });
  }
}

/** Prisma's code for a unique constraint violation. */
const UNIQUE_VIOLATION = 'P2002';

function rethrowUnique(what: string) {
  return (error: unknown): never => {
    if ((error as { code?: unknown } | null)?.code === UNIQUE_VIOLATION) {
      throw new Error(
        `store: ${what} already exists; concurrent writers were not serialised (a bug in the store)`,
        { cause: error },
      );
    }
    throw error;
  };
}
