/**
 * The persistence port of the registry. `prisma/` implements it for SQLite and
 * PostgreSQL; the use cases in `registry/` depend on nothing else.
 */
import type { ConfigValue, Mode } from './config.js';
import type { StoredSchema, SubjectVersion } from './schema.js';

/** A subject and how many of its versions are live / soft-deleted. */
export interface SubjectSummary {
  subject: string;
  liveVersions: number;
  deletedVersions: number;
}

export interface StoreReader {
  schemaById(id: number): Promise<StoredSchema | undefined>;
  schemaByGuid(guid: string): Promise<StoredSchema | undefined>;
  /** Highest schema id ever assigned (0 when none); ids are never reused. */
  maxSchemaId(): Promise<number>;
  /** Every version of the subject, soft-deleted ones included, ascending. */
  subjectVersions(subject: string): Promise<SubjectVersion[]>;
  /** Every subject version (soft-deleted included) that points at this schema id, by subject then version. */
  versionsOfSchema(schemaId: number): Promise<SubjectVersion[]>;
  /** Subjects whose name starts with `prefix` ('' = all) that have at least one version, sorted by name. */
  subjects(prefix: string): Promise<SubjectSummary[]>;
  /** Every version (soft-deleted included) of subjects starting with `prefix`, by subject then version. */
  allVersions(prefix: string): Promise<SubjectVersion[]>;
  /** Ids of schemas that reference `subject` at `version`, ascending. */
  referencedBy(subject: string, version: number): Promise<number[]>;
  /** Config stored at a scope: a subject name or `GLOBAL_SCOPE`. */
  config(scope: string): Promise<ConfigValue | undefined>;
  /** The configs of subjects whose name starts with `prefix` ('' = all; the global scope is not a subject), by subject. */
  subjectConfigs(prefix: string): Promise<Array<{ subject: string; config: ConfigValue }>>;
  mode(scope: string): Promise<Mode | undefined>;
}

export interface StoreWriter extends StoreReader {
  /** Inserts a new schema; its id is unique (its guid need not be: IMPORT may give one content several ids). */
  insertSchema(schema: StoredSchema): Promise<void>;
  /** Removes a schema row no version uses any more, so that IMPORT may give its freed id other content. */
  removeSchema(id: number): Promise<void>;
  /** Inserts a new version; (subject, version) is unique. */
  insertVersion(version: SubjectVersion): Promise<void>;
  markVersionDeleted(subject: string, version: number): Promise<void>;
  /** Removes a version for good (hard delete). The schema row stays, so that only IMPORT reuses its id. */
  removeVersion(subject: string, version: number): Promise<void>;
  putConfig(scope: string, value: ConfigValue): Promise<void>;
  deleteConfig(scope: string): Promise<void>;
  putMode(scope: string, mode: Mode): Promise<void>;
  deleteMode(scope: string): Promise<void>;
}

export interface Store extends StoreReader {
  /**
   * Runs `work` as one atomic transaction. Writers are serialised, across
   * every process sharing the database, so that reading the next id or version
   * and inserting it cannot interleave with another writer.
   */
  write<T>(work: (tx: StoreWriter) => Promise<T>): Promise<T>;
  /**
   * Tells `listener` when other processes sharing the database removed
   * versions for good (hard deletes), with the schema ids those versions used,
   * or `undefined` when it cannot know which (after a lost connection), so
   * that caches of immutable schemas drop them. Optional: a store that no
   * other process writes to has nothing to tell.
   */
  onSchemasRemoved?(listener: (schemaIds: number[] | undefined) => void): void;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
