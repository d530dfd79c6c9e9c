import { AppRoot, bothLanguages } from '@vi/ui';
import { groupCourseMessages } from './app-messages.ts';
import { Home } from './home.tsx';
import { ParticipantFormPage } from './participant/participant-form-page.tsx';
import { isParticipantFormPath } from './screens/app-path.ts';
import { GroupCourseNav, GroupCourseScreens } from './screens/group-course-screens.tsx';

/**
 * The app: the shared shell (login, header, language, organisation) around this app's screens.
 * Screens are added under src/screens/ and wired in here: their navigation goes in the shell's `nav`
 * slot, the current screen in place of (or next to) <Home />. The participant's form page is public
 * (a one-time link, no login), so it stands outside the staff shell.
 */
export function App() {
  if (isParticipantFormPath()) return <ParticipantFormPage />;
  return (
    <AppRoot
      app="group-course"
      appName={bothLanguages(groupCourseMessages, 'app.name')}
      nav={<GroupCourseNav />}
    >
      <GroupCourseScreens home={<Home />} />
    </AppRoot>
  );
}
