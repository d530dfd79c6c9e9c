import { Secret, TOTP } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import { createOrganization, createUser } from '../testing/fixtures.ts';
import { enableTotpFor } from '../testing/totp-codes.ts';
import { acceptTotpCode, newTotpSecret, normaliseTotpCode, totpClock, totpStepOf } from './totp.ts';

const NOW = Date.UTC(2026, 2, 29, 0, 59, 45); // the night Denmark moves to summer time: codes use UTC steps
const secret = newTotpSecret();

function codeAt(timestamp: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp });
}

describe('normaliseTotpCode', () => {
  it('accepts six digits with spaces or a hyphen, and nothing else', () => {
    expect(normaliseTotpCode('123 456')).toBe('123456');
    expect(normaliseTotpCode(' 123-456 ')).toBe('123456');
    for (const bad of ['12345', '1234567', '12345a', '١٢٣٤٥٦', '', '123456\u0000']) {
      expect(normaliseTotpCode(bad)).toBeNull();
    }
  });
});

describe('totpStepOf', () => {
  it('accepts the current step and one either side for clock drift, not two', () => {
    const step = Math.floor(NOW / 30_000);
    expect(totpStepOf(secret, codeAt(NOW), NOW)).toBe(step);
    expect(totpStepOf(secret, codeAt(NOW - 30_000), NOW)).toBe(step - 1);
    expect(totpStepOf(secret, codeAt(NOW + 30_000), NOW)).toBe(step + 1);
    expect(totpStepOf(secret, codeAt(NOW - 60_000), NOW)).toBeNull();
    expect(totpStepOf(secret, codeAt(NOW + 60_000), NOW)).toBeNull();
    expect(totpStepOf(newTotpSecret(), codeAt(NOW), NOW)).toBeNull();
  });
});

describe('acceptTotpCode', () => {
  let userId: string;
  let userSecret: string;

  beforeAll(async () => {
    const { openDatabase } = await import('../database.ts');
    await openDatabase();
    const organization = await createOrganization({ name: 'Køge Kommune', slug: 'koege' });
    userId = (
      await createUser({
        email: 'totp@koege.test',
        memberships: [{ organizationId: organization.id, role: 'ADMIN' }],
      })
    ).id;
    userSecret = await enableTotpFor(userId);
    totpClock.now = () => NOW;
  });

  function userCode(timestamp: number): string {
    return TOTP.generate({ secret: Secret.fromBase32(userSecret), timestamp });
  }

  it('accepts one code once, even when the same code arrives twice at the same moment', async () => {
    const code = userCode(NOW - 30_000);
    const results = await Promise.all([acceptTotpCode(userId, code), acceptTotpCode(userId, code)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await acceptTotpCode(userId, code)).toBe(false);
  });

  it('refuses an older code after a newer one was used', async () => {
    expect(await acceptTotpCode(userId, userCode(NOW + 30_000))).toBe(true);
    expect(await acceptTotpCode(userId, userCode(NOW))).toBe(false);
    const row = await prisma().user.findUniqueOrThrow({ where: { id: userId } });
    expect(row.totpLastStep).toBe(Math.floor(NOW / 30_000) + 1);
  });

  it('refuses any code for a user without a secret', async () => {
    await prisma().user.update({ where: { id: userId }, data: { totpSecret: null } });
    expect(await acceptTotpCode(userId, userCode(NOW + 30_000))).toBe(false);
  });
});
