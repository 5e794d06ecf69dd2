/**
 * A small Dockerfile reader and an engine-less builder, for the test that
 * proves the image builds and serves on a machine without Docker.
 *
 * Reads the instructions our Dockerfile uses, as Docker's reference
 * (docs.docker.com/reference/dockerfile) defines them: stages (`FROM … AS`),
 * WORKDIR, ENV (both forms), COPY (from the context through .dockerignore, or
 * `--from` a stage), RUN, USER, VOLUME, EXPOSE, HEALTHCHECK, STOPSIGNAL,
 * ENTRYPOINT and CMD. Anything else is refused rather than guessed at, so a
 * Dockerfile change this reader would get wrong fails the test instead of
 * passing it.
 *
 * Building lays each stage's filesystem out under a folder of its own (image
 * path `/app` is `<root>/app`): COPY copies exactly what it names, RUN runs
 * with `/bin/sh -c` in the mapped WORKDIR. RUN steps that touch image paths
 * outside the stage folder are mapped or recorded (see `rewriteLink`).
 * Reading and building walk the instructions with one `configure`, hence
 * one file of some 450 lines.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';

export interface Instruction {
  keyword: string;
  args: string;
  /** 1-based line the instruction starts on. */
  line: number;
}

export interface Stage {
  index: number;
  name?: string;
  image: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into stages of instructions, joining continued lines and dropping comments (also inside continuations, as Docker does). */
export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  let pending = '';
  let start = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    if (/^\s*#/.test(line) || line.trim() === '') return;
    if (pending === '') start = i + 1;
    if (/\\\s*$/.test(line)) {
      pending += line.replace(/\\\s*$/, '');
      return;
    }
    const [, word = '', args = ''] = /^(\S+)\s*(.*)$/s.exec((pending + line).trim()) ?? [];
    pending = '';
    const instruction = { keyword: word.toUpperCase(), args: args.trim(), line: start };
    if (instruction.keyword === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args);
      if (!from) throw new Error(`line ${start}: cannot read FROM ${instruction.args}`);
      stages.push({ index: stages.length, image: from[1]!, name: from[2], instructions: [] });
    } else if (stages.length === 0) {
      throw new Error(`line ${start}: ${instruction.keyword} before the first FROM`);
    } else {
      stages.at(-1)!.instructions.push(instruction);
    }
  });
  if (pending !== '') throw new Error('the Dockerfile ends in a line continuation');
  return stages;
}

/**
 * Splits on blanks outside quotes, drops quotes and backslash escapes, and
 * substitutes `$NAME` and `${NAME}` from `env` outside single quotes, as
 * Docker does in ENV, COPY, WORKDIR, USER, VOLUME and EXPOSE. Without `env`,
 * `$` is kept as is (RUN lines, which the shell expands).
 */
export function words(text: string, env?: Record<string, string>): string[] {
  const out: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'" && c !== "'") {
      word = (word ?? '') + c;
    } else if (c === '\\' && i + 1 < text.length) {
      word = (word ?? '') + text[++i];
    } else if (c === '$' && env !== undefined) {
      const variable = /^\$(?:\{(\w+)\}|(\w+))/.exec(text.slice(i));
      if (!variable) throw new Error(`unsupported substitution in ${text}`);
      word = (word ?? '') + (env[variable[1] ?? variable[2]!] ?? '');
      i += variable[0].length - 1;
    } else if (c === '"' || c === "'") {
      if (quote === undefined) quote = c;
      else if (quote === c) quote = undefined;
      else word = (word ?? '') + c;
      word ??= '';
    } else if (quote === undefined && /\s/.test(c)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (quote !== undefined) throw new Error(`unterminated ${quote} in ${text}`);
  if (word !== undefined) out.push(word);
  return out;
}

/** `--name=value` flags in front of an instruction's arguments, and the rest. */
function flags(args: string, known: string[]): { flags: Record<string, string>; rest: string } {
  const found: Record<string, string> = {};
  let rest = args;
  let flag: RegExpExecArray | null;
  while ((flag = /^--([\w-]+)(?:=(\S*))?\s+/.exec(rest))) {
    if (!known.includes(flag[1]!)) throw new Error(`unsupported flag --${flag[1]} in ${args}`);
    found[flag[1]!] = flag[2] ?? 'true';
    rest = rest.slice(flag[0].length);
  }
  return { flags: found, rest };
}

/** The exec form (a JSON array of strings) as is; the shell form as `/bin/sh -c`, as Docker runs it. */
export function commandForm(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((part) => typeof part === 'string')) return parsed as string[];
    } catch {
      // Not JSON: Docker then reads it as the shell form too.
    }
  }
  return ['/bin/sh', '-c', args];
}

export interface Healthcheck {
  options: Record<string, string>;
  /** The command, or undefined for `HEALTHCHECK NONE`. */
  test?: string[];
}

/** What a stage's instructions set in the image's configuration; an unset field is the base image's. */
export interface ImageConfig {
  workdir: string;
  env: Record<string, string>;
  user?: string;
  volumes: string[];
  expose: string[];
  healthcheck?: Healthcheck;
  entrypoint?: string[];
  cmd?: string[];
  stopSignal?: string;
}

/** Applies a configuration instruction; false for COPY and RUN, which change files instead. */
function configure(config: ImageConfig, { keyword, args, line }: Instruction, cmdSet: { value: boolean }): boolean {
  switch (keyword) {
    case 'ENV': {
      // Substitution inside one ENV reads the values from before it, as Docker's does.
      const before = { ...config.env };
      if (!/^\S*=/.test(args)) {
        const legacy = /^(\S+)\s+(.*)$/s.exec(args);
        if (!legacy) throw new Error(`line ${line}: cannot read ENV ${args}`);
        config.env[legacy[1]!] = words(legacy[2]!, before).join(' ');
        return true;
      }
      for (const pair of words(args, before)) {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new Error(`line ${line}: ENV ${pair} is not NAME=value`);
        config.env[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      return true;
    }
    case 'WORKDIR':
      config.workdir = posix.resolve(config.workdir, words(args, config.env).join(' '));
      return true;
    case 'USER':
      config.user = words(args, config.env).join(' ');
      return true;
    case 'VOLUME':
      config.volumes.push(...(args.startsWith('[') ? (JSON.parse(args) as string[]) : words(args, config.env)));
      return true;
    case 'EXPOSE':
      config.expose.push(...words(args, config.env));
      return true;
    case 'STOPSIGNAL':
      config.stopSignal = args;
      return true;
    case 'HEALTHCHECK': {
      const { flags: options, rest } = flags(args, ['interval', 'timeout', 'start-period', 'start-interval', 'retries']);
      if (/^NONE$/i.test(rest)) config.healthcheck = { options };
      else if (/^CMD\s/i.test(rest)) config.healthcheck = { options, test: commandForm(rest.replace(/^CMD\s+/i, '')) };
      else throw new Error(`line ${line}: cannot read HEALTHCHECK ${args}`);
      return true;
    }
    case 'ENTRYPOINT':
      config.entrypoint = commandForm(args);
      // Docker: an ENTRYPOINT drops the base image's CMD, not one this stage set.
      if (!cmdSet.value) config.cmd = undefined;
      return true;
    case 'CMD':
      config.cmd = commandForm(args);
      cmdSet.value = true;
      return true;
    case 'COPY':
    case 'RUN':
      return false;
    default:
      throw new Error(`line ${line}: this reader does not know ${keyword}; teach test/support/dockerfile.ts before using it`);
  }
}

function emptyConfig(): ImageConfig {
  return { workdir: '/', env: {}, volumes: [], expose: [] };
}

/** The image configuration a stage ends with, read without building it. */
export function imageConfig(stage: Stage): ImageConfig {
  const config = emptyConfig();
  const cmdSet = { value: false };
  for (const instruction of stage.instructions) configure(config, instruction, cmdSet);
  return config;
}

export interface Dockerignore {
  /** Whether a context-relative path (`a/b/c`) is kept out of the context. */
  excludes(path: string): boolean;
  /** Whether some pattern is an exception (`!…`), so that an excluded folder may still hold included files. */
  hasExceptions: boolean;
}

/**
 * .dockerignore as Docker's matcher (moby/patternmatcher) reads it: each line
 * a Go `filepath.Match` pattern on the context-relative path, `**` spanning
 * folders; a path is excluded when it or a folder above it matches; the last
 * matching line wins, `!` lines re-include.
 */
export function dockerignore(text: string): Dockerignore {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const exception = line.startsWith('!');
      const pattern = posix.normalize(line.slice(exception ? 1 : 0).trim()).replace(/^\/+/, '').replace(/\/+$/, '');
      return { exception, pattern: patternRegExp(pattern) };
    });
  return {
    hasExceptions: rules.some((rule) => rule.exception),
    excludes(path) {
      const parts = path.split('/');
      const paths = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
      let excluded = false;
      for (const rule of rules) {
        if (rule.exception !== excluded) continue;
        if (paths.some((candidate) => rule.pattern.test(candidate))) excluded = !rule.exception;
      }
      return excluded;
    },
  };
}

function patternRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (c === '*') {
      source += '[^/]*';
    } else if (c === '?') {
      source += '[^/]';
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) throw new Error(`unterminated [ in .dockerignore pattern ${pattern}`);
      source += `[${pattern.slice(i + 1, end).replace(/^!/, '^')}]`;
      i = end;
    } else {
      if (c === '\\') i++;
      source += (pattern[i] ?? '').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

export interface BuildContext {
  /** The build context: the checkout. */
  context: string;
  ignore: Dockerignore;
  /** Root folder of each stage started so far, once built, by name and by index, for `COPY --from`. */
  stages: Map<string, Promise<string>>;
  /** The environment RUN starts from before the stage's ENV: this machine's stands in for the base image's. */
  baseEnv: Record<string, string>;
  /** Lets the caller replace one link of a RUN `&&` chain with a shell command of its own. */
  replaceLink?: (link: string) => string | undefined;
}

export interface BuiltStage {
  root: string;
  config: ImageConfig;
  /** Image path → owner, as the stage's `chown` steps set them (recorded, not applied). */
  owners: Map<string, string>;
  /** RUN links not run, with why. */
  skipped: string[];
}

/** Image path `/x/y` of a stage, in its root folder. */
export function hostPath(root: string, imagePath: string): string {
  return join(root, posix.resolve('/', imagePath));
}

/**
 * Lays a stage out under `root`. It is registered for `COPY --from` at once,
 * so that later stages run alongside it until they copy from it, as
 * BuildKit runs the stages that do not depend on each other.
 */
export function buildStage(stage: Stage, root: string, build: BuildContext): Promise<BuiltStage> {
  const built = layOut(stage, root, build);
  const ready = built.then(() => root);
  // Awaited only by a later stage's COPY --from; the caller sees the failure through `built`.
  ready.catch(() => undefined);
  build.stages.set(String(stage.index), ready);
  if (stage.name) build.stages.set(stage.name, ready);
  return built;
}

async function layOut(stage: Stage, root: string, build: BuildContext): Promise<BuiltStage> {
  const built: BuiltStage = { root, config: emptyConfig(), owners: new Map(), skipped: [] };
  const cmdSet = { value: false };
  for (const instruction of stage.instructions) {
    if (configure(built.config, instruction, cmdSet)) {
      if (instruction.keyword === 'WORKDIR') mkdirSync(hostPath(root, built.config.workdir), { recursive: true });
    } else if (instruction.keyword === 'COPY') {
      await copy(instruction, built, build);
    } else {
      await run(instruction, built, build);
    }
  }
  return built;
}

async function copy({ args, line }: Instruction, built: BuiltStage, build: BuildContext): Promise<void> {
  const { flags: options, rest } = flags(args, ['from', 'chown', 'chmod', 'link']);
  const paths = rest.startsWith('[') ? (JSON.parse(rest) as string[]) : words(rest, built.config.env);
  const dest = paths.pop();
  if (dest === undefined || paths.length === 0) throw new Error(`line ${line}: COPY needs a source and a destination`);
  let from: string | undefined;
  if (options.from !== undefined) {
    const stage = build.stages.get(options.from);
    if (stage === undefined) throw new Error(`line ${line}: no stage ${options.from} comes before`);
    from = await stage.catch(() => Promise.reject(new Error(`line ${line}: COPY --from=${options.from}: that stage failed`)));
  }
  const sources = paths.flatMap((source) => (from === undefined ? contextSources(source, build, line) : [hostPath(from, source)]));
  const target = hostPath(built.root, posix.resolve(built.config.workdir, dest));
  const intoFolder = dest.endsWith('/') || sources.length > 1 || (existsSync(target) && statSync(target).isDirectory());
  for (const source of sources) {
    if (!existsSync(source)) throw new Error(`line ${line}: COPY source ${source} does not exist`);
    const keep = from === undefined ? contextFilter(source, build) : undefined;
    const isFolder = statSync(source).isDirectory();
    copyTree(source, isFolder || !intoFolder ? target : join(target, basename(source)), keep);
  }
}

/** Host paths of a context source; a `*`, `?` or `[` in its last segment matches the names of its folder. */
function contextSources(source: string, build: BuildContext, line: number): string[] {
  const relative = posix.normalize(source).replace(/^\/+/, '').replace(/\/+$/, '');
  if (relative === '..' || relative.startsWith('../')) throw new Error(`line ${line}: COPY ${source} is outside the context`);
  let names = [relative];
  if (/[*?[]/.test(posix.basename(relative))) {
    const folder = posix.dirname(relative);
    const pattern = patternRegExp(posix.basename(relative));
    names = readdirSync(join(build.context, folder))
      .filter((name) => pattern.test(name))
      .map((name) => posix.join(folder, name));
  }
  names = names.filter((name) => relative === '.' || !build.ignore.excludes(name));
  if (names.length === 0) throw new Error(`line ${line}: COPY ${source}: not in the context, or excluded by .dockerignore`);
  return names.map((name) => join(build.context, name));
}

function contextFilter(source: string, build: BuildContext): (path: string, folder: boolean) => boolean {
  const base = source.slice(build.context.length).replace(/^[\\/]+/, '').split(/[\\/]/).filter(Boolean);
  return (path, folder) => {
    const relative = [...base, ...path.split('/').filter(Boolean)].join('/');
    // An excluded folder is skipped whole unless an exception could re-include something in it.
    return !build.ignore.excludes(relative) || (folder && build.ignore.hasExceptions);
  };
}

function copyTree(from: string, to: string, keep?: (path: string, folder: boolean) => boolean, path = ''): void {
  const stat = lstatSync(from);
  if (stat.isDirectory()) {
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) {
      const child = posix.join(path, name);
      if (keep && !keep(child, lstatSync(join(from, name)).isDirectory())) continue;
      copyTree(join(from, name), join(to, name), keep, child);
    }
    return;
  }
  mkdirSync(dirname(to), { recursive: true });
  if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
  else copyFileSync(from, to);
}

async function run({ args, line }: Instruction, built: BuiltStage, build: BuildContext): Promise<void> {
  if (args.startsWith('[')) throw new Error(`line ${line}: this reader runs the shell form of RUN only`);
  const script = splitAnd(args)
    .map((link) => rewriteLink(link, built, build, line))
    .join(' && ');
  const cwd = hostPath(built.root, built.config.workdir);
  try {
    await promisify(execFile)('/bin/sh', ['-c', script], {
      cwd,
      env: { ...build.baseEnv, ...built.config.env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '', code } = error as { stdout?: string; stderr?: string; code?: number };
    throw new Error(`RUN ${args} (Dockerfile line ${line}) exited ${code}:\n${(stdout + stderr).slice(-6_000)}`);
  }
}

/**
 * One link of a RUN `&&` chain as this machine runs it. Image paths outside
 * the stage folder must not reach this machine: `mkdir -p /abs` makes the
 * folder under the stage root; `chown` is recorded, since the image's users
 * do not exist here; any other absolute path is refused. `npm cache clean`
 * is skipped: in the image it only trims the layer, while here it would
 * empty this machine's npm cache, which every later `npm ci --prefer-offline`
 * (this test's and the CI run's) reads instead of the network.
 */
function rewriteLink(link: string, built: BuiltStage, build: BuildContext, line: number): string {
  const argv = words(link);
  const [command, ...rest] = argv;
  if (command === 'mkdir' && rest.every((arg) => arg === '-p' || arg.startsWith('/'))) {
    return ['mkdir', ...rest.map((arg) => (arg === '-p' ? arg : hostPath(built.root, arg)))].map(shellQuote).join(' ');
  }
  if (command === 'chown') {
    const [owner, ...paths] = rest.filter((arg) => !arg.startsWith('-'));
    for (const path of paths) built.owners.set(posix.resolve(built.config.workdir, path), owner!);
    return ':';
  }
  if (command === 'npm' && rest[0] === 'cache' && rest[1] === 'clean') {
    built.skipped.push(`${link}: would empty this machine's npm cache`);
    return ':';
  }
  if (argv.some((arg) => arg.startsWith('/'))) {
    throw new Error(`line ${line}: RUN ${link} names an image path this builder cannot map; teach test/support/dockerfile.ts`);
  }
  return build.replaceLink?.(link) ?? link;
}

/** The links of a `&&` chain (outside quotes). */
export function splitAnd(command: string): string[] {
  const links: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === '\\') i++;
    else if (quote !== undefined) quote = c === quote ? undefined : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '&' && command[i + 1] === '&') {
      links.push(command.slice(start, i).trim());
      start = ++i + 1;
    }
  }
  links.push(command.slice(start).trim());
  return links;
}

export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
