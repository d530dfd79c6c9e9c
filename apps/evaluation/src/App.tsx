import { AppRoot, bothLanguages } from '@vi/ui';
import { evaluationMessages } from './app-messages.ts';
import { EvaluationNav, EvaluationScreens } from './screens/evaluation-routes.tsx';

/**
 * The app: the shared shell (login, header, language, organisation) around the evaluators' screens:
 * the dashboard of aggregate figures and GraphiQL on the aggregate schema.
 */
export function App() {
  return (
    <AppRoot app="evaluation" appName={bothLanguages(evaluationMessages, 'app.name')} nav={<EvaluationNav />}>
      <EvaluationScreens />
    </AppRoot>
  );
}
