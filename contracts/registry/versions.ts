/**
 * Version ids as Confluent parses them (`rest/VersionId.java`): "latest"
 * (any case, trimmed) or -1 mean the newest live version; otherwise an integer
 * in [1, 2^31-1]. And the lookups of a subject's versions that follow.
 */
import { errors } from '../errors.js';
import type { SubjectVersion } from '../schema.js';

export type VersionRef = number | 'latest';

const MAX_VERSION = 2 ** 31 - 1;

export function parseVersion(text: string): VersionRef {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === 'latest') return 'latest';
  if (!/^-?\d+$/.test(trimmed)) throw errors.invalidVersion(text);
  const n = Number(trimmed);
  if (n === -1) return 'latest';
  if (n < 1 || n > MAX_VERSION) throw errors.invalidVersion(text);
  return n;
}

export const isLive = (v: SubjectVersion) => !v.deleted;

/**
 * The version a request names. Without `includeDeleted`, soft-deleted versions
 * do not exist: 40401 when the subject has none left, 40402 when the version is not there.
 */
export function findVersion(
  subject: string,
  versions: SubjectVersion[],
  ref: VersionRef,
  includeDeleted = false,
): SubjectVersion {
  const visible = includeDeleted ? versions : versions.filter(isLive);
  if (visible.length === 0) throw errors.subjectNotFound(subject);
  const found = ref === 'latest' ? (visible.filter(isLive).at(-1) ?? visible.at(-1)) : visible.find((v) => v.version === ref);
  if (!found) throw errors.versionNotFound(ref === 'latest' ? -1 : ref);
  return found;
}

/** Confluent's offset/limit paging; a negative limit means no limit. */
export function paginate<T>(items: T[], offset = 0, limit = -1): T[] {
  const start = Math.max(0, offset);
  return limit < 0 ? items.slice(start) : items.slice(start, start + limit);
}
