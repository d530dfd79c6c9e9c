import { describe, expect, it } from 'vitest';
import { problemText } from './problem-message.ts';

describe('problemText', () => {
  it("prefers the gateway's message in the chosen language", () => {
    const problem = { code: 'RATE_LIMITED', message: { da: 'Vent lidt.', en: 'Wait a while.' }, fields: [] };
    expect(problemText(problem, 'da')).toBe('Vent lidt.');
    expect(problemText(problem, 'en')).toBe('Wait a while.');
  });

  it('falls back to our text for the code, and to "unexpected" for unknown codes', () => {
    expect(problemText({ code: 'INVALID_CREDENTIALS', message: null, fields: [] }, 'da')).toBe(
      'Forkert e-mail eller adgangskode.',
    );
    expect(problemText({ code: 'NETWORK', message: null, fields: [] }, 'en')).toMatch(
      /server cannot be reached/,
    );
    expect(problemText({ code: 'SOMETHING_NEW', message: null, fields: [] }, 'en')).toMatch(/unexpected/);
  });

  it('appends the error id of a masked server error', () => {
    const problem = {
      code: 'INTERNAL',
      message: { da: 'Der opstod en uventet fejl.', en: 'An unexpected error occurred.' },
      fields: [],
      requestId: 'req-42',
    };
    expect(problemText(problem, 'da')).toBe('Der opstod en uventet fejl. (Fejl-id: req-42)');
    expect(problemText(problem, 'en')).toBe('An unexpected error occurred. (Error id: req-42)');
  });
});
