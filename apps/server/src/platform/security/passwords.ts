import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

type ScryptOptions = { N: number; r: number; p: number; maxmem: number };
const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: ScryptOptions) => Promise<Buffer>;

/** OWASP's current scrypt guidance: N=2^17, r=8, p=1 (~128 MiB and a few hundred ms per hash). */
export const SCRYPT_COST = { N: 1 << 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
// Node refuses scrypt above 32 MiB by default; 128·N·r bytes is what the cost above needs, plus headroom.
const maxmemFor = (N: number, r: number, p: number) => 128 * N * r * p + 32 * 1024 * 1024;

/** The key derivation every hash and check goes through (an object, so a test can count calls). */
export const passwordKdf = {
  derive: (password: string, salt: Buffer, length: number, cost: { N: number; r: number; p: number }) =>
    scryptAsync(password, salt, length, { ...cost, maxmem: maxmemFor(cost.N, cost.r, cost.p) }),
};

/** scrypt hash in a self-describing string: scrypt$N$r$p$salt$hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await passwordKdf.derive(password, salt, KEY_LENGTH, SCRYPT_COST);
  return ['scrypt', SCRYPT_COST.N, SCRYPT_COST.r, SCRYPT_COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against a stored hash of any cost this code ever wrote. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await passwordKdf.derive(password, parsed.salt, parsed.hash.length, parsed.cost);
  return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
}

/** True when the stored hash is cheaper than today's cost: re-hash it after the next successful sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (!parsed) return true;
  return parsed.cost.N < SCRYPT_COST.N || parsed.cost.r < SCRYPT_COST.r || parsed.cost.p < SCRYPT_COST.p;
}

function parseHash(stored: string) {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !hash || ![cost.N, cost.r, cost.p].every((v) => Number.isSafeInteger(v) && v > 0)) {
    return undefined;
  }
  // Never derive with more than today's cost: a forged row must not make the server allocate gigabytes.
  if (cost.N > SCRYPT_COST.N || cost.r > SCRYPT_COST.r || cost.p > SCRYPT_COST.p) return undefined;
  return { cost, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/** A password a person can type from the console: 4 groups of 4. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
