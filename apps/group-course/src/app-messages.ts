import { defineCatalogue } from '@vi/ui';

/** This app's own texts; the shell's shared texts live in @vi/ui. */
export const groupCourseMessages = defineCatalogue({
  da: {
    'app.name': 'Gruppeforløb og efterværn',
    'home.heading': 'Velkommen, {name}',
    'home.comingNext': 'Her kommer visitation, risikovurdering, forløb med fremmøde og spørgeskemaer.',
  },
  en: {
    'app.name': 'Group courses and aftercare',
    'home.heading': 'Welcome, {name}',
    'home.comingNext': 'Intake, risk assessment, courses with attendance and questionnaires are coming here.',
  },
});
