/**
 * The Docker image builds from the checkout and serves, proven without a
 * Docker engine. The Dockerfile is read; each stage's files are laid out in
 * a folder of its own exactly as its COPY lines name them (from the context
 * through .dockerignore, or from the build stage), and its RUN lines run
 * there (npm ci from the registry, tsc). The runtime stage's ENTRYPOINT and
 * CMD then start the server over SQLite in the stage's volume folder:
 * /health/ready, a registration read back by id (the migrations were
 * copied), /openapi.json (api/openapi.yaml was copied), `creg codegen` (its
 * runtime sources were copied) and the HEALTHCHECK command all answer.
 * Dropping one folder's COPY from the build stage makes tsc fail, so a folder
 * the build needs and the Dockerfile forgets fails this test.
 *
 * What only an engine would show is asserted from the Dockerfile's text
 * instead: the base image's Node (this machine's runs here), the user, the
 * owner of the volume folder. better-sqlite3's install script fetches a
 * prebuilt binary in a real build; here, without GitHub, it compiles it.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, posix } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildStage, dockerignore, hostPath, imageConfig, parseDockerfile, shellQuote, words, type BuildContext, type BuiltStage } from '../support/dockerfile.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const V1 = 'application/vnd.schemaregistry.v1+json';
const stages = parseDockerfile(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
const ignore = dockerignore(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
const final = stages.at(-1)!;
const image = imageConfig(final);

/** End of life of the Node LTS lines (nodejs.org/about/previous-releases). */
const LTS_END_OF_LIFE: Record<number, string> = { 22: '2027-04-30', 24: '2028-04-30' };

describe('the Dockerfile', () => {
  test('every stage is on a current Node LTS, slim, the same for all', () => {
    for (const stage of stages) {
      const tag = /^node:(\d+)-slim$/.exec(stage.image);
      assert.ok(tag, `stage ${stage.name ?? stage.index} is on ${stage.image}, not node:<major>-slim`);
      const major = Number(tag[1]);
      assert.ok(major >= 22 && major % 2 === 0, `Node ${major} is not an LTS line this project supports`);
      const endOfLife = LTS_END_OF_LIFE[major];
      assert.ok(endOfLife, `Node ${major}: add its end of life to LTS_END_OF_LIFE`);
      assert.ok(new Date(endOfLife) > new Date(), `Node ${major} reached its end of life on ${endOfLife}`);
    }
    assert.equal(new Set(stages.map((stage) => stage.image)).size, 1, 'the build and runtime stages use one Node');
  });

  test('the image runs as a user that is not root, with a volume, a health check and port 8081', () => {
    assert.ok(image.user, 'the final stage sets USER');
    assert.ok(!['root', '0'].includes(image.user.split(':')[0]!), `USER ${image.user} is root`);
    assert.ok(image.volumes.length > 0, 'the final stage declares a VOLUME');
    assert.ok(image.healthcheck?.test, 'the final stage has a HEALTHCHECK');
    assert.deepEqual(image.expose, ['8081']);
    assert.equal(image.env.PORT, '8081', 'the server listens on the port EXPOSE names');
    assert.equal(image.stopSignal ?? 'SIGTERM', 'SIGTERM', 'the signal creg serve shuts down gracefully on');
    const database = image.env.DATABASE_URL?.replace(/^file:/, '') ?? '';
    assert.ok(
      image.volumes.some((volume) => database.startsWith(`${volume}/`)),
      `DATABASE_URL ${image.env.DATABASE_URL} is not in a volume (${image.volumes.join(', ')})`,
    );
  });

  test('.dockerignore keeps out what a fresh clone lacks, and keeps the sources in', () => {
    for (const path of ['node_modules/x/index.js', 'ui/node_modules/x/index.js', 'dist/cli/main.js', 'data/registry.db', 'prisma/dev.db', '.env', '.git/HEAD', 'test.tap']) {
      assert.ok(ignore.excludes(path), `${path} is sent to the daemon`);
    }
    for (const path of ['package.json', 'api/openapi.yaml', 'prisma/sqlite/migrations/migration_lock.toml', 'cli/main.ts', 'contracts/data/x.ts']) {
      assert.ok(!ignore.excludes(path), `${path} is left out`);
    }
  });
});

describe('the image, built and run without a Docker engine', { timeout: 20 * 60_000 }, () => {
  let tmp: string;
  let build: BuildContext;
  let builder: BuiltStage;
  let runtime: BuiltStage;

  before(
    async () => {
      tmp = mkdtempSync(join(tmpdir(), 'creg-docker-'));
      build = { context: ROOT, ignore, stages: new Map(), baseEnv: baseEnv() };
      const results = await Promise.allSettled(stages.map((stage) => buildStage(stage, join(tmp, `stage-${stage.index}`), build)));
      // The earliest stage's failure is the cause of the later ones'.
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      const built = results.map((result) => (result as PromiseFulfilledResult<BuiltStage>).value);
      builder = built[stages.findIndex((stage) => stage.name === 'build')]!;
      runtime = built.at(-1)!;
    },
    { timeout: 15 * 60_000 },
  );
  after(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('the runtime stage serves from the files it copied', { timeout: 3 * 60_000 }, async () => {
    const { config } = runtime;
    const workdir = hostPath(runtime.root, config.workdir);
    const volume = config.volumes[0]!;
    assert.ok(existsSync(hostPath(runtime.root, volume)), `the build made ${volume}`);
    assert.equal(runtime.owners.get(volume)?.split(':')[0], config.user, `${volume} belongs to the USER`);
    assert.deepEqual(runtime.skipped.map((why) => why.split(':')[0]), ['npm cache clean --force']);

    const database = hostPath(runtime.root, config.env.DATABASE_URL!.replace(/^file:/, ''));
    const env = { ...build.baseEnv, ...config.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `file:${database}` };
    const argv = [...(config.entrypoint ?? []), ...(config.cmd ?? [])];
    assert.deepEqual(argv, ['node', 'dist/cli/main.js', 'serve']);
    const server = await serve(argv, workdir, env);
    const healthcheck = config.healthcheck!.test!;
    const port = new URL(server.url).port;
    try {
      assert.equal((await fetch(`${server.url}/health/ready`)).status, 200);

      const schema = JSON.stringify({ type: 'record', name: 'X', fields: [{ name: 'id', type: 'string' }] });
      const registered = await fetch(`${server.url}/subjects/x/versions`, {
        method: 'POST',
        headers: { 'Content-Type': V1 },
        body: JSON.stringify({ schema }),
      });
      assert.equal(registered.status, 200, await registered.clone().text());
      assert.equal(((await registered.json()) as { id: number }).id, 1);
      const byId = await fetch(`${server.url}/schemas/ids/1`);
      assert.equal(byId.status, 200);
      assert.deepEqual(JSON.parse(((await byId.json()) as { schema: string }).schema), JSON.parse(schema));
      assert.ok(existsSync(database), 'the database is in the volume folder');

      const openapi = await fetch(`${server.url}/openapi.json`);
      assert.equal(openapi.status, 200);
      assert.match(((await openapi.json()) as { openapi: string }).openapi, /^3\./);

      const generated = join(tmp, 'codegen');
      const codegen = [...config.entrypoint!, 'codegen', '--registry', server.url, '--subject', 'x', '--out', generated];
      await exec(codegen, workdir, env);
      assert.ok(readdirSync(join(generated, 'runtime')).includes('codec.ts'), 'creg codegen in the image copies its runtime');

      await exec(healthcheck, workdir, { ...env, PORT: port });
    } finally {
      assert.equal(await server.stop(), 0, 'SIGTERM stops the server gracefully');
    }
    await assert.rejects(exec(healthcheck, workdir, { ...env, PORT: port }), 'the health check fails once the server is gone');
  });

  test('a build stage without `COPY security ./security` fails to compile', { timeout: 3 * 60_000 }, async () => {
    const stage = stages.find((candidate) => candidate.name === 'build')!;
    const isSecurity = (args: string) => posix.normalize(words(args)[0] ?? '') === 'security';
    const instructions = stage.instructions.filter(({ keyword, args }) => !(keyword === 'COPY' && isSecurity(args)));
    assert.equal(instructions.length, stage.instructions.length - 1, 'the build stage copies security/');
    // The dependencies of the build just made, instead of a second npm ci.
    const modules = hostPath(builder.root, `${builder.config.workdir}/node_modules`);
    const reuse = { ...build, stages: new Map(), replaceLink: (link: string) => (/^npm ci\b/.test(link) ? `ln -s ${shellQuote(modules)} node_modules` : undefined) };
    await assert.rejects(buildStage({ ...stage, instructions }, join(tmp, 'without-security'), reuse), (error: Error) => {
      assert.match(error.message, /^RUN npm run build/);
      assert.match(error.message, /TS2307: Cannot find module '[./]+security\//);
      return true;
    });
  });
});

/**
 * What RUN and the server start from before the Dockerfile's ENV: this
 * machine's PATH, HOME (its ~/.npmrc and npm cache) and network settings,
 * and nothing of the npm or node:test run this test is in: npm's
 * `npm_config_local_prefix` would point npm ci at the checkout, and the
 * checkout's node_modules/.bin on PATH would lend the stages its tools.
 */
function baseEnv(): Record<string, string> {
  const keep = /^(PATH|HOME|TMPDIR|LANG|LC_ALL|NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|https?_proxy|no_proxy|HTTPS?_PROXY|NO_PROXY)$/;
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => keep.test(entry[0]) && entry[1] !== undefined));
  const path = (env.PATH ?? '/usr/local/bin:/usr/bin:/bin').split(delimiter).filter((dir) => !/node_modules[\\/]\.bin$/.test(dir));
  // npm ci reads packages from this machine's cache, asking the registry only for what it lacks.
  return { ...env, PATH: path.join(delimiter), npm_config_prefer_offline: 'true' };
}

async function exec(argv: string[], cwd: string, env: Record<string, string>): Promise<void> {
  await promisify(execFile)(argv[0]!, argv.slice(1), { cwd, env, timeout: 60_000 });
}

interface Server {
  url: string;
  stop(): Promise<number | null>;
}

/** Starts the image's command; ready once it logs `registry listening` with its URL. */
function serve(argv: string[], cwd: string, env: Record<string, string>): Promise<Server> {
  const child: ChildProcess = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output = (output + chunk).slice(-8_000)));
  const exited = once(child, 'exit');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the image's command did not listen within 60 s:\n${output}`));
    }, 60_000);
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`the image's command exited early (${code ?? signal}):\n${output}`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output = (output + line + '\n').slice(-8_000);
      let entry: { msg?: string; url?: string };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      if (entry.msg !== 'registry listening' || !entry.url) return;
      clearTimeout(timer);
      resolve({
        url: entry.url,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return ((await exited) as [number | null])[0];
        },
      });
    });
  });
}
