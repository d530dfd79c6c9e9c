export * from './calendar-date.ts';
export * from './course-errors.ts';
export * from './form-link.ts';
export * from './intake-rules.ts';
export * from './participant-code.ts';
export * from './risk-assessment-rules.ts';
export * from './schedule.ts';
export * from './waiting-list.ts';
