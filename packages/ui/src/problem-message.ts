import { useCallback } from 'react';
import type { RequestProblem } from './graphql-errors.ts';
import { useLocalized, useT } from './locale.tsx';

/** Turns a RequestProblem into one sentence in the current language. */
export function useProblemText(): (problem: RequestProblem) => string {
  const t = useT();
  const text = useLocalized();
  return useCallback(
    (problem: RequestProblem) => {
      if (problem.message) return text(problem.message);
      switch (problem.code) {
        case 'INVALID_CREDENTIALS':
          return t('error.invalidCredentials');
        case 'VALIDATION':
          return t('error.fixFields');
        case 'NETWORK':
          return t('error.network');
        default:
          return t('error.unexpected');
      }
    },
    [t, text],
  );
}
