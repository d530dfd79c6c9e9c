import { useCurrentUser, useT } from '@vi/ui';
import { groupCourseMessages } from './app-messages.ts';
import { HomeScreen } from './screens/home-screen.tsx';

/** The first screen after login: the role's own start screen under a greeting. */
export function Home() {
  const t = useT(groupCourseMessages);
  const user = useCurrentUser();
  return <HomeScreen heading={t('home.heading', { name: user.displayName })} />;
}
