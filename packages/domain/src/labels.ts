/**
 * Every user-facing text in the domain is a pair: Danish (the default, what the
 * users speak) and English (complete, never a fallback to Danish).
 */
export type Label = { readonly da: string; readonly en: string };

export type Locale = 'da' | 'en';

export const LOCALES: readonly Locale[] = ['da', 'en'];

/** Picks the text of a label in the requested locale. */
export function textOf(label: Label, locale: Locale): string {
  return label[locale];
}
