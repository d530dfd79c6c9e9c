import { defineCatalogue } from '@vi/ui';

/** This app's own texts; the shell's shared texts live in @vi/ui. */
export const groupCourseMessages = defineCatalogue({
  da: {
    'app.name': 'Gruppeforløb og efterværn',
    'home.heading': 'Velkommen, {name}',
  },
  en: {
    'app.name': 'Group courses and aftercare',
    'home.heading': 'Welcome, {name}',
  },
});
