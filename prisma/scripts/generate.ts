/**
 * `npm run prisma:generate [-- --check]`: regenerates the committed Prisma
 * Client of every provider that has a `prisma/<provider>/schema.prisma`
 * (output `prisma/generated/<provider>/`, as each schema's generator says).
 *
 * Runs the Prisma CLI offline: `generate` itself needs no native engine, but
 * the CLI checks for one before any command unless
 * `PRISMA_SCHEMA_ENGINE_BINARY` names a file. With `--check`, the client is
 * generated into a temporary copy of the layout and compared with the
 * committed one; the exit code is 1 when they differ. The generated files
 * carry no absolute path or time, so the comparison is byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { Provider } from '../database-url.js';
import { packageRoot } from '../paths.js';

const PROVIDERS: Provider[] = ['sqlite', 'postgresql'];

/** Runs `prisma generate` on `<prismaDir>/<provider>/schema.prisma`, from that folder (so no prisma.config.ts is picked up). */
function generate(prismaDir: string, provider: Provider): void {
  const cli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const dir = join(prismaDir, provider);
  const result = spawnSync(process.execPath, [cli, 'generate', '--schema', join(dir, 'schema.prisma')], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? '/bin/true',
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
  });
  if (result.status !== 0) {
    throw new Error(`prisma generate (${provider}) failed:\n${result.stdout}${result.stderr}${result.error ?? ''}`);
  }
}

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Paths (relative to the output folder) that differ, are missing or are extra. */
async function differences(expected: string, actual: string): Promise<string[]> {
  const [want, have] = await Promise.all([listFiles(expected), listFiles(actual)]);
  const out: string[] = [];
  for (const file of new Set([...want, ...have])) {
    if (!have.includes(file)) out.push(`missing: ${file}`);
    else if (!want.includes(file)) out.push(`not generated any more: ${file}`);
    else {
      const [a, b] = await Promise.all([readFile(join(expected, file)), readFile(join(actual, file))]);
      if (!a.equals(b)) out.push(`differs: ${file}`);
    }
  }
  return out.sort();
}

async function check(prismaDir: string, providers: Provider[]): Promise<string[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'prisma-generate-check-'));
  try {
    const problems: string[] = [];
    for (const provider of providers) {
      await mkdir(join(scratch, provider));
      await copyFile(join(prismaDir, provider, 'schema.prisma'), join(scratch, provider, 'schema.prisma'));
      generate(scratch, provider);
      const found = await differences(join(scratch, 'generated', provider), join(prismaDir, 'generated', provider));
      problems.push(...found.map((p) => `prisma/generated/${provider}/ ${p}`));
    }
    return problems;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
  const prismaDir = join(packageRoot(), 'prisma');
  const providers = PROVIDERS.filter((p) => existsSync(join(prismaDir, p, 'schema.prisma')));
  if (!values.check) {
    for (const provider of providers) generate(prismaDir, provider);
    console.log(`generated Prisma Client for ${providers.join(', ')}`);
    return;
  }
  const problems = await check(prismaDir, providers);
  if (problems.length > 0) {
    console.error(`the committed Prisma Client is stale; run npm run prisma:generate\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`the committed Prisma Client is current (${providers.join(', ')})`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
