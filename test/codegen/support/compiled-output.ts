/**
 * Generated code as a user's build sees it: written to a folder of its own
 * (under `node_modules/.cache`, so that the packages it imports resolve),
 * type-checked by the TypeScript compiler API under `strict` and the
 * stricter flags projects turn on, emitted as ES modules, and imported.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import type { GeneratedFile } from '../../../codegen/index.js';

const CACHE = fileURLToPath(new URL('../../../node_modules/.cache/creg-codegen-tests/', import.meta.url));

export const STRICT_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noImplicitOverride: true,
  noPropertyAccessFromIndexSignature: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  types: ['node'],
  skipLibCheck: true,
  declaration: true,
};

export interface CompiledOutput {
  /** The folder holding the generated `.ts` files. */
  dir: string;
  /** The compiler's diagnostics, formatted; empty when there are none. */
  diagnostics: string;
  /** The emitted declaration files, by path relative to `dir`. */
  declarations: Map<string, string>;
  /** Imports an emitted module (`customer-value` for `customer-value.ts`). */
  load<T>(module: string): Promise<T>;
  dispose(): void;
}

/** Writes files to a new folder. */
export function writeGenerated(files: readonly GeneratedFile[], label: string): string {
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(join(CACHE, `${label}-`));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  return dir;
}

export function compileGenerated(files: readonly GeneratedFile[], label: string, extraFiles: Record<string, string> = {}): CompiledOutput {
  const dir = writeGenerated([...files, ...Object.entries(extraFiles).map(([path, text]) => ({ path, text }))], label);
  const outDir = join(dir, 'js');
  const roots = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((path) => path.endsWith('.ts'))
    .map((path) => join(dir, path));
  const program = ts.createProgram(roots, { ...STRICT_OPTIONS, outDir, rootDir: dir });
  const emitted = program.emit();
  const all = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  const diagnostics = ts.formatDiagnostics(all, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' });
  const declarations = new Map(
    readdirSync(outDir, { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.d.ts'))
      .map((path) => [path.replace(/\\/g, '/'), readFileSync(join(outDir, path), 'utf8')] as const),
  );
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  return {
    dir,
    diagnostics,
    declarations,
    load: <T>(module: string) => import(pathToFileURL(join(outDir, `${module}.js`)).href) as Promise<T>,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The declaration files that mention `any` outside comments: none may. */
export function declarationsWithAny(out: CompiledOutput): string[] {
  return [...out.declarations]
    .filter(([, text]) => /\bany\b/.test(text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')))
    .map(([path]) => path);
}
