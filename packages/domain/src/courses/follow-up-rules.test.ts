import { describe, expect, it } from 'vitest';
import { checkFollowUp } from './follow-up-rules.ts';

describe('follow-up after the course', () => {
  it('accepts the end form’s offers, with the text when "other" is chosen', () => {
    expect(
      checkFollowUp({
        on: '2026-06-01',
        helpedOnTo: ['MUNICIPAL_OFFER', 'OTHER'],
        helpedOnToOther: ' Jobcenter ',
      }),
    ).toEqual({
      ok: true,
      followUp: { on: '2026-06-01', helpedOnTo: ['MUNICIPAL_OFFER', 'OTHER'], helpedOnToOther: 'Jobcenter' },
    });
  });

  it('names every problem', () => {
    const result = checkFollowUp({ on: '2026-13-01', helpedOnTo: ['QNET', 'QNET', 'NOWHERE', 'OTHER'] });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.code])).toEqual([
      ['on', 'INVALID_DATE'],
      ['helpedOnTo', 'DUPLICATE_OPTION'],
      ['helpedOnTo', 'UNKNOWN_OPTION'],
      ['helpedOnToOther', 'REQUIRED'],
    ]);
    const stray = checkFollowUp({ on: '2026-06-01', helpedOnTo: ['QNET'], helpedOnToOther: 'x' });
    expect(stray.ok ? [] : stray.errors.map((e) => e.code)).toEqual(['NOT_APPLICABLE']);
  });
});
