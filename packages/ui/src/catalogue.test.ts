import { describe, expect, it } from 'vitest';
import { type Catalogue, catalogueProblems, defineCatalogue, isLocale, translate } from './catalogue.ts';
import { uiMessages } from './messages.ts';

describe('uiMessages', () => {
  const keys = Object.keys(uiMessages.da) as (keyof typeof uiMessages.da)[];

  it('is complete: same keys, nothing empty, same placeholders in both languages', () => {
    expect(catalogueProblems(uiMessages)).toEqual([]);
    expect(Object.keys(uiMessages.en).sort()).toEqual([...keys].sort());
  });

  it('is actually translated: the login texts differ between the languages', () => {
    expect(uiMessages.da['login.submit']).not.toBe(uiMessages.en['login.submit']);
    expect(uiMessages.da['shell.logout']).not.toBe(uiMessages.en['shell.logout']);
  });
});

describe('catalogueProblems', () => {
  it('reports a missing key, an empty message and differing placeholders', () => {
    const broken = {
      da: { a: 'Hej {name}', b: '', c: 'kun dansk' },
      en: { a: 'Hello {person}', b: 'B' },
    } as unknown as Catalogue<string>;
    expect(catalogueProblems(broken)).toEqual([
      '"a" has placeholders {name} in da but {person} in en',
      '"b" is empty in da',
      '"c" is missing in en',
    ]);
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
