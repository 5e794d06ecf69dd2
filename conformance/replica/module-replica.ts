/**
 * A replica attached as a module: `import()` of the path (JavaScript, or
 * TypeScript when a loader is present: the process runs under
 * `node --import tsx`, or tsx can be found from the working folder or the
 * module's, and is registered on first need), whose `createReplica(context)`
 * export (named, or on the default export, or the default export itself)
 * makes a fresh replica for every session.
 */
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ToolError } from '../errors.js';
import {
  DEFAULT_CALL_TIMEOUT_MS,
  errorText,
  withTimeout,
  type ReplicaAttachment,
  type ReplicaDeclaration,
  type ReplicaSession,
} from './attachment.js';
import type { CreateReplica, Replica, ReplicaContext } from './protocol.js';

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);

export async function moduleAttachment(
  path: string,
  context: ReplicaContext,
  options: { timeoutMs?: number } = {},
): Promise<ReplicaAttachment> {
  const file = resolve(path);
  return functionAttachment(createReplicaOf(await importModule(file), file), context, { ...options, description: file });
}

/** A replica given as its `createReplica` function, e.g. from a test suite (`checkReplica`). */
export function functionAttachment(
  create: CreateReplica,
  context: ReplicaContext,
  options: { timeoutMs?: number; description?: string } = {},
): ReplicaAttachment {
  const file = options.description ?? (create.name || 'createReplica');
  const timeoutMs = options.timeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const make = async (): Promise<Replica> => {
    let replica: Replica;
    try {
      replica = await withTimeout(() => create(context), timeoutMs, 'createReplica()');
    } catch (error) {
      throw new ToolError(`createReplica() in ${file} failed: ${errorText(error)}`);
    }
    if (typeof replica?.apply !== 'function' || typeof replica.get !== 'function') {
      throw new ToolError(`createReplica() in ${file} must return an object with apply(message) and get(key)`);
    }
    return replica;
  };
  return {
    description: file,
    isolated: true,
    resolvesScratchSchemas: true,
    async declaration(): Promise<ReplicaDeclaration> {
      const replica = await make();
      try {
        return {
          ...(replica.fields !== undefined && { fields: [...replica.fields] }),
          ...(replica.readerVersion !== undefined && { readerVersion: replica.readerVersion }),
        };
      } finally {
        await Promise.resolve(replica.close?.()).catch(() => undefined);
      }
    },
    async open(): Promise<ReplicaSession> {
      const replica = await make();
      return {
        async apply(message) {
          try {
            await withTimeout(() => replica.apply(message), timeoutMs, 'apply()');
            return { ok: true };
          } catch (error) {
            return { ok: false, error: errorText(error) };
          }
        },
        async get(key) {
          try {
            const state = await withTimeout(() => replica.get(key), timeoutMs, 'get()');
            return state === undefined || state === null ? { present: false } : { present: true, state };
          } catch (error) {
            return { error: errorText(error) };
          }
        },
        async close() {
          await withTimeout(() => replica.close?.(), timeoutMs, 'close()').catch(() => undefined);
        },
      };
    },
    close: async () => {},
  };
}

function createReplicaOf(module: Record<string, unknown>, file: string): CreateReplica {
  const fallback = module.default as Record<string, unknown> | CreateReplica | undefined;
  const create =
    module.createReplica ?? (typeof fallback === 'function' ? fallback : (fallback as Record<string, unknown> | undefined)?.createReplica);
  if (typeof create !== 'function') throw new ToolError(`${file} exports no createReplica function`);
  return create as CreateReplica;
}

async function importModule(file: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && TYPESCRIPT.has(extname(file)) && (await registerTypeScript(file))) {
      return (await import(`${pathToFileURL(file).href}?typescript`)) as Record<string, unknown>;
    }
    if (code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(file)) {
      throw new ToolError(`No replica module at ${file}`);
    }
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw new ToolError(`${file} is TypeScript and no loader is available: run under \`node --import tsx\`, or install tsx`);
    }
    throw new ToolError(`Cannot load the replica module ${file}: ${errorText(error)}`);
  }
}

/** Registers tsx's ESM loader, found from the working folder, the module's folder or this package; false when none is. */
async function registerTypeScript(file: string): Promise<boolean> {
  for (const base of [join(process.cwd(), 'noop.js'), file, import.meta.filename ?? join(dirname(file), 'noop.js')]) {
    try {
      const api = createRequire(base).resolve('tsx/esm/api');
      const { register } = (await import(pathToFileURL(api.replace(/index\.cjs$/, 'index.mjs')).href)) as { register(): unknown };
      register();
      return true;
    } catch {
      // not found from there: try the next base
    }
  }
  return false;
}
