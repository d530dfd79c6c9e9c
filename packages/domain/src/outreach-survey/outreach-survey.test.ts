import { describe, expect, it } from 'vitest';
import {
  AGGREGATED_SURVEY_ITEM_IDS,
  checkOutreachSurvey,
  OUTREACH_SURVEY,
  OUTREACH_SURVEY_REFERENCE,
  outreachSurveyItems,
  outreachSurveyLinkExpiresAt,
  outreachSurveySms,
  outreachSurveyUrl,
} from './index.ts';

describe('the outreach user survey as data', () => {
  it('has unique item ids and unique answer codes per item, each text in Danish and English', () => {
    const items = outreachSurveyItems();
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) {
      expect(item.label.da.trim()).not.toBe('');
      expect(item.label.en.trim()).not.toBe('');
      expect(item.label.en).not.toBe(item.label.da);
      if (item.kind !== 'text') {
        expect(new Set(item.options.map((o) => o.code)).size).toBe(item.options.length);
        for (const option of item.options) {
          expect(option.code).toMatch(/^[A-Z_]+$/);
          expect(option.label.da.trim()).not.toBe('');
          expect(option.label.en.trim()).not.toBe('');
        }
      }
    }
  });

  it('marks the report’s twelve statements as the report’s and gives each its positive share', () => {
    const fromReport = outreachSurveyItems().filter((i) => i.source === 'report');
    expect(fromReport).toHaveLength(12);
    for (const item of fromReport) {
      expect(item.reportPositivePercent).toBeGreaterThan(0);
      expect(
        item.kind === 'single' && item.positiveCodes?.every((c) => item.options.some((o) => o.code === c)),
      ).toBe(true);
    }
    expect(outreachSurveyItems().find((i) => i.id === 'call_rating')?.reportPositivePercent).toBe(98);
  });

  it('keeps free text and the follow-up contact out of the aggregated codes', () => {
    expect(AGGREGATED_SURVEY_ITEM_IDS).toContain('what_helped');
    expect(AGGREGATED_SURVEY_ITEM_IDS).not.toContain('what_helped_other');
    expect(AGGREGATED_SURVEY_ITEM_IDS.some((id) => id.startsWith('follow_up'))).toBe(false);
    expect(OUTREACH_SURVEY.privacyNotice?.da).toContain('tilfældig kode');
  });

  it('holds the report’s reference counts', () => {
    expect(OUTREACH_SURVEY_REFERENCE).toMatchObject({
      sent: 1090,
      answered: 487,
      notAbleToTakeIt: 367,
      followUpInterviews: 17,
    });
    expect(OUTREACH_SURVEY_REFERENCE.source.da).not.toMatch(/seed/i);
  });
});

describe('checkOutreachSurvey', () => {
  it('splits answers, plain codes and the follow-up contact', () => {
    const result = checkOutreachSurvey('ar', {
      call_rating: 'POSITIVE',
      what_helped: ['SOMEONE_LISTENED', 'INFORMATION'],
      what_helped_other: ' ',
      what_was_missing: ['OTHER'],
      what_was_missing_other: 'En opringning senere',
      follow_up_interview: 'PHONE',
      follow_up_phone: '20 12 34 56',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.survey.language).toBe('ar');
    expect(result.survey.followUp).toEqual({ channel: 'PHONE', contact: '+4520123456' });
    expect(result.survey.plainCodes).toEqual({
      call_rating: 'POSITIVE',
      what_helped: ['INFORMATION', 'SOMEONE_LISTENED'],
      what_was_missing: ['OTHER'],
    });
    expect(result.survey.answers).not.toHaveProperty('follow_up_phone');
    expect(result.survey.answers).not.toHaveProperty('follow_up_interview');
    expect(result.survey.answers.what_was_missing_other).toBe('En opringning senere');
  });

  it('names the field and reason of each mistake, in Danish and English', () => {
    const result = checkOutreachSurvey('xx', {
      call_rating: 'GREAT',
      what_helped: ['NOTHING', 'INFORMATION'],
      follow_up_interview: 'EMAIL',
      follow_up_email: 'not-an-address',
      secret: 1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.errors.map((e) => `${e.field}:${e.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'language:UNKNOWN_OPTION',
        'answers.call_rating:UNKNOWN_OPTION',
        'answers.what_helped:EXCLUSIVE_OPTION',
        'answers.secret:UNKNOWN_ITEM',
      ]),
    );
    for (const error of result.errors) {
      expect(error.message.da).not.toBe('');
      expect(error.message.en).not.toBe('');
    }
    const email = checkOutreachSurvey('da', { follow_up_interview: 'EMAIL', follow_up_email: 'x@y' });
    expect(email.ok === false && email.errors.map((e) => e.field)).toEqual(['answers.follow_up_email']);
    const missing = checkOutreachSurvey('da', { follow_up_interview: 'PHONE' });
    expect(missing.ok === false && missing.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'answers.follow_up_phone:REQUIRED',
    ]);
    const foreign = checkOutreachSurvey('da', {
      follow_up_interview: 'PHONE',
      follow_up_phone: '+46 70 123 45 67',
    });
    expect(foreign.ok && foreign.survey.followUp).toEqual({ channel: 'PHONE', contact: '+46701234567' });
    const hidden = checkOutreachSurvey('da', { follow_up_interview: 'NONE', follow_up_phone: '20123456' });
    expect(hidden.ok === false && hidden.errors.map((e) => e.code)).toEqual(['NOT_APPLICABLE']);
  });
});

describe('the survey link', () => {
  it('lasts a week, puts the token in the fragment and names no purpose in the SMS', () => {
    const sent = new Date('2026-03-02T10:00:00Z');
    expect(outreachSurveyLinkExpiresAt(sent).toISOString()).toBe('2026-03-09T10:00:00.000Z');
    const url = outreachSurveyUrl('https://vi.example/survey/#old', 'abc');
    expect(url).toBe('https://vi.example/survey/#t=abc');
    // The SMS texts in every language: survey-sms.test.ts.
    for (const text of [outreachSurveySms(url, 'da'), outreachSurveySms(url, 'en')]) {
      expect(text).toContain(url);
      expect(text).not.toMatch(/vold|politi|offer|violence|police|victim/i);
    }
  });
});
