/**
 * Everything a registry node answers about its contents, read over HTTP:
 * subjects, every version of each (soft-deleted ones included), every schema
 * by id from 1 up to the first id that answers 404, the versions using each
 * id, and the global config and mode. Two nodes agree when their snapshots
 * are deeply equal.
 */
import { eachLimited } from './each-limited.js';

export interface VersionAnswer {
  subject: string;
  version: number;
  id: number;
  guid?: string;
  schema: string;
  schemaType?: string;
  deleted?: boolean;
}

export interface RegistrySnapshot {
  subjects: string[];
  versions: Record<string, number[]>;
  byVersion: Record<string, VersionAnswer>;
  byId: Record<number, { schema: unknown; versions: unknown }>;
  /** The first id that answers 404. */
  firstMissingId: number;
  config: unknown;
  mode: unknown;
}

/** Ids probed past this many are a runaway, not a registry under test. */
const MAX_IDS = 10_000;

async function getJson(base: string, path: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}${path}`);
  const body: unknown = await res.json();
  return { status: res.status, body };
}

async function ok<T>(base: string, path: string): Promise<T> {
  const { status, body } = await getJson(base, path);
  if (status !== 200) throw new Error(`GET ${base}${path} answered ${status} ${JSON.stringify(body)}`);
  return body as T;
}

export async function snapshot(base: string): Promise<RegistrySnapshot> {
  const subjects = await ok<string[]>(base, '/subjects?deleted=true');
  const versions: Record<string, number[]> = {};
  await eachLimited(subjects, 8, async (subject) => {
    versions[subject] = await ok<number[]>(base, `/subjects/${encodeURIComponent(subject)}/versions?deleted=true`);
  });
  const byVersion: Record<string, VersionAnswer> = {};
  const pairs = subjects.flatMap((subject) => versions[subject]!.map((version) => ({ subject, version })));
  await eachLimited(pairs, 16, async ({ subject, version }) => {
    const answer = await ok<VersionAnswer>(base, `/subjects/${encodeURIComponent(subject)}/versions/${version}?deleted=true`);
    byVersion[`${subject}@${version}`] = answer;
  });
  const byId: RegistrySnapshot['byId'] = {};
  let firstMissingId = 1;
  for (; firstMissingId <= MAX_IDS; firstMissingId++) {
    const { status, body } = await getJson(base, `/schemas/ids/${firstMissingId}`);
    if (status === 404) break;
    if (status !== 200) throw new Error(`GET /schemas/ids/${firstMissingId} answered ${status} ${JSON.stringify(body)}`);
    byId[firstMissingId] = { schema: body, versions: await ok(base, `/schemas/ids/${firstMissingId}/versions?deleted=true`) };
  }
  return {
    subjects,
    versions,
    byVersion: sortedKeys(byVersion),
    byId,
    firstMissingId,
    config: await ok(base, '/config'),
    mode: await ok(base, '/mode'),
  };
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
