import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  type Catalogue,
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  type LocalizedText,
  type MessageParams,
  type Translate,
  translate,
} from './catalogue.ts';
import { type UiMessageKey, uiMessages } from './messages.ts';

/** localStorage key holding the chosen language (the only thing the apps keep in the browser). */
export const LOCALE_STORAGE_KEY = 'vi.locale';

type LocaleContextValue = {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** For useStoredLocale (stored-locale.ts): the logged-in user's language, kept on their account. */
  account: AccountLocale;
};

/**
 * The link between the switch and the account (issue 14): while someone is logged in, `save` stores
 * each choice on their account; a choice made before login (on the login page) is remembered in
 * `chosenBeforeLogin` so it is saved at login instead of being overruled by the stored one.
 */
export type AccountLocale = {
  save: { current: ((locale: Locale) => void) | null };
  chosenBeforeLogin: { current: boolean };
  /** Shows a language without counting it as the user's choice (the stored one, at login). */
  apply: (locale: Locale) => void;
};

const LocaleContext = createContext<LocaleContextValue | null>(null);

function storedLocale(): Locale | null {
  try {
    const value = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be blocked (private mode, strict settings); the default language still works.
    return null;
  }
}

function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // See storedLocale: not remembering the choice is acceptable, failing the switch is not.
  }
}

export function LocaleProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? storedLocale() ?? DEFAULT_LOCALE);

  // Screen readers pick pronunciation from <html lang>, so it must follow the chosen language.
  useEffect(() => {
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }, [locale]);

  const save = useRef<((locale: Locale) => void) | null>(null);
  const chosenBeforeLogin = useRef(false);
  const apply = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);
  const setLocale = useCallback(
    (next: Locale) => {
      apply(next);
      if (save.current) save.current(next);
      else chosenBeforeLogin.current = true;
    },
    [apply],
  );
  const account = useMemo(() => ({ save, chosenBeforeLogin, apply }), [apply]);

  const value = useMemo(() => ({ locale, setLocale, account }), [locale, setLocale, account]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale() must be used inside <LocaleProvider>.');
  return value;
}

/**
 * Returns `t(key, params)` for a catalogue in the current language: the shared shell's catalogue by
 * default, or an app's own one (`useT(outreachMessages)`).
 */
export function useT(): Translate<UiMessageKey>;
export function useT<Key extends string>(catalogue: Catalogue<Key>): Translate<Key>;
export function useT<Key extends string>(catalogue?: Catalogue<Key>): Translate<Key> {
  const { locale } = useLocale();
  const chosen = (catalogue ?? uiMessages) as Catalogue<Key>;
  return useCallback(
    (key: Key, params?: MessageParams) => translate(chosen, locale, key, params),
    [chosen, locale],
  );
}

/** Picks the current language from text that arrives in both (e.g. gateway error messages). */
export function useLocalized(): (text: LocalizedText) => string {
  const { locale } = useLocale();
  return useCallback((text: LocalizedText) => text[locale], [locale]);
}
