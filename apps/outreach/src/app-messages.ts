import { defineCatalogue } from '@vi/ui';

/** This app's own texts; the shell's shared texts live in @vi/ui. */
export const outreachMessages = defineCatalogue({
  da: {
    'app.name': 'Opsøgende indsats',
    'home.heading': 'Velkommen, {name}',
    'home.queueCount': '{count} personer kan ringes op nu.',
    'home.queueCountCapped': 'Over {count} personer kan ringes op nu.',
    'home.openQueue': 'Se hele køen',
    'home.choose': 'Vælg, hvad du vil arbejde med:',
  },
  en: {
    'app.name': 'Outreach',
    'home.heading': 'Welcome, {name}',
    'home.queueCount': '{count} people can be called now.',
    'home.queueCountCapped': 'More than {count} people can be called now.',
    'home.openQueue': 'See the whole queue',
    'home.choose': 'Choose what you want to work on:',
  },
});
