import { useEffect, useRef } from 'react';
import { isLocale, type Locale } from './catalogue.ts';
import { useLocale } from './locale.tsx';

/**
 * Each user's stored language decides the staff screens' language at login (issue 14, part 3):
 * when a user logs in, the screens switch to the language on their account, unless they picked one
 * on the login page just before, which is then saved to the account instead. While logged in, every
 * switch is saved through `save` (the gateway's setMyLocale).
 *
 * The decision for a login, as a pure function for the unit test.
 */
export function languageAtLogin(
  stored: string | null | undefined,
  current: Locale,
  chosenBeforeLogin: boolean,
): { show: Locale; save: Locale | null } {
  if (chosenBeforeLogin) return { show: current, save: stored === current ? null : current };
  return { show: isLocale(stored) ? stored : current, save: null };
}

/** Used by the shell once the logged-in user is known; `user` null while logged out. */
export function useStoredLocale(
  user: { id: string; locale: string } | null,
  save: (locale: Locale) => void,
): void {
  const { locale, account } = useLocale();
  const latest = useRef({ locale, save, stored: user?.locale });
  latest.current = { locale, save, stored: user?.locale };
  const userId = user?.id ?? null;
  useEffect(() => {
    if (userId === null) return;
    const decision = languageAtLogin(
      latest.current.stored,
      latest.current.locale,
      account.chosenBeforeLogin.current,
    );
    account.chosenBeforeLogin.current = false;
    if (decision.show !== latest.current.locale) account.apply(decision.show);
    if (decision.save) latest.current.save(decision.save);
    account.save.current = (next) => latest.current.save(next);
    return () => {
      account.save.current = null;
    };
  }, [userId, account]);
}
