import { describe, expect, it } from 'vitest';
import { newPasswordErrors, PASSWORD_MIN_LENGTH } from './password.ts';

const account = { email: 'lene.hansen@koege.dk' };

function codes(password: string, options: { email: string; current?: string } = account): string[] {
  return newPasswordErrors('newPassword', password, options).map((error) => error.code);
}

describe('newPasswordErrors', () => {
  it('accepts a passphrase of ordinary words', () => {
    expect(codes('grøn cykel ved åen i regn')).toEqual([]);
    expect(codes('Helene-elsker-kaffe-hver-dag')).toEqual([]); // contains "lene", but far more
  });

  it('refuses an empty, a short and an absurdly long password, naming the field', () => {
    expect(codes('')).toEqual(['REQUIRED']);
    expect(codes('x'.repeat(PASSWORD_MIN_LENGTH - 1))).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('kort-men-ok')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('a'.repeat(1025))).toEqual(['TOO_LONG']);
    const [error] = newPasswordErrors('newPassword', 'kort', account);
    expect(error?.field).toBe('newPassword');
    expect(error?.message.da).toContain('12');
    expect(error?.message.en).toContain('12');
  });

  it('counts characters as a person does: eleven emoji are too short', () => {
    expect(codes('🙂'.repeat(11))).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('refuses the e-mail address and passwords built on it', () => {
    expect(codes('lene.hansen@koege.dk')).toEqual(['PASSWORD_CONTAINS_EMAIL']);
    expect(codes('Lene.Hansen2026!')).toEqual(['PASSWORD_CONTAINS_EMAIL']);
    expect(codes('hansen-hansen-1')).toEqual(['PASSWORD_CONTAINS_EMAIL']);
  });

  it('refuses the public demo password and what is guessed first', () => {
    expect(codes('demo-adgang')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('demo-adgang-1')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('Adgangskode2026!')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('123456789012')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('aaaaaaaaaaaaaaaa')).toEqual(['PASSWORD_TOO_COMMON']);
    expect(codes('abababababab')).toEqual(['PASSWORD_TOO_COMMON']);
  });

  it('refuses the current password as the new one', () => {
    expect(codes('grøn cykel ved åen', { ...account, current: 'grøn cykel ved åen' })).toEqual([
      'PASSWORD_UNCHANGED',
    ]);
  });
});
