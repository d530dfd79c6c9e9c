import { fieldKeyring } from '@vi/db';
import { fieldError } from '@vi/domain';
import { Secret, TOTP } from 'otpauth';
import { prisma } from '../database.ts';
import { ErrorCode, gatewayError, throwValidation } from '../errors.ts';

/**
 * The optional second factor: time-based one-time codes (RFC 6238) from an authenticator app,
 * with `otpauth`. The parameters are the ones every app understands (SHA-1, 6 digits, 30 s);
 * a code is accepted one step early or late for clock drift, and only once (the last accepted
 * step is stored), so a code read over someone's shoulder cannot be replayed.
 */
export const TOTP_ISSUER = 'Voldsindsats';
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const DRIFT_STEPS = 1;

/** The clock codes are checked against; tests move it instead of waiting 30 s. */
export const totpClock = { now: (): number => Date.now() };

/**
 * The secret as stored in User.totpSecret: encrypted with the installation key derived from the
 * master key (packages/db field-encryption.ts; a user is no organisation's, so no data key).
 * Nothing else reads or writes the column. A secret stored as plain base32 before issue 10 still
 * opens, and is sealed the next time the user sets up the factor.
 */
const TOTP_CONTEXT = 'User.totpSecret';

export function sealTotpSecret(secret: string): string {
  return fieldKeyring().sealInstallationSecret(secret, TOTP_CONTEXT);
}

export function openTotpSecret(stored: string): string {
  return fieldKeyring().openInstallationSecret(stored, TOTP_CONTEXT);
}

/** 20 random bytes (160 bits, RFC 4226's recommendation) as base32, the form apps accept. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, email: string): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// URI an authenticator app reads from a QR code. */
export function totpUri(secret: string, email: string): string {
  return totpFor(secret, email).toString();
}

/** "123 456" and "123456" are the same code; anything but six digits is no code. */
export function normaliseTotpCode(code: string): string | null {
  const compact = code.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(compact) ? compact : null;
}

/** The time step a code belongs to (within the drift allowance), or null when it matches none. */
export function totpStepOf(secret: string, code: string, now = totpClock.now()): number | null {
  const normalised = normaliseTotpCode(code);
  if (!normalised) return null;
  const totp = totpFor(secret, 'check');
  const delta = totp.validate({ token: normalised, timestamp: now, window: DRIFT_STEPS });
  return delta === null ? null : totp.counter({ timestamp: now }) + delta;
}

/**
 * Checks a code against the user's stored secret (enabled or pending) and uses it up: the
 * conditional UPDATE moves the last accepted step forward only if this step is newer, so of two
 * requests racing with one code, one wins. False for a wrong, old or reused code.
 */
export async function acceptTotpCode(userId: string, code: string): Promise<boolean> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { totpSecret: true } });
  if (!user?.totpSecret) return false;
  const step = totpStepOf(openTotpSecret(user.totpSecret), code);
  if (step === null) return false;
  const { count } = await prisma().user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** True when the user has confirmed a second factor. */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  const user = await prisma().user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return Boolean(user?.totpEnabledAt);
}

/**
 * The login's second step, called right after the password was found right. Without a second
 * factor there is nothing to do. With one, a missing code answers SECOND_FACTOR_REQUIRED (the app
 * then asks for it and sends e-mail, password and code again: one anonymous mutation, no
 * half-logged-in state on the server), and a wrong one a VALIDATION error on `code`. Either
 * throws before the login is counted as a success, so a wrong code costs a try of the login
 * throttle like a wrong password. `onWrongCode` writes the failed login to the audit trail.
 */
export async function checkSecondFactor(
  userId: string,
  code: string | null | undefined,
  onWrongCode: () => Promise<void>,
): Promise<void> {
  if (!(await hasSecondFactor(userId))) return;
  if (code === null || code === undefined || code.trim() === '') {
    throw gatewayError(ErrorCode.SECOND_FACTOR_REQUIRED);
  }
  if (!(await acceptTotpCode(userId, code))) {
    await onWrongCode();
    throwValidation([fieldError('code', 'WRONG_CODE')]);
  }
}
