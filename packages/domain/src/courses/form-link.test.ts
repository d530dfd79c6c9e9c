import { describe, expect, it } from 'vitest';
import {
  FORM_LINK_PROBLEM_MESSAGES,
  FORM_LINK_TTL_HOURS,
  formLinkExpiresAt,
  formLinkFragment,
  formLinkState,
  formTokenFromFragment,
  generateFormToken,
  isWellFormedFormToken,
} from './form-link.ts';

describe('form link tokens', () => {
  it('are 256-bit base64url strings that survive the URL fragment', () => {
    const token = generateFormToken();
    expect(isWellFormedFormToken(token)).toBe(true);
    expect(token).toHaveLength(43);
    expect(formTokenFromFragment(formLinkFragment(token))).toBe(token);
    expect(generateFormToken()).not.toBe(token);
  });

  it('encodes bytes as base64url without padding', () => {
    const token = generateFormToken((n) => new Uint8Array(n).fill(0xff));
    // 256 one-bits: 42 full sextets of 63 ('_') and a last sextet 111100 = 60 ('8').
    expect(token).toBe(`${'_'.repeat(42)}8`);
  });

  it('rejects malformed tokens and fragments without one', () => {
    expect(isWellFormedFormToken('abc')).toBe(false);
    expect(isWellFormedFormToken(`${'a'.repeat(42)}=`)).toBe(false);
    expect(formTokenFromFragment('')).toBeNull();
    expect(formTokenFromFragment('#x=1')).toBeNull();
  });

  it('expires after the TTL, and a used link reads as used', () => {
    const created = new Date('2026-05-01T10:00:00Z');
    const expiresAt = formLinkExpiresAt(created);
    expect(expiresAt.getTime() - created.getTime()).toBe(FORM_LINK_TTL_HOURS * 3_600_000);
    expect(formLinkState({ expiresAt, usedAt: null }, created)).toBe('OPEN');
    expect(formLinkState({ expiresAt, usedAt: null }, expiresAt)).toBe('EXPIRED');
    expect(formLinkState({ expiresAt, usedAt: created }, new Date('2027-01-01'))).toBe('USED');
  });

  it('has a Danish and an English message for every problem', () => {
    for (const message of Object.values(FORM_LINK_PROBLEM_MESSAGES)) {
      expect(message.da.length).toBeGreaterThan(10);
      expect(message.en.length).toBeGreaterThan(10);
    }
  });
});
