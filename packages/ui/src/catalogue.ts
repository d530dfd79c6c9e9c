// A message catalogue is plain data: Danish is the reference language, and the English table must have
// exactly the same keys (the type checker enforces it; catalogue.test.ts also checks placeholders).

import { type Label, LOCALES, type Locale } from '@vi/domain';

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = 'da';

/** Text in both languages (the domain's Label), e.g. the `message` of a FieldError from the gateway. */
export type LocalizedText = Label;

export type Catalogue<Key extends string> = {
  readonly da: Readonly<Record<Key, string>>;
  readonly en: Readonly<Record<Key, string>>;
};

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate<Key extends string> = (key: Key, params?: MessageParams) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Declares a catalogue; `en` must name every key of `da` and nothing else. */
export function defineCatalogue<const Key extends string>(catalogue: {
  da: Record<Key, string>;
  en: NoInfer<Record<Key, string>>;
}): Catalogue<Key> {
  return catalogue;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholder names used in one message, e.g. `{name}` → `name`. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((match) => match[1] as string);
}

export function translate<Key extends string>(
  catalogue: Catalogue<Key>,
  locale: Locale,
  key: Key,
  params?: MessageParams,
): string {
  const template = catalogue[locale][key];
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params?.[name];
    // A missing parameter is a programming error; showing the raw placeholder makes it visible in review
    // instead of silently printing "undefined" to a user.
    return value === undefined ? whole : String(value);
  });
}

/** One message in both languages, for places that take a LocalizedText (page title, app name). */
export function bothLanguages<Key extends string>(catalogue: Catalogue<Key>, key: Key): LocalizedText {
  return { da: catalogue.da[key], en: catalogue.en[key] };
}

/**
 * What is wrong with a catalogue, as readable sentences (empty when nothing): keys missing in one
 * language, empty messages, and placeholders that differ between the languages. The types already
 * catch missing keys in code that compiles; this also covers catalogues built from data.
 */
export function catalogueProblems(catalogue: Catalogue<string>): string[] {
  const problems: string[] = [];
  const keys = new Set([...Object.keys(catalogue.da), ...Object.keys(catalogue.en)]);
  for (const key of keys) {
    const da = catalogue.da[key];
    const en = catalogue.en[key];
    if (da === undefined || en === undefined) {
      problems.push(`"${key}" is missing in ${da === undefined ? 'da' : 'en'}`);
      continue;
    }
    if (da.trim() === '' || en.trim() === '')
      problems.push(`"${key}" is empty in ${da.trim() ? 'en' : 'da'}`);
    const daPlaceholders = placeholdersOf(da).sort().join(',');
    const enPlaceholders = placeholdersOf(en).sort().join(',');
    if (daPlaceholders !== enPlaceholders) {
      problems.push(`"${key}" has placeholders {${daPlaceholders}} in da but {${enPlaceholders}} in en`);
    }
  }
  return problems;
}
