import { isParticipantLocale, type ParticipantLocale } from '@vi/domain';
import { useEffect, useId, useRef, useState } from 'react';
import {
  applyParticipantLanguage,
  initialParticipantLocale,
  loadParticipantMessages,
  PARTICIPANT_LANGUAGE_CHOICES,
  PARTICIPANT_LOCALE_STORAGE_KEY,
  type ParticipantMessages,
} from './participant-i18n.ts';

/**
 * The participant page's language (issue 14): the picker and the loaded texts. The page starts by
 * the one rule of initialParticipantLocale (earlier choice on this device, the link's language, the
 * phone's, Danish), keeps a choice made with the picker on the device (a shared tablet shows the
 * next person the last choice, which the picker at the top changes in one step), sets
 * `<html lang dir>`, and reloads the texts with the organisation's overrides when either changes.
 */

function storedChoice(): string | null {
  try {
    return globalThis.localStorage?.getItem(PARTICIPANT_LOCALE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function deviceLanguages(): readonly string[] {
  const nav = globalThis.navigator;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
}

function storeChoice(locale: ParticipantLocale): void {
  try {
    globalThis.localStorage?.setItem(PARTICIPANT_LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage may be blocked; the choice then holds for this page only.
  }
}

const NO_OVERRIDES: ReadonlyArray<{ key: string; text: string }> = [];

/** An organisation's overrides and the language they were fetched for. */
export type LanguageOverrides = {
  readonly locale: ParticipantLocale;
  readonly list: ReadonlyArray<{ key: string; text: string }>;
};

/**
 * The language to show and its texts (null while the first load runs). `overrides` are laid over
 * the texts only when they were fetched for the language shown (so after a switch the old
 * language's overrides never appear in the new one); keep the object's identity between renders.
 */
export function useParticipantLanguage(
  overrides: LanguageOverrides | null = null,
  /** The language the link carries (the gateway's record of the person's language), once known. */
  linkLocale: string | null = null,
): {
  locale: ParticipantLocale;
  setLocale: (locale: ParticipantLocale) => void;
  messages: ParticipantMessages | null;
} {
  const [locale, setLocaleState] = useState<ParticipantLocale>(() =>
    initialParticipantLocale({ stored: storedChoice(), link: linkLocale, device: deviceLanguages() }),
  );
  // The link's language arrives with the page's query, after the first render: it still wins over
  // the phone's language unless the person chose on this device (before, or since the page opened).
  const chosen = useRef(isParticipantLocale(storedChoice()));
  useEffect(() => {
    if (chosen.current || !linkLocale) return;
    setLocaleState(initialParticipantLocale({ link: linkLocale, device: deviceLanguages() }));
  }, [linkLocale]);
  const list = overrides && overrides.locale === locale ? overrides.list : NO_OVERRIDES;
  const [messages, setMessages] = useState<ParticipantMessages | null>(null);
  useEffect(() => {
    let current = true;
    applyParticipantLanguage(locale);
    loadParticipantMessages(locale, list).then((loaded) => {
      if (current) setMessages(loaded);
    });
    return () => {
      current = false;
    };
  }, [locale, list]);
  const setLocale = (next: ParticipantLocale) => {
    chosen.current = true;
    storeChoice(next);
    setLocaleState(next);
  };
  return { locale, setLocale, messages };
}

/**
 * A select of the nine languages, each named in itself (and marked with its own lang, so a screen
 * reader reads "العربية" as Arabic). The label is in the page's current language.
 */
export function ParticipantLanguagePicker({
  locale,
  label,
  onChange,
}: {
  locale: ParticipantLocale;
  label: string;
  onChange: (locale: ParticipantLocale) => void;
}) {
  const id = useId();
  return (
    <div className="vi-participant-language">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          const chosen = PARTICIPANT_LANGUAGE_CHOICES.find((c) => c.code === event.target.value);
          if (chosen) onChange(chosen.code);
        }}
      >
        {PARTICIPANT_LANGUAGE_CHOICES.map((choice) => (
          <option key={choice.code} value={choice.code} lang={choice.code}>
            {choice.name}
          </option>
        ))}
      </select>
    </div>
  );
}
