export * from './icu.ts';
export * from './instrument-translations.ts';
export * from './localized-questionnaire.ts';
export * from './overridable-texts.ts';
export * from './participant-catalogue.ts';
export * from './participant-locales.ts';
export * from './participant-source.ts';
