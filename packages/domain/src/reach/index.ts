export * from './reach-answers.ts';
export * from './target-groups.ts';
