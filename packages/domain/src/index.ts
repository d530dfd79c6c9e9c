export * from './labels.ts';
export * from './statistics.ts';
export * from './taxonomies.ts';
export * from './validation.ts';
export * from './outreach/index.ts';
export * from './courses/index.ts';
