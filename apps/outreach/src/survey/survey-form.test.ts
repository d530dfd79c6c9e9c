import { describe, expect, it } from 'vitest';
import { checkSurveyAnswers } from './survey-form.tsx';

describe('checkSurveyAnswers (the gateway’s rule, in the page)', () => {
  it('asks for the phone number when the person chose to be phoned, and refuses a bad one', () => {
    expect(checkSurveyAnswers('ar', { follow_up_interview: 'PHONE' }).errors).toEqual([
      expect.objectContaining({ field: 'answers.follow_up_phone', code: 'REQUIRED' }),
    ]);
    expect(
      checkSurveyAnswers('ar', { follow_up_interview: 'PHONE', follow_up_phone: '12' }).errors[0]?.code,
    ).toBe('INVALID_PHONE');
    expect(
      checkSurveyAnswers('ar', { follow_up_interview: 'PHONE', follow_up_phone: '20 30 40 50' }).errors,
    ).toEqual([]);
  });

  it('drops an answer to a question no longer shown, and sends the follow-up items with the answers', () => {
    const checked = checkSurveyAnswers('da', {
      follow_up_interview: 'NONE',
      follow_up_email: 'a@b.dk',
      call_rating: 'POSITIVE',
    });
    expect(checked.errors).toEqual([]);
    expect(checked.answers).toEqual({ follow_up_interview: 'NONE', call_rating: 'POSITIVE' });
  });

  it('refuses a language the survey is not offered in', () => {
    expect(checkSurveyAnswers('xx', {}).errors[0]?.field).toBe('language');
  });
});
