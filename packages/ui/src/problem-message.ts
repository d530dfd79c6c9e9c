import { useCallback } from 'react';
import { type Locale, translate } from './catalogue.ts';
import type { RequestProblem } from './graphql-errors.ts';
import { useLocale } from './locale.tsx';
import { uiMessages } from './messages.ts';

/**
 * One sentence for a failed request: the gateway's own message when it sent one, otherwise ours for the
 * code; the error id of a masked server error is appended so a user can quote it.
 */
export function problemText(problem: RequestProblem, locale: Locale): string {
  const t = (key: keyof (typeof uiMessages)['da'], params?: Record<string, string>) =>
    translate(uiMessages, locale, key, params);
  let sentence: string;
  if (problem.message) sentence = problem.message[locale];
  else if (problem.code === 'INVALID_CREDENTIALS') sentence = t('error.invalidCredentials');
  else if (problem.code === 'VALIDATION') sentence = t('error.fixFields');
  else if (problem.code === 'NETWORK') sentence = t('error.network');
  else sentence = t('error.unexpected');
  return problem.requestId ? `${sentence} ${t('error.requestId', { id: problem.requestId })}` : sentence;
}

/** problemText in the current language. */
export function useProblemText(): (problem: RequestProblem) => string {
  const { locale } = useLocale();
  return useCallback((problem: RequestProblem) => problemText(problem, locale), [locale]);
}
