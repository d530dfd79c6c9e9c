import { hash, verify } from '@node-rs/argon2';

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a password nobody has, made with the library defaults (argon2id)
 * like the real ones, so an unknown e-mail costs the same verify time as a
 * known one and response time does not reveal which addresses exist.
 */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(`no-such-user-${Math.random()}`);
  return dummyHash;
}

/** Verifies against the stored hash, or against the dummy when there is none. */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    await verify(await dummyPasswordHash(), password);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash is a failed login, not a crash.
    return false;
  }
}
