import { Secret, TOTP } from 'otpauth';
import { newTotpSecret, sealTotpSecret, totpClock } from '../auth/totp.ts';
import { prisma } from '../database.ts';

/**
 * An authenticator app for tests. Each code moves the gateway's TOTP clock on by one 30-second
 * step first, so every code is fresh (a code is accepted only once) and no test waits or depends
 * on where in a step the real clock happens to be.
 */
let now = Date.UTC(2026, 10, 16, 9, 0, 0);
totpClock.now = () => now;

export function nextCode(secret: string): string {
  now += 30_000;
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now });
}

/** A code of the step `steps` away from the current one (without moving the clock). */
export function codeAt(secret: string, steps: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: now + steps * 30_000 });
}

/** Gives a user a confirmed second factor directly in the database; returns its secret. */
export async function enableTotpFor(userId: string): Promise<string> {
  const secret = newTotpSecret();
  await prisma().user.update({
    where: { id: userId },
    data: { totpSecret: sealTotpSecret(secret), totpEnabledAt: new Date(), totpLastStep: null },
  });
  return secret;
}
