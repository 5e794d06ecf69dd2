/**
 * Registry modes at global and subject scope (`ModeResource.java`):
 * READWRITE, READONLY, IMPORT, FORWARD (global only). Mode changes are allowed
 * in READONLY, which is how one leaves it.
 */
import { DEFAULT_MODE, GLOBAL_SCOPE, MODES, type Mode } from '../config.js';
import { errors } from '../errors.js';
import type { SubjectVersion } from '../schema.js';
import { validateSubject } from '../subject.js';
import type { RegistryContext } from './context.js';
import { assertNotReferenced, evictOrphans } from './deletes.js';
import { isLive } from './versions.js';

export async function getMode(ctx: RegistryContext, subject: string | undefined, defaultToGlobal = false): Promise<Mode> {
  const global = async () => (await ctx.store.mode(GLOBAL_SCOPE)) ?? DEFAULT_MODE;
  if (subject === undefined) return global();
  const own = await ctx.store.mode(subject);
  if (own) return own;
  if (defaultToGlobal) return global();
  throw errors.subjectModeNotConfigured(subject);
}

/** Sets a scope's mode. Switching to IMPORT while subjects have live versions needs `force`. */
export async function setMode(ctx: RegistryContext, subject: string | undefined, requested: unknown, force = false): Promise<Mode> {
  if (subject !== undefined) validateSubject(subject);
  const mode = String(requested ?? '').toUpperCase() as Mode;
  if (!MODES.includes(mode)) throw errors.invalidMode();
  if (mode === 'FORWARD' && subject !== undefined) throw errors.invalidMode('Forward mode only supported on global level');
  const cleared: SubjectVersion[] = [];
  const set = await ctx.store.write(async (tx) => {
    if (mode === 'IMPORT' && !force) {
      const inScope = subject === undefined ? await tx.subjects('') : (await tx.subjects(subject)).filter((s) => s.subject === subject);
      if (inScope.some((s) => s.liveVersions > 0)) throw errors.operationNotPermitted('Cannot import since found existing subjects');
      // Confluent clears soft-deleted versions before importing (as permanent deletes: 42206 while referenced),
      // so imported versions cannot collide with them.
      for (const { subject: name } of inScope) {
        for (const version of (await tx.subjectVersions(name)).filter((v) => !isLive(v))) {
          await assertNotReferenced(tx, version, 'any');
          await tx.removeVersion(name, version.version);
          cleared.push(version);
        }
      }
    }
    await tx.putMode(subject ?? GLOBAL_SCOPE, mode);
    return mode;
  });
  await evictOrphans(ctx, cleared);
  return set;
}

/** Removes a scope's mode; returns what it was. */
export async function deleteMode(ctx: RegistryContext, subject: string | undefined): Promise<Mode> {
  const scope = subject ?? GLOBAL_SCOPE;
  return ctx.store.write(async (tx) => {
    const previous = await tx.mode(scope);
    if (!previous && subject !== undefined) throw errors.subjectNotFound(subject);
    await tx.deleteMode(scope);
    return previous ?? DEFAULT_MODE;
  });
}
