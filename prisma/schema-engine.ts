/**
 * Prisma's schema engine as WebAssembly (`@prisma/schema-engine-wasm`), so that
 * migrations can be created and applied where Prisma's native engine binary
 * cannot be downloaded (see the project's Prisma offline notes).
 *
 * The package is built for bundlers (its entry `import`s a `.wasm` file), so
 * the glue module is imported alone and the `.wasm` next to the package's main
 * file is instantiated here, once per process. The engine reaches the database
 * through a driver adapter; the adapters it opens are disposed by
 * `withSchemaEngine` when the work is done, and the timers it leaves are
 * cleared (`schema-engine-timers.ts`).
 */
import { readFile } from 'node:fs/promises';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import {
  bindMigrationAwareSqlAdapterFactory,
  isDriverAdapterError,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';
import { engineAtWork, withTrackedTimers } from './schema-engine-timers.js';

export type { SchemaEngine };

// The project's `lib` (ES2023, no DOM) does not declare WebAssembly; this is the part used here.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
};

let loaded: Promise<void> | undefined;
let lastPanic: string | undefined;

// The engine reports a Rust panic here before trapping with a bare `unreachable`.
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    lastPanic = message;
  },
};

function loadWasm(): Promise<void> {
  loaded ??= (async () => {
    const main = import.meta.resolve('@prisma/schema-engine-wasm');
    const bytes = await readFile(new URL('schema_engine_bg.wasm', main));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withTrackedTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return loaded;
}

/**
 * The engine replays a migration on the shadow database as one `executeRaw`
 * of the whole script; better-sqlite3 prepares one statement at a time and
 * rejects it ("contains more than one statement") before running anything.
 * Such a script, which has no parameters, is run as a script instead.
 */
function scriptTolerant(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = async (query: SqlQuery): Promise<number> => {
    try {
      return await adapter.executeRaw(query);
    } catch (error) {
      if (query.args.length > 0 || !/more than one statement/.test(String(error))) throw error;
      await adapter.executeScript(query.sql);
      return 0;
    }
  };
  return new Proxy(adapter, {
    get(target, property) {
      if (property === 'executeRaw') return executeRaw;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Wraps a factory so that every connection the engine opens can be closed afterwards. */
function tracked(factory: SqlMigrationAwareDriverAdapterFactory) {
  const opened: SqlDriverAdapter[] = [];
  const keep = async (adapter: Promise<SqlDriverAdapter>) => {
    const a = await adapter;
    opened.push(a);
    return scriptTolerant(a);
  };
  const wrapped: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => keep(factory.connect()),
    connectToShadowDb: () => keep(factory.connectToShadowDb()),
  };
  const dispose = async () => {
    await Promise.allSettled(opened.splice(0).map((a) => a.dispose()));
  };
  return { wrapped, dispose };
}

/**
 * The engine reports a driver failure as `External error id#N`; the driver's
 * own error waits in the factory's registry under that id. Put it in the message
 * (and a panic's message in place of the trap it caused).
 */
function explained(error: unknown, registry: ErrorRegistry): unknown {
  if (!(error instanceof Error)) return error;
  if (lastPanic !== undefined) {
    const panic = lastPanic;
    lastPanic = undefined;
    return new Error(`the schema engine panicked: ${panic}`, { cause: error });
  }
  const ids = [...error.message.matchAll(/External error id#(\d+)/g)].map((m) => Number(m[1]));
  const causes = ids.map((id) => describe(registry.consumeError(id)?.error)).filter((c) => c !== '');
  if (causes.length === 0) return error;
  return new Error(`${error.message}\nCaused by: ${causes.join('\nCaused by: ')}`, { cause: error });
}

function describe(error: unknown): string {
  if (error === undefined) return '';
  if (isDriverAdapterError(error)) {
    const c = error.cause as { originalMessage?: string; message?: string; kind: string };
    return c.originalMessage ?? c.message ?? JSON.stringify(c);
  }
  return error instanceof Error ? error.message : String(error);
}

/** A Prisma schema file: where it is (for messages) and its text. */
export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Runs `work` with an engine that reaches the database through
 * `adapterFactory` (and knows `schema`, when given: applying migrations does
 * not need it); frees the engine and closes its connections afterwards.
 */
export async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schema: SchemaFile | undefined,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  return engineAtWork(async () => {
    const { wrapped, dispose } = tracked(adapterFactory);
    const bound = bindMigrationAwareSqlAdapterFactory(wrapped);
    let engine: SchemaEngine | undefined;
    try {
      const datamodels: [string, string][] | undefined = schema && [[schema.path, schema.content]];
      engine = await glue.SchemaEngine.new({ datamodels }, () => {}, bound);
      return await work(engine);
    } catch (error) {
      throw explained(error, bound.errorRegistry);
    } finally {
      try {
        engine?.free();
      } catch {
        // After a panic the engine cannot be freed; the panic is what gets reported.
      }
      await dispose();
    }
  });
}
