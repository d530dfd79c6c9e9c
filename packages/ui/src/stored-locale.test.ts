import { describe, expect, it } from 'vitest';
import { languageAtLogin } from './stored-locale.ts';

describe('the language at login', () => {
  it('is the one stored on the account', () => {
    expect(languageAtLogin('en', 'da', false)).toEqual({ show: 'en', save: null });
    expect(languageAtLogin('da', 'en', false)).toEqual({ show: 'da', save: null });
  });

  it('keeps a choice made on the login page and stores it on the account', () => {
    expect(languageAtLogin('da', 'en', true)).toEqual({ show: 'en', save: 'en' });
    expect(languageAtLogin('en', 'en', true)).toEqual({ show: 'en', save: null });
  });

  it('keeps the current language when the stored one is not a staff language', () => {
    expect(languageAtLogin('ar', 'en', false)).toEqual({ show: 'en', save: null });
    expect(languageAtLogin(null, 'da', false)).toEqual({ show: 'da', save: null });
  });
});
