export * from './calendar-date.ts';
export * from './call-outcome.ts';
export * from './call-script.ts';
export * from './call-window.ts';
export * from './funnel.ts';
export * from './incident-import.ts';
export * from './outreach-errors.ts';
export * from './queue-order.ts';
