import { defineCatalogue } from '@vi/ui';

/** This app's own texts; the shell's shared texts live in @vi/ui. */
export const outreachMessages = defineCatalogue({
  da: {
    'app.name': 'Opsøgende indsats',
    'home.heading': 'Velkommen, {name}',
    'home.comingNext': 'Her kommer opkaldskøen, registrering af opkald og henvisning til offerrådgivere.',
  },
  en: {
    'app.name': 'Outreach',
    'home.heading': 'Welcome, {name}',
    'home.comingNext':
      'The call queue, call registration and referral to victim counsellors are coming here.',
  },
});
