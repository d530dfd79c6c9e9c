import { describe, expect, it } from 'vitest';
import { checkIcuMessage } from '../i18n/icu.ts';
import { PARTICIPANT_LOCALE_CODES } from '../i18n/participant-locales.ts';
import { OUTREACH_SURVEY_LINK_TTL_HOURS, outreachSurveyUrl } from './survey-link.ts';
import { OUTREACH_SURVEY_SMS, outreachSurveySms, outreachSurveySmsLocale, smsSize } from './survey-sms.ts';

// A realistic production address: a municipality's host, the app's page and a 256-bit token.
const URL = outreachSurveyUrl('https://vi.kommune.dk/outreach/survey.html', 'A'.repeat(43));

describe('the survey SMS', () => {
  it('exists in every offered language as an ICU message with exactly {url}', () => {
    expect(Object.keys(OUTREACH_SURVEY_SMS).sort()).toEqual([...PARTICIPANT_LOCALE_CODES].sort());
    for (const [locale, message] of Object.entries(OUTREACH_SURVEY_SMS)) {
      const check = checkIcuMessage(message);
      expect(check.ok, locale).toBe(true);
      if (check.ok) expect([...check.shape.placeholders], locale).toEqual(['url']);
    }
  });

  it('carries the whole link on a line of its own, and no word about violence, police or victims', () => {
    for (const locale of PARTICIPANT_LOCALE_CODES) {
      const text = outreachSurveySms(URL, locale);
      expect(text.endsWith(`\n${URL}`), locale).toBe(true);
      expect(text).not.toMatch(
        /vold|politi|offer|violence|police|victim|şiddet|przemoc|насильств|عنف|تشدد|خشونت/i,
      );
    }
  });

  it('says the link works for as many days as it does', () => {
    expect(OUTREACH_SURVEY_LINK_TTL_HOURS / 24).toBe(7);
    for (const locale of PARTICIPANT_LOCALE_CODES) {
      expect(OUTREACH_SURVEY_SMS[locale], locale).toMatch(/7|۷/);
    }
  });

  it('is one GSM segment in Danish, English and Somali, and as short as UCS-2 allows in the others', () => {
    for (const locale of ['da', 'en', 'so'] as const) {
      expect(smsSize(outreachSurveySms(URL, locale)), locale).toMatchObject({
        encoding: 'GSM-7',
        segments: 1,
      });
    }
    for (const locale of ['ar', 'tr', 'ur', 'fa', 'pl', 'uk'] as const) {
      const size = smsSize(outreachSurveySms(URL, locale));
      expect(size.encoding, locale).toBe('UCS-2');
      // The link alone takes 2 UCS-2 segments; the words add at most one more.
      expect(size.segments, locale).toBeLessThanOrEqual(3);
    }
  });

  it('keeps an apostrophe as text (ICU would quote with it before a brace)', () => {
    expect(outreachSurveySms(URL, 'so')).toContain("su'aalaha");
  });

  it('follows the recorded language when the survey is offered in it, else Danish', () => {
    expect(outreachSurveySmsLocale('ar')).toBe('ar');
    expect(outreachSurveySmsLocale('uk')).toBe('uk');
    expect(outreachSurveySmsLocale('other')).toBe('da');
    expect(outreachSurveySmsLocale(null)).toBe('da');
    expect(outreachSurveySmsLocale(undefined)).toBe('da');
    expect(outreachSurveySms(URL)).toBe(outreachSurveySms(URL, 'da'));
    expect(outreachSurveySms(URL, 'ar')).not.toBe(outreachSurveySms(URL, 'da'));
  });
});

describe('smsSize', () => {
  it('counts GSM septets, the extension table as two, and splits at 153', () => {
    expect(smsSize('Hej æøå')).toEqual({ encoding: 'GSM-7', units: 7, segments: 1 });
    expect(smsSize('€')).toEqual({ encoding: 'GSM-7', units: 2, segments: 1 });
    expect(smsSize('a'.repeat(160)).segments).toBe(1);
    expect(smsSize('a'.repeat(161)).segments).toBe(2);
    expect(smsSize('a'.repeat(307)).segments).toBe(3);
  });

  it('switches to UCS-2 for one character outside the alphabet, 70 a segment, 67 when split', () => {
    expect(smsSize('ş')).toEqual({ encoding: 'UCS-2', units: 1, segments: 1 });
    expect(smsSize('ą'.repeat(70)).segments).toBe(1);
    expect(smsSize('ą'.repeat(71)).segments).toBe(2);
    expect(smsSize('’')).toMatchObject({ encoding: 'UCS-2' });
  });
});
