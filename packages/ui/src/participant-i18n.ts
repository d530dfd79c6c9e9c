import {
  builtInTable,
  isParticipantLocale,
  mergeOverrides,
  PARTICIPANT_LOCALES,
  type ParticipantLocale,
  SOURCE_LOCALE,
  sourceTable,
  type TranslationTable,
  textDirection,
} from '@vi/domain';
import type { IntlMessageFormat } from 'intl-messageformat';

/**
 * The participant pages' texts in the participant's language (issue 14): the domain's catalogue
 * (packages/domain/src/i18n) formatted as ICU messages, so plurals come out right in Arabic's six
 * forms and Polish's four. The staff apps keep the simpler da/en catalogue (catalogue.ts).
 *
 * Everything here is loaded on demand: the formatter library and a language's table are separate
 * chunks, fetched when the participant page starts or the person picks a language, so the app's
 * initial JavaScript stays inside its budget (apps/gateway/src/app.test.ts).
 */

export type ParticipantMessageParams = Readonly<Record<string, string | number>>;

export type ParticipantMessages = {
  readonly locale: ParticipantLocale;
  readonly dir: 'ltr' | 'rtl';
  /** The text for a key; Danish when the language lacks it (and the key itself only for a key no language has). */
  format(key: string, params?: ParticipantMessageParams): string;
};

/** Where the participant's chosen language is kept in this browser (not the staff apps' key). */
export const PARTICIPANT_LOCALE_STORAGE_KEY = 'vi.participant-locale';

/**
 * Builds the formatter for one language over its table. A text missing or empty in the language,
 * or one that does not format (a value not passed), falls back to the Danish source, so a
 * participant never sees an empty label or a raw placeholder.
 */
export function participantMessages(
  locale: ParticipantLocale,
  table: TranslationTable,
  Formatter: typeof IntlMessageFormat,
): ParticipantMessages {
  const danish = locale === SOURCE_LOCALE ? table : sourceTable('da');
  const compiled = new Map<string, IntlMessageFormat | null>();
  const compile = (key: string, text: string, inLocale: string): IntlMessageFormat | null => {
    const cacheKey = `${inLocale}\u0000${key}`;
    if (!compiled.has(cacheKey)) {
      try {
        compiled.set(cacheKey, new Formatter(text, inLocale, undefined, { ignoreTag: true }));
      } catch {
        compiled.set(cacheKey, null);
      }
    }
    return compiled.get(cacheKey) ?? null;
  };
  const attempt = (
    key: string,
    text: string | undefined,
    inLocale: string,
    params?: ParticipantMessageParams,
  ) => {
    if (text === undefined || text.trim() === '') return undefined;
    const message = compile(key, text, inLocale);
    if (!message) return undefined;
    try {
      const out = message.format(params);
      return typeof out === 'string' ? out : String(out);
    } catch {
      return undefined;
    }
  };
  return {
    locale,
    dir: textDirection(locale),
    format(key, params) {
      return (
        attempt(key, table[key], locale, params) ?? attempt(key, danish[key], SOURCE_LOCALE, params) ?? key
      );
    },
  };
}

/**
 * Loads a language's texts with an organisation's overrides laid over them (the gateway's public
 * participantTextOverrides query; pass [] when there are none).
 */
export async function loadParticipantMessages(
  locale: ParticipantLocale,
  overrides: ReadonlyArray<{ readonly key: string; readonly text: string }> = [],
): Promise<ParticipantMessages> {
  const [{ IntlMessageFormat }, table] = await Promise.all([
    import('intl-messageformat'),
    builtInTable(locale),
  ]);
  return participantMessages(locale, mergeOverrides(table, overrides), IntlMessageFormat);
}

/**
 * The one rule for the first language of both public pages (the participant form and the outreach
 * survey): the person's own earlier choice on this device, else a language the link carries (the
 * language the person was recorded as speaking, when the gateway knows it), else the first of the
 * phone's languages we offer (so a phone set to Arabic opens in Arabic), else Danish. The picker
 * at the top of the page changes it in one step whichever applied.
 */
export function initialParticipantLocale({
  stored,
  link,
  device,
}: {
  readonly stored?: string | null;
  readonly link?: string | null;
  readonly device?: readonly string[];
}): ParticipantLocale {
  if (isParticipantLocale(stored)) return stored;
  const fromLink = link?.toLowerCase().split('-')[0];
  if (isParticipantLocale(fromLink)) return fromLink;
  for (const tag of device ?? []) {
    const language = tag.toLowerCase().split('-')[0];
    if (isParticipantLocale(language)) return language;
  }
  return SOURCE_LOCALE;
}

/**
 * Sets `<html lang dir>`: screen readers pick their voice from lang, and Arabic, Urdu and Farsi
 * read right to left (the questionnaire CSS uses logical properties, so it mirrors with dir).
 */
export function applyParticipantLanguage(
  locale: ParticipantLocale,
  root: { lang: string; dir: string } | undefined = globalThis.document?.documentElement,
): void {
  if (!root) return;
  root.lang = locale;
  root.dir = textDirection(locale);
}

/** The languages for the picker, each named in itself. */
export const PARTICIPANT_LANGUAGE_CHOICES: ReadonlyArray<{ code: ParticipantLocale; name: string }> =
  PARTICIPANT_LOCALES.map(({ code, name }) => ({ code, name }));
