import { fieldError } from '@vi/domain';
import { type GraphQLError, Kind } from 'graphql';
import { builder } from './builder.ts';
import { validationError } from './errors.ts';

function invalid(field: string): GraphQLError {
  return validationError([fieldError(field, 'INVALID_TYPE')]);
}

/**
 * Years 0001-9999: JavaScript dates reach ±275,760 and year 0, PostgreSQL has
 * no year 0 and its timestamps end in 294276, so an instant outside these
 * years would fail in the database (masked as INTERNAL) instead of here.
 */
function withinStoredYears(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999;
}

/** An instant, ISO 8601 with time zone (`2026-11-23T13:45:00.000Z`). */
builder.scalarType('DateTime', {
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime()) || !withinStoredYears(date)) {
      throw invalid('DateTime');
    }
    return date;
  },
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDateOnly(value: unknown): Date {
  const match = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (!match) {
    throw invalid('Date');
  }
  const date = new Date(`${value}T00:00:00.000Z`);
  // Reject 2026-02-30 and the like, which Date would roll over, and year 0000.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value || !withinStoredYears(date)) {
    throw invalid('Date');
  }
  return date;
}

/** A calendar day (`2026-11-23`), for the `@db.Date` columns; no time zone. */
builder.scalarType('Date', {
  serialize: (value) =>
    value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10),
  parseValue: parseDateOnly,
  parseLiteral: (ast) => parseDateOnly(ast.kind === Kind.STRING ? ast.value : null),
});
