/**
 * Where the corpora borrowed from other projects live: `../shared/corpora/`
 * beside the checkout, or `$CREG_CORPORA`. On a user's fresh clone the folder
 * is absent and corpus tests skip saying so; in CI it is always present, so
 * there a missing folder is a failure, not a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const corporaDir = process.env.CREG_CORPORA ?? join(repoRoot, '..', 'shared', 'corpora');

/** `{ skip }` for node:test: a reason when the corpora are absent outside CI. */
export function corpusSkip(): { skip?: string } {
  if (existsSync(corporaDir)) return {};
  if (process.env.CI) throw new Error(`corpora folder ${corporaDir} is missing; CI must run the corpus tests`);
  return { skip: `corpora folder ${corporaDir} is absent (set CREG_CORPORA to run these tests)` };
}

export function readCorpusJson<T>(relativePath: string): T {
  // Some of Confluent's files carry trailing commas, which org.json accepts and JSON.parse does not.
  const text = readFileSync(join(corporaDir, relativePath), 'utf8').replace(/,(\s*[}\]])/g, '$1');
  return JSON.parse(text) as T;
}
