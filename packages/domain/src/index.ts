export * from './labels.ts';
export * from './validation.ts';
