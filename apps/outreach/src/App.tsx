import { AppRoot, bothLanguages } from '@vi/ui';
import { outreachMessages } from './app-messages.ts';
import { Home } from './home.tsx';
import { OutreachNav, OutreachScreens } from './screens/outreach-routes.tsx';

/**
 * The app: the shared shell (login, header, language, organisation) around this app's screens.
 * Screens are added under src/screens/ and wired in here: their navigation goes in the shell's `nav`
 * slot, the current screen in place of (or next to) <Home />.
 */
export function App() {
  return (
    <AppRoot app="outreach" appName={bothLanguages(outreachMessages, 'app.name')} nav={<OutreachNav />}>
      <OutreachScreens home={<Home />} />
    </AppRoot>
  );
}
