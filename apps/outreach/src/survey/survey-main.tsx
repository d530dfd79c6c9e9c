import '@vi/ui/styles.css';
import { createRoot } from 'react-dom/client';
import { SurveyPage } from './survey-page.tsx';

/**
 * The outreach user survey's own entry (survey.html): the page a person opens from the SMS, with
 * no login and none of the staff app's screens in its JavaScript. The gateway's link builder
 * (apps/gateway/src/outreach-survey/survey-link.ts) points at /outreach/survey.html.
 */
const container = document.getElementById('root');
if (!container) throw new Error('survey.html must contain <div id="root">.');

createRoot(container).render(<SurveyPage />);
