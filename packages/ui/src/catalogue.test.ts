import { describe, expect, it } from 'vitest';
import { defineCatalogue, isLocale, placeholdersOf, translate } from './catalogue.ts';
import { uiMessages } from './messages.ts';

describe('uiMessages', () => {
  const keys = Object.keys(uiMessages.da) as (keyof typeof uiMessages.da)[];

  it('has the same keys in English as in Danish', () => {
    expect(Object.keys(uiMessages.en).sort()).toEqual([...keys].sort());
  });

  it('has no empty message and the same placeholders in both languages', () => {
    for (const key of keys) {
      expect(uiMessages.da[key].trim(), key).not.toBe('');
      expect(uiMessages.en[key].trim(), key).not.toBe('');
      expect(placeholdersOf(uiMessages.en[key]).sort(), key).toEqual(
        placeholdersOf(uiMessages.da[key]).sort(),
      );
    }
  });

  it('is actually translated: the login texts differ between the languages', () => {
    expect(uiMessages.da['login.submit']).not.toBe(uiMessages.en['login.submit']);
    expect(uiMessages.da['shell.logout']).not.toBe(uiMessages.en['shell.logout']);
  });
});

describe('translate', () => {
  const catalogue = defineCatalogue({
    da: { greeting: 'Hej {name}, du har {count} opgaver', plain: 'Dansk' },
    en: { greeting: 'Hello {name}, you have {count} tasks', plain: 'English' },
  });

  it('picks the language and fills every placeholder', () => {
    expect(translate(catalogue, 'da', 'greeting', { name: 'Ane', count: 3 })).toBe(
      'Hej Ane, du har 3 opgaver',
    );
    expect(translate(catalogue, 'en', 'greeting', { name: 'Ane', count: 3 })).toBe(
      'Hello Ane, you have 3 tasks',
    );
    expect(translate(catalogue, 'en', 'plain')).toBe('English');
  });

  it('leaves a placeholder without a value visible instead of printing undefined', () => {
    expect(translate(catalogue, 'da', 'greeting', { name: 'Ane' })).toBe('Hej Ane, du har {count} opgaver');
  });
});

describe('isLocale', () => {
  it('accepts only the supported languages', () => {
    expect(isLocale('da')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale(null)).toBe(false);
  });
});
