export * from './calendar-date.ts';
export * from './form-link.ts';
export * from './participant-code.ts';
export * from './schedule.ts';
export * from './waiting-list.ts';
