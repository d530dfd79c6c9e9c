import { defineCatalogue } from '@vi/ui';

/** This app's own texts; the shell's shared texts live in @vi/ui. */
export const evaluationMessages = defineCatalogue({
  da: {
    'app.name': 'Evaluering',
    'home.heading': 'Velkommen, {name}',
    'home.comingNext':
      'Her kommer nøgletal, før- og eftermålinger, omkostninger og eksport – altid som samlede tal.',
  },
  en: {
    'app.name': 'Evaluation',
    'home.heading': 'Welcome, {name}',
    'home.comingNext':
      'Key figures, before-and-after scores, costs and exports are coming here – always as aggregates.',
  },
});
