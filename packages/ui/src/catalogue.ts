// A message catalogue is plain data: Danish is the reference language, and the English table must have
// exactly the same keys (the type checker enforces it; catalogue.test.ts also checks placeholders).

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'da';

/** Text in both languages, e.g. the `message` of a FieldError sent by the gateway. */
export type LocalizedText = { readonly da: string; readonly en: string };

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

export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
