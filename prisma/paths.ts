/**
 * Where each provider's Prisma schema and migrations live. They are found from
 * the package root (the nearest folder with a package.json above this file),
 * so the same lookup works from the sources and from the compiled `dist/`,
 * which holds no copy of them.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provider } from './database-url.js';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return dir;
}

export interface ProviderPaths {
  /** Absolute path of `prisma/<provider>/schema.prisma`. */
  schema: string;
  /** Absolute path of `prisma/<provider>/migrations`. */
  migrations: string;
}

export function providerPaths(provider: Provider, root: string = packageRoot()): ProviderPaths {
  const dir = join(root, 'prisma', provider);
  return { schema: join(dir, 'schema.prisma'), migrations: join(dir, 'migrations') };
}
