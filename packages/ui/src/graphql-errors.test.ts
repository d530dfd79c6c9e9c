import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { describeRequestProblem, fieldErrorsFor } from './graphql-errors.ts';

describe('describeRequestProblem', () => {
  it('keeps the field errors of a VALIDATION error and drops malformed entries', () => {
    const birthYear = {
      field: 'birthYear',
      code: 'OUT_OF_RANGE',
      message: { da: 'Fødselsåret skal ligge mellem 1900 og i år.', en: 'The birth year must be 1900-now.' },
    };
    const problem = describeRequestProblem(
      new CombinedError({
        graphQLErrors: [
          new GraphQLError('Invalid input', {
            extensions: { code: 'VALIDATION', fields: [birthYear, { field: 'gender' }, 'nonsense'] },
          }),
        ],
      }),
    );
    expect(problem).toEqual({ code: 'VALIDATION', message: null, fields: [birthYear] });
    expect(fieldErrorsFor(problem, 'birthYear')).toEqual([birthYear]);
    expect(fieldErrorsFor(problem, 'gender')).toEqual([]);
  });

  it('carries the gateway message in both languages', () => {
    const message = { da: 'For mange forsøg. Vent lidt.', en: 'Too many attempts. Wait a little.' };
    const problem = describeRequestProblem(
      new CombinedError({
        graphQLErrors: [new GraphQLError('Rate limited', { extensions: { code: 'RATE_LIMITED', message } })],
      }),
    );
    expect(problem).toEqual({ code: 'RATE_LIMITED', message, fields: [] });
  });

  it('reports a failed connection as NETWORK and a masked server error as UNEXPECTED', () => {
    expect(describeRequestProblem(new CombinedError({ networkError: new Error('fetch failed') })).code).toBe(
      'NETWORK',
    );
    expect(
      describeRequestProblem(new CombinedError({ graphQLErrors: [new GraphQLError('Unexpected error.')] })),
    ).toEqual({ code: 'UNEXPECTED', message: null, fields: [] });
  });
});
