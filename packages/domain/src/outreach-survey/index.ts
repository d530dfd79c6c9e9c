export * from './reference-figures.ts';
export * from './survey-answers.ts';
export * from './survey-items.ts';
export * from './survey-link.ts';
export * from './survey-sms.ts';
export * from './survey-texts.ts';
