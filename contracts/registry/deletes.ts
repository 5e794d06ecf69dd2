/**
 * Soft and hard deletes of subjects and versions, with Confluent's rules
 * (reference §4.3): a hard delete needs a soft delete first; nothing that a
 * schema still references can go; soft-deleted versions keep their numbers and
 * stay readable by id; when a subject's last version goes for good, its
 * subject-level config and mode go too.
 */
import { errors } from '../errors.js';
import type { SubjectVersion } from '../schema.js';
import type { StoreWriter } from '../store.js';
import { assertWritable, type RegistryContext } from './context.js';
import { isLive, type VersionRef } from './versions.js';

/** Deletes a subject's versions; returns the version numbers deleted. */
export async function deleteSubject(ctx: RegistryContext, subject: string, permanent: boolean): Promise<number[]> {
  const removed = await ctx.store.write(async (tx) => {
    await assertWritable(tx, subject);
    const versions = await tx.subjectVersions(subject);
    if (versions.length === 0) throw errors.subjectNotFound(subject);
    if (!permanent) {
      const live = versions.filter(isLive);
      if (live.length === 0) throw errors.subjectSoftDeleted(subject);
      for (const version of live) await assertNotReferenced(tx, version, 'live');
      for (const version of live) await tx.markVersionDeleted(subject, version.version);
      return live;
    }
    if (versions.some(isLive)) throw errors.subjectNotSoftDeleted(subject);
    for (const version of versions) await assertNotReferenced(tx, version, 'any');
    for (const version of [...versions].reverse()) await tx.removeVersion(subject, version.version);
    await forgetSubjectSettings(tx, subject);
    return versions;
  });
  if (permanent) await evictOrphans(ctx, removed);
  return removed.map((v) => v.version);
}

/** Deletes one version; returns its number. */
export async function deleteVersion(ctx: RegistryContext, subject: string, ref: VersionRef, permanent: boolean): Promise<number> {
  const removed = await ctx.store.write(async (tx) => {
    await assertWritable(tx, subject);
    const versions = await tx.subjectVersions(subject);
    if (versions.length === 0) throw errors.subjectNotFound(subject);
    // "latest" is the latest live version, so it never names a soft-deleted one.
    const version = ref === 'latest' ? versions.filter(isLive).at(-1) : versions.find((v) => v.version === ref);
    if (!version) throw errors.versionNotFound(ref === 'latest' ? -1 : ref);
    if (!permanent) {
      if (version.deleted) throw errors.schemaVersionSoftDeleted(subject, version.version);
      await assertNotReferenced(tx, version, 'live');
      await tx.markVersionDeleted(subject, version.version);
      return version;
    }
    if (!version.deleted) throw errors.schemaVersionNotSoftDeleted(subject, version.version);
    await assertNotReferenced(tx, version, 'any');
    await tx.removeVersion(subject, version.version);
    if (versions.length === 1) await forgetSubjectSettings(tx, subject);
    return version;
  });
  if (permanent) await evictOrphans(ctx, [removed]);
  return removed.version;
}

/** 42206 when a schema (a live one, or any) references this version; the message names it as Confluent's schema key. */
export async function assertNotReferenced(tx: StoreWriter, version: SubjectVersion, by: 'live' | 'any'): Promise<void> {
  for (const id of await tx.referencedBy(version.subject, version.version)) {
    const users = await tx.versionsOfSchema(id);
    if (by === 'any' ? users.length > 0 : users.some(isLive)) {
      throw errors.referenceExists(`{magic=1,keytype=SCHEMA,subject=${version.subject},version=${version.version}}`);
    }
  }
}

async function forgetSubjectSettings(tx: StoreWriter, subject: string): Promise<void> {
  await tx.deleteConfig(subject);
  await tx.deleteMode(subject);
}

/** A schema no version points at any more is no longer served by id. */
export async function evictOrphans(ctx: RegistryContext, removed: SubjectVersion[]): Promise<void> {
  for (const id of new Set(removed.map((v) => v.schemaId))) {
    if ((await ctx.store.versionsOfSchema(id)).length === 0) ctx.cache.evict(id);
  }
}

