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

/** The most `/schemas` and `referencedby` answer per page, and their default (Confluent's `schema.search.max.limit`). */
export const SEARCH_LIMIT = 1000;

/**
 * Confluent's offset/limit paging (`normalizeLimit`): only `0 < limit ≤ max`
 * is honoured; 0, a negative limit, or one above the maximum falls back to
 * the default, which is the maximum (unlimited but for the searches).
 */
export function paginate<T>(items: T[], offset = 0, limit = -1, max = Number.POSITIVE_INFINITY): T[] {
  const start = Math.max(0, offset);
  const size = limit > 0 && limit <= max ? limit : max;
  return items.slice(start, start + size);
}
