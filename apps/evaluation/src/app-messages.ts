import { defineCatalogue } from '@vi/ui';

/** This app's name; the screens' texts are in screens/dashboard-messages.ts, the shell's in @vi/ui. */
export const evaluationMessages = defineCatalogue({
  da: {
    'app.name': 'Evaluering',
  },
  en: {
    'app.name': 'Evaluation',
  },
});
