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

/**
 * Numbers kept per keyed source before it starts afresh: about 10 MB at most. An evaluator asks the
 * same cells again and again (a dashboard section per request, a national Table 5.1 of some 3,200
 * cells), and the HMAC was most of a small figure's disclosure time.
 */
const REMEMBERED_MESSAGES = 100_000;

/**
 * HMAC-SHA256 of the message, its first 48 bits as a number in (0, 1). A pure function of the
 * key and the message, so each number is remembered: the same message gives the same number
 * either way. What is remembered is a cell's (count, key sum) message and its noise draw, in the
 * gateway process that holds the key anyway; the time a remembered cell saves (about 2 µs) is far
 * below a request's own variation, so it tells nobody which cells were asked before.
 */
export function keyedUniform(key: Buffer): KeyedUniform {
  const remembered = new Map<string, number>();
  return (message) => {
    let u = remembered.get(message);
    if (u === undefined) {
      const digest = createHmac('sha256', key).update(message).digest();
      u = (digest.readUIntBE(0, 6) + 0.5) / 2 ** 48;
      // Bounded without bookkeeping per hit: when full, start afresh.
      if (remembered.size >= REMEMBERED_MESSAGES) remembered.clear();
      remembered.set(message, u);
    }
    return u;
  };
}

export async function evaluationUniform(): Promise<KeyedUniform> {
  const key = await disclosureKey();
  if (cachedUniform?.key !== key) cachedUniform = { key, uniform: keyedUniform(key) };
  return cachedUniform.uniform;
}
