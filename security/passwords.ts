/**
 * Password and secret hashes, and their checks in constant time.
 *
 * - Karapace's auth file, read as it is (karapace `core/auth.py`
 *   `hash_password`): `sha1`/`sha256`/`sha512` are PBKDF2-HMAC of the UTF-8
 *   password with the UTF-8 salt, 5,000 iterations; `scrypt` is N=16384, r=8,
 *   p=1, 64 bytes; all base64.
 * - The project's own users: a PHC string `$scrypt$ln=15,r=8,p=1$<salt>$<hash>`
 *   (unpadded base64), what `creg auth hash-password` prints.
 * - API token secrets are long random strings, so a plain SHA-256
 *   (`sha256:<hex>`) is enough and keeps a token check cheap.
 */
import { createHash, pbkdf2, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(scrypt) as (password: string | Buffer, salt: string | Buffer, keylen: number, options: object) => Promise<Buffer>;

export const KARAPACE_ALGORITHMS = ['sha1', 'sha256', 'sha512', 'scrypt'] as const;
export type KarapaceAlgorithm = (typeof KARAPACE_ALGORITHMS)[number];

const KARAPACE_PBKDF2_ITERATIONS = 5000;
const KARAPACE_SCRYPT = { N: 16384, r: 8, p: 1 };
const PBKDF2_LENGTH: Record<Exclude<KarapaceAlgorithm, 'scrypt'>, number> = { sha1: 20, sha256: 32, sha512: 64 };

export async function karapaceHash(algorithm: KarapaceAlgorithm, password: string, salt: string): Promise<string> {
  const bytes =
    algorithm === 'scrypt'
      ? await scryptAsync(Buffer.from(password, 'utf8'), Buffer.from(salt, 'utf8'), 64, KARAPACE_SCRYPT)
      : await pbkdf2Async(Buffer.from(password, 'utf8'), Buffer.from(salt, 'utf8'), KARAPACE_PBKDF2_ITERATIONS, PBKDF2_LENGTH[algorithm], algorithm);
  return bytes.toString('base64');
}

export async function verifyKarapacePassword(algorithm: KarapaceAlgorithm, salt: string, expectedBase64: string, password: string): Promise<boolean> {
  return sameBytes(Buffer.from(await karapaceHash(algorithm, password, salt), 'base64'), Buffer.from(expectedBase64, 'base64'));
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export function isPasswordHash(value: string): boolean {
  const match = PHC.exec(value);
  return !!match && Number(match[1]) >= 10 && Number(match[1]) <= 20;
}

export async function hashPassword(password: string, logN = 15): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, scryptOptions(logN, 8, 1));
  return `$scrypt$ln=${logN},r=8,p=1$${unpadded(salt)}$${unpadded(hash)}`;
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const match = PHC.exec(hash);
  if (!match || !isPasswordHash(hash)) return false;
  const [, ln, r, p, salt, expected] = match as unknown as [string, string, string, string, string, string];
  const want = Buffer.from(expected, 'base64');
  const got = await scryptAsync(password, Buffer.from(salt, 'base64'), want.length, scryptOptions(Number(ln), Number(r), Number(p)));
  return sameBytes(got, want);
}

function scryptOptions(logN: number, r: number, p: number) {
  const N = 2 ** logN;
  return { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
}

/** `sha256:<hex>`: how token secrets are stored, and the audit trail's before- and after-hashes. */
export function sha256Digest(content: string | Buffer): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

export function hashSecret(secret: string): string {
  return sha256Digest(secret);
}

export function isSecretHash(value: string): boolean {
  return /^sha256:[0-9a-f]{64}$/.test(value);
}

export function verifySecret(hash: string, secret: string): boolean {
  return sameBytes(Buffer.from(hashSecret(secret)), Buffer.from(hash));
}

/** Equal in constant time for inputs of the same length; different lengths are simply unequal. */
export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const unpadded = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
