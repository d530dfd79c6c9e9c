export * from './courses/index.ts';
export * from './inspire.ts';
export * from './labels.ts';
export * from './outreach/index.ts';
export * from './questionnaires.ts';
export * from './statistics.ts';
export * from './taxonomies.ts';
export * from './validation.ts';
