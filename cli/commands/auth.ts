/**
 * `creg auth`: what an operator needs to write the registry's auth file
 * (`creg serve --auth-file`). `hash-password` reads a password from standard
 * input (a terminal is prompted without echo) and prints the hash for
 * `users[].passwordHash`, or with `--karapace` a user entry of Karapace's
 * file; `token` makes an API token and prints its secret once, with the entry
 * for `tokens:`; `schema` prints the file's JSON Schema; `check` reads a file
 * as the server would and summarises it. Exit 0 done (or, for check, the file
 * is valid), 1 the file is not valid or cannot be read, 64 usage error.
 */
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Command, Option } from 'commander';
import { AUTH_FILE_SCHEMA } from '../../security/auth-file-schema.js';
import { hashPassword, hashSecret, karapaceHash, KARAPACE_ALGORITHMS, randomSecret, type KarapaceAlgorithm } from '../../security/passwords.js';
import { exitOnUsageError, gatedAction, UsageError } from '../command-exit.js';
import { EXIT, type ExitCode } from '../output/exit-codes.js';

/** As the auth file's schema has them. */
const TOKEN_KEY = /^[A-Za-z0-9_-]{1,128}$/;
const NAME = /^[^\s:]{1,255}$/;
/** Enough for any password; more is a file piped in by mistake. */
const MAX_PASSWORD_BYTES = 4096;

const HASH_PASSWORD_EXAMPLES = `
Examples:
  creg auth hash-password                                   # prompts, without echo
  printf '%s\\n' "$PASSWORD" | creg auth hash-password --password-stdin
  creg auth hash-password --karapace sha512 --username alice < password.txt

The hash goes under users[].passwordHash of the auth file; with --karapace, the entry goes under "users" of Karapace's file.
Exit codes: 0 printed, 64 usage error (an empty password, or more than one line).
`;

const TOKEN_EXAMPLES = `
Examples:
  creg auth token --key ci-publisher --principal ci --group publishers
  creg auth token --key nightly --expires 2027-06-30T00:00:00Z --json

The secret is printed once and stored nowhere: only its hash goes into the auth file.
Exit codes: 0 printed, 64 usage error.
`;

const SCHEMA_EXAMPLES = `
Examples:
  creg auth schema > auth-file.schema.json

Exit codes: 0 printed, 64 usage error.
`;

const CHECK_EXAMPLES = `
Examples:
  creg auth check /etc/creg/auth.yaml

Exit codes: 0 valid, 1 not valid or cannot be read, 64 usage error.
`;

interface HashPasswordOptions {
  passwordStdin?: boolean;
  karapace?: KarapaceAlgorithm;
  salt?: string;
  username?: string;
}

interface TokenOptions {
  key: string;
  principal?: string;
  group: string[];
  expires?: string;
  json?: boolean;
}

/** The entry of `tokens:` in the auth file. */
export interface TokenFileEntry {
  key: string;
  secretHash: string;
  principal?: string;
  groups?: string[];
  expires?: string;
}

function hashPasswordCommand(): Command {
  const command = new Command('hash-password')
    .description("Hash a password for the auth file's users (read from standard input; a terminal is prompted without echo)")
    .option('--password-stdin', 'read the password as one line of standard input, without prompting even on a terminal')
    .addOption(
      new Option('--karapace <algorithm>', "print a user entry of Karapace's auth file instead, hashed with this algorithm").choices(KARAPACE_ALGORITHMS),
    )
    .option('--username <name>', 'the user of the Karapace entry (with --karapace)')
    .option('--salt <salt>', 'the salt of the Karapace entry (with --karapace; default 16 random bytes, URL-safe base64, as karapace_mkpasswd)')
    .addHelpText('after', HASH_PASSWORD_EXAMPLES);
  command.action(
    gatedAction(command, async (options: HashPasswordOptions) => {
      if (options.karapace === undefined && (options.username !== undefined || options.salt !== undefined)) {
        throw new UsageError('--username and --salt describe a Karapace entry: use them with --karapace');
      }
      if (options.karapace !== undefined) {
        if (options.username === undefined || options.username === '') throw new UsageError('--karapace needs --username: the entry names its user');
        if (options.salt === '') throw new UsageError('--salt is empty (leave it out for a random one)');
      }
      const password = await readPassword(options.passwordStdin === true);
      if (options.karapace === undefined) {
        process.stdout.write(`${await hashPassword(password)}\n`);
        return EXIT.ok;
      }
      const salt = options.salt ?? randomSecret(16);
      const entry = { username: options.username, algorithm: options.karapace, salt, password_hash: await karapaceHash(options.karapace, password, salt) };
      process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
      return EXIT.ok;
    }),
  );
  return exitOnUsageError(command);
}

/** The password: prompted for without echo on a terminal (unless `lineOnly`), else one line of standard input. */
async function readPassword(lineOnly: boolean): Promise<string> {
  const input = process.stdin;
  const password = input.isTTY ? (lineOnly ? await terminalLine() : await promptHidden('Password: ')) : oneLine(await readAll());
  if (password === '') throw new UsageError('the password is empty');
  return password;
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_PASSWORD_BYTES) throw new UsageError(`standard input is longer than ${MAX_PASSWORD_BYTES} bytes: give the password alone, on one line`);
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The text without its trailing line break; refused when it holds another one. */
function oneLine(text: string): string {
  const line = text.replace(/\r?\n$/, '');
  if (/[\r\n]/.test(line)) throw new UsageError('standard input holds more than one line: give the password alone, on one line');
  return line;
}

async function terminalLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of lines) return line.replace(/\r$/, '');
    return '';
  } finally {
    lines.close();
  }
}

/** Reads one line from the terminal in raw mode, echoing nothing; Ctrl-C exits 130, as a shell would. */
function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  // Raw before the prompt shows, so that nothing typed after it is echoed by the terminal.
  input.setRawMode(true);
  process.stderr.write(prompt);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve) => {
    let value: string[] = [];
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || (char === '\u0004' && value.length === 0)) {
          finish();
          return resolve(value.join(''));
        }
        if (char === '\u0003') {
          finish();
          process.exit(130);
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char === '\u0015') value = [];
        else if (char >= ' ') value.push(char);
      }
    };
    input.on('data', onData);
  });
}

function tokenCommand(): Command {
  const command = new Command('token')
    .description('Make an API token: print its secret once, and the entry (with only a hash of the secret) for the auth file')
    .addOption(new Option('--key <key>', 'the token key: what the caller sends before the secret (letters, digits, _ and -)').makeOptionMandatory())
    .option('--principal <name>', 'the name rules and the audit trail know the token by (default: its key)')
    .addOption(new Option('--group <group>', 'a group of the principal; repeatable').argParser(collect).default([], 'none'))
    .option('--expires <iso-date>', 'refuse the token after this ISO 8601 date or time, e.g. 2027-06-30T00:00:00Z')
    .option('--json', 'print {key, secret, bearer, entry} as JSON, for scripts')
    .addHelpText('after', TOKEN_EXAMPLES);
  command.action(
    gatedAction(command, async (options: TokenOptions) => {
      const { key, ...rest } = tokenEntry(options);
      const secret = randomSecret();
      const full: TokenFileEntry = { key, secretHash: hashSecret(secret), ...rest };
      const bearer = `${options.key}.${secret}`;
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ key: options.key, secret, bearer, entry: full }, null, 2)}\n`);
        return EXIT.ok;
      }
      const { stringify } = await import('yaml');
      const yaml = stringify({ tokens: [full] });
      process.stdout.write(
        [
          `Secret of token ${options.key} (shown this once: the registry keeps only its hash):`,
          '',
          `  ${secret}`,
          '',
          'Send it as either of:',
          `  HTTP Basic   ${options.key}:${secret}`,
          `               (Confluent clients: basic.auth.credentials.source=USER_INFO, basic.auth.user.info=${options.key}:${secret})`,
          `  Bearer       Authorization: Bearer ${bearer}`,
          `               (creg: --token ${bearer}, or CREG_REGISTRY_TOKEN)`,
          '',
          'Add this entry under tokens: in the auth file:',
          '',
          yaml,
        ].join('\n'),
      );
      return EXIT.ok;
    }),
  );
  return exitOnUsageError(command);
}

function tokenEntry(options: TokenOptions): Omit<TokenFileEntry, 'secretHash'> {
  if (!TOKEN_KEY.test(options.key)) throw new UsageError(`--key '${options.key}' is not a token key: 1 to 128 letters, digits, _ or -`);
  if (options.principal !== undefined && !NAME.test(options.principal)) {
    throw new UsageError(`--principal '${options.principal}' is not a principal name: 1 to 255 characters, no spaces or colons`);
  }
  const bad = options.group.find((group) => !NAME.test(group));
  if (bad !== undefined) throw new UsageError(`--group '${bad}' is not a group name: 1 to 255 characters, no spaces or colons`);
  if (options.expires !== undefined) {
    const when = /^\d{4}-\d{2}-\d{2}(?:[T ]|$)/.test(options.expires) ? Date.parse(options.expires) : Number.NaN;
    if (Number.isNaN(when)) throw new UsageError(`--expires '${options.expires}' is not an ISO 8601 date or time, e.g. 2027-06-30T00:00:00Z`);
    if (when <= Date.now()) process.stderr.write(`warning: --expires ${options.expires} is already past: the registry will refuse this token\n`);
  }
  const groups = [...new Set(options.group)];
  return {
    key: options.key,
    ...(options.principal !== undefined && { principal: options.principal }),
    ...(groups.length > 0 && { groups }),
    ...(options.expires !== undefined && { expires: options.expires }),
  };
}

function schemaCommand(): Command {
  const command = new Command('schema')
    .description("Print the JSON Schema of the registry's own auth file format")
    .addHelpText('after', SCHEMA_EXAMPLES);
  command.action(
    gatedAction(command, async () => {
      process.stdout.write(`${JSON.stringify(AUTH_FILE_SCHEMA, null, 2)}\n`);
      return EXIT.ok;
    }),
  );
  return exitOnUsageError(command);
}

function checkCommand(): Command {
  const command = new Command('check')
    .description('Read an auth file as `creg serve --auth-file` does, and summarise it (or say what is wrong)')
    .argument('<file>', "the auth file: Karapace's, or the registry's own (YAML or JSON)")
    .addHelpText('after', CHECK_EXAMPLES);
  command.action(
    gatedAction(command, async (file: string) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        process.stderr.write(`${file}: cannot be read: ${(error as Error).message}\n`);
        return EXIT.failed;
      }
      // Loaded here, not at the top: ajv compiles the file's schemas when the module loads.
      const [{ parseAuthFile }, { createOidcVerifier }] = await Promise.all([import('../../security/auth-file.js'), import('../../security/oidc.js')]);
      let config;
      try {
        config = parseAuthFile(text);
        // What serve also does at start: an OIDC section that cannot work stops it.
        if (config.oidc) createOidcVerifier(config.oidc);
      } catch (error) {
        process.stderr.write(`${file}: not a valid auth file: ${(error as Error).message}\n`);
        return EXIT.failed;
      }
      const now = Date.now();
      const tokens = [...config.tokens.values()];
      const expired = tokens.filter((t) => t.expires !== undefined && t.expires <= now).map((t) => t.key);
      const listed = (names: string[]) => (names.length > 0 ? ` (${names.join(', ')})` : '');
      const lines = [
        `${file}: valid ${config.format === 'karapace' ? "Karapace's" : "the registry's own"} auth file`,
        `  format: ${config.format}`,
        `  users:  ${config.users.size}${listed([...config.users.keys()])}`,
        `  tokens: ${config.tokens.size}${listed(tokens.map((t) => (t.principal === t.key ? t.key : `${t.key} as ${t.principal}`)))}`,
        `  rules:  ${config.policy.rules.length}`,
        `  oidc:   ${config.oidc ? `issuer ${config.oidc.issuer}` : 'off'}`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      if (expired.length > 0) process.stderr.write(`warning: ${expired.length === 1 ? 'token' : 'tokens'} already expired: ${expired.join(', ')}\n`);
      return EXIT.ok;
    }),
  );
  return exitOnUsageError(command);
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `creg auth`: hashes, tokens and checks for the auth file. */
export function authCommand(): Command {
  return exitOnUsageError(
    new Command('auth')
      .description('Write and check the auth file of `creg serve --auth-file`: password hashes, API tokens, its schema')
      .addCommand(hashPasswordCommand())
      .addCommand(tokenCommand())
      .addCommand(schemaCommand())
      .addCommand(checkCommand()),
  );
}
