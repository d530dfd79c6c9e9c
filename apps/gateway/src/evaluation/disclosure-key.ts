import { createHmac, randomBytes } from 'node:crypto';
import type { KeyedUniform } from '@vi/domain';
import { prisma } from '../database.ts';

/**
 * The installation's secret for disclosure control: the HMAC key that turns a cell's
 * (count, cell key) into its noise (packages/domain disclosure.ts). The method and its
 * noise table are public; this key is what keeps an evaluator from computing the noise.
 *
 * VI_DISCLOSURE_KEY (64 hex characters = 32 bytes) sets it. Without it the key is made once,
 * at random, and kept in the database (table DisclosureSecret), so every gateway process
 * and every restart uses the same key: a new key would give the same people new noise, and
 * answers from before and after could be averaged.
 */
const HEX_KEY = /^[0-9a-f]{64}$/i;

let cached: Promise<Buffer> | undefined;
/** The keyed noise source made from the cached key, so a request takes it without a new closure. */
let cachedUniform: { key: Buffer; uniform: KeyedUniform } | undefined;

async function loadKey(env: NodeJS.ProcessEnv): Promise<Buffer> {
  const configured = env.VI_DISCLOSURE_KEY?.trim();
  if (configured) {
    if (!HEX_KEY.test(configured))
      throw new Error('VI_DISCLOSURE_KEY must be 64 hexadecimal characters (32 random bytes).');
    return Buffer.from(configured, 'hex');
  }
  const db = prisma();
  // Two processes starting at once: the first insert wins, both read the winner.
  await db.disclosureSecret.createMany({
    data: [{ id: 1, key: new Uint8Array(randomBytes(32)) }],
    skipDuplicates: true,
  });
  const row = await db.disclosureSecret.findUniqueOrThrow({ where: { id: 1 } });
  return Buffer.from(row.key);
}

/** The key, loaded once per process. */
export function disclosureKey(env: NodeJS.ProcessEnv = process.env): Promise<Buffer> {
  cached ??= loadKey(env).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/** Tests switch databases between files; the next call loads the key again. */
export function forgetDisclosureKey(): void {
  cached = undefined;
  cachedUniform = undefined;
}

/** HMAC-SHA256 of the message, its first 48 bits as a number in (0, 1). */
export function keyedUniform(key: Buffer): KeyedUniform {
  return (message) => {
    const digest = createHmac('sha256', key).update(message).digest();
    return (digest.readUIntBE(0, 6) + 0.5) / 2 ** 48;
  };
}

export async function evaluationUniform(): Promise<KeyedUniform> {
  const key = await disclosureKey();
  if (cachedUniform?.key !== key) cachedUniform = { key, uniform: keyedUniform(key) };
  return cachedUniform.uniform;
}
