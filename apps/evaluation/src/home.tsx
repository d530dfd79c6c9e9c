import { useCurrentUser, useT } from '@vi/ui';
import { evaluationMessages } from './app-messages.ts';

/** The first screen after login: which app this is and what it will hold. */
export function Home() {
  const t = useT(evaluationMessages);
  const user = useCurrentUser();
  return (
    <>
      <h1>{t('home.heading', { name: user.displayName })}</h1>
      <p>{t('home.comingNext')}</p>
    </>
  );
}
