/**
 * The registry's use cases over a `Store`, bound to one context: what the HTTP
 * API and the CLI call.
 */
import type { Store } from '../store.js';
import { checkCompatibility } from './check-compatibility.js';
import { deleteConfig, getConfig, updateConfig } from './config.js';
import { createContext, type RegistryContext } from './context.js';
import { deleteSubject, deleteVersion } from './deletes.js';
import { latestWithMetadata, lookup } from './lookup.js';
import { deleteMode, getMode, setMode } from './mode.js';
import * as queries from './queries.js';
import { register } from './register.js';
import { tagSchema } from './tag-schema.js';

const useCases = {
  register,
  tagSchema,
  lookup,
  latestWithMetadata,
  checkCompatibility,
  deleteSubject,
  deleteVersion,
  getConfig,
  updateConfig,
  deleteConfig,
  getMode,
  setMode,
  deleteMode,
  ...queries,
};

type UseCases = typeof useCases;
type Bound<F> = F extends (ctx: RegistryContext, ...args: infer A) => infer R ? (...args: A) => R : never;
export type Registry = { [K in keyof UseCases]: Bound<UseCases[K]> } & { readonly store: Store };

export function createRegistry(store: Store): Registry {
  const ctx = createContext(store);
  const bound = Object.fromEntries(
    Object.entries(useCases).map(([name, fn]) => [name, (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(ctx, ...args)]),
  );
  return { ...bound, store } as Registry;
}

export type { RegisterRequest, RegisterOptions, Registered } from './register.js';
export type { TagSchemaRequest } from './tag-schema.js';
export type { CompatibilityVerdict } from './check-compatibility.js';
export type { ConfigUpdate } from './config.js';
export { parseVersion, type VersionRef } from './versions.js';
