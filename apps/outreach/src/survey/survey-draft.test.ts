import { describe, expect, it } from 'vitest';
import { DRAFT_IDLE_MS, SURVEY_DRAFT_KEY, saveSurveyDraft, surveyDraftFor } from './survey-draft.ts';
import { checkSurveyAnswers } from './survey-form.tsx';

function memoryStore(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('survey draft', () => {
  it('resumes the same link (or after a reload without one), drops another link’s, an idle or a damaged one', () => {
    const store = memoryStore();
    saveSurveyDraft({ token: 'a', answers: { showed_empathy: 'AGREE' }, page: 1 }, 1000, store);
    expect(surveyDraftFor('a', 2000, store)?.answers).toEqual({ showed_empathy: 'AGREE' });
    expect(surveyDraftFor(null, 2000, store)?.page).toBe(1);
    expect(surveyDraftFor('a', 1000 + DRAFT_IDLE_MS + 1, store)).toBeNull();
    expect(store.getItem(SURVEY_DRAFT_KEY)).toBeNull();
    saveSurveyDraft({ token: 'a', answers: {}, page: 0 }, 1000, store);
    expect(surveyDraftFor('b', 2000, store)).toBeNull();
    expect(store.getItem(SURVEY_DRAFT_KEY)).toBeNull();
    store.setItem(SURVEY_DRAFT_KEY, '{not json');
    expect(surveyDraftFor(null, 2000, store)).toBeNull();
  });
});

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
