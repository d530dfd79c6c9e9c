import '@vi/ui/styles.css';
import { AppRoot, bothLanguages } from '@vi/ui';
import { createRoot } from 'react-dom/client';
import { Home } from './home.tsx';
import { evaluationMessages } from './messages.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain <div id="root">.');

createRoot(container).render(
  <AppRoot appName={bothLanguages(evaluationMessages, 'app.name')}>
    <Home />
  </AppRoot>,
);
