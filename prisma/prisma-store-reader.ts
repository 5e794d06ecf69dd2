/**
 * The registry's reads (`StoreReader`) as Prisma queries. Used on the read
 * connection for plain reads, and on the transaction inside `write` so that a
 * writer reads what it has just written.
 *
 * Subject prefixes are matched with `startsWith` and then again in code: on
 * SQLite, `LIKE` ignores ASCII case, so the query may return more than the
 * prefix. Ordering is done in code too, so that every provider (and its
 * collation) returns the same order.
 */
import { GLOBAL_SCOPE } from '../contracts/config.js';
import type { ConfigValue, Mode } from '../contracts/config.js';
import type { StoredSchema, SubjectVersion } from '../contracts/schema.js';
import type { StoreReader, SubjectSummary } from '../contracts/store.js';
import type { Db } from './db.js';
import {
  bySubjectThenVersion,
  configFromText,
  modeFromText,
  schemaFromRow,
  versionFromRow,
} from './rows.js';

export class PrismaStoreReader implements StoreReader {
  constructor(protected readonly db: Db) {}

  async schemaById(id: number): Promise<StoredSchema | undefined> {
    const row = await this.db.schema.findUnique({ where: { id } });
    return row === null ? undefined : schemaFromRow(row);
  }

  /** Of the ids holding this content (IMPORT may give it several), the lowest one a version uses, else the lowest. */
  async schemaByGuid(guid: string): Promise<StoredSchema | undefined> {
    const row =
      (await this.db.schema.findFirst({ where: { guid, versions: { some: {} } }, orderBy: { id: 'asc' } })) ??
      (await this.db.schema.findFirst({ where: { guid }, orderBy: { id: 'asc' } }));
    return row === null ? undefined : schemaFromRow(row);
  }

  async maxSchemaId(): Promise<number> {
    const { _max } = await this.db.schema.aggregate({ _max: { id: true } });
    return _max.id ?? 0;
  }

  async subjectVersions(subject: string): Promise<SubjectVersion[]> {
    const rows = await this.db.subjectVersion.findMany({ where: { subject }, orderBy: { version: 'asc' } });
    return rows.map(versionFromRow);
  }

  async versionsOfSchema(schemaId: number): Promise<SubjectVersion[]> {
    const rows = await this.db.subjectVersion.findMany({ where: { schemaId } });
    return rows.map(versionFromRow).sort(bySubjectThenVersion);
  }

  async subjects(prefix: string): Promise<SubjectSummary[]> {
    const groups = await this.db.subjectVersion.groupBy({
      by: ['subject', 'deleted'],
      where: subjectStartsWith(prefix),
      _count: { _all: true },
    });
    const summaries = new Map<string, SubjectSummary>();
    for (const group of groups) {
      if (!group.subject.startsWith(prefix)) continue;
      const summary = summaries.get(group.subject) ?? { subject: group.subject, liveVersions: 0, deletedVersions: 0 };
      if (group.deleted) summary.deletedVersions += group._count._all;
      else summary.liveVersions += group._count._all;
      summaries.set(group.subject, summary);
    }
    return [...summaries.values()].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  }

  async allVersions(prefix: string): Promise<SubjectVersion[]> {
    const rows = await this.db.subjectVersion.findMany({ where: subjectStartsWith(prefix) });
    return rows
      .filter((row) => row.subject.startsWith(prefix))
      .map(versionFromRow)
      .sort(bySubjectThenVersion);
  }

  async referencedBy(subject: string, version: number): Promise<number[]> {
    const rows = await this.db.schemaReference.findMany({
      where: { subject, version },
      select: { schemaId: true },
      distinct: ['schemaId'],
    });
    return rows.map((row) => row.schemaId).sort((a, b) => a - b);
  }

  async config(scope: string): Promise<ConfigValue | undefined> {
    const row = await this.db.config.findUnique({ where: { scope } });
    return row === null ? undefined : configFromText(row.value);
  }

  async subjectConfigs(prefix: string): Promise<Array<{ subject: string; config: ConfigValue }>> {
    const rows = await this.db.config.findMany({ where: { scope: { startsWith: prefix, not: GLOBAL_SCOPE } }, orderBy: { scope: 'asc' } });
    return rows.map((row) => ({ subject: row.scope, config: configFromText(row.value) }));
  }

  async mode(scope: string): Promise<Mode | undefined> {
    const row = await this.db.mode.findUnique({ where: { scope } });
    return row === null ? undefined : modeFromText(row.mode);
  }
}

function subjectStartsWith(prefix: string) {
  return prefix === '' ? {} : { subject: { startsWith: prefix } };
}
