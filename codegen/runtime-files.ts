/**
 * The runtime generated modules import, copied into the output folder
 * (`runtime/`) so that generated code needs nothing but the format
 * libraries (avsc, ajv, protobufjs): the common files, plus each format's
 * that the subjects use. Read from this package's `codegen/runtime/`
 * sources, found next to this module or above it (from `dist/`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedFile } from './model.js';
import { markCopied } from './ts/print.js';

export const COMMON_RUNTIME_FILES = ['errors.ts', 'wire.ts', 'registry.ts', 'codec.ts', 'ecst.ts'] as const;

let directory: string | undefined;

function runtimeDirectory(): string {
  if (directory !== undefined) return directory;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    for (const candidate of [join(dir, 'runtime'), join(dir, 'codegen', 'runtime')]) {
      if (existsSync(join(candidate, 'codec.ts'))) return (directory = candidate);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the codegen runtime sources (codegen/runtime/*.ts) are missing from this installation');
    dir = parent;
  }
}

export function runtimeFiles(names: Iterable<string>): GeneratedFile[] {
  return [...new Set(names)].sort().map((name) => ({
    path: `runtime/${name}`,
    text: markCopied(readFileSync(join(runtimeDirectory(), name), 'utf8'), `contract-registry codegen/runtime/${name}`),
  }));
}
