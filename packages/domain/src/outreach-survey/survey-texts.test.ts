import { describe, expect, it } from 'vitest';
import { textDirection } from '../i18n/participant-locales.ts';
import { participantSource } from '../i18n/participant-source.ts';
import { OUTREACH_SURVEY, outreachSurveyItems } from './survey-items.ts';
import {
  OUTREACH_SURVEY_PAGE_TEXTS,
  OUTREACH_SURVEY_TRANSLATIONS,
  outreachSurveySourceEntries,
  outreachSurveySourceTable,
  outreachSurveyTable,
  outreachSurveyText,
} from './survey-texts.ts';

const source = outreachSurveySourceEntries();

describe('outreach survey texts', () => {
  it('are the page’s own sentences only: the questions are the participant catalogue’s, in every language', () => {
    const catalogue = participantSource();
    for (const key of source.keys()) expect(catalogue.has(key), key).toBe(false);
    for (const item of outreachSurveyItems()) {
      expect(catalogue.get(`survey.item.${item.id}.label`)).toEqual(item.label);
      if (item.kind === 'single' || item.kind === 'multi') {
        for (const option of item.options)
          expect(catalogue.get(`survey.option.${item.id}.${option.code}`)).toEqual(option.label);
      }
    }
    expect(catalogue.get('survey.title')).toEqual(OUTREACH_SURVEY.title);
  });

  for (const [locale, load] of Object.entries(OUTREACH_SURVEY_TRANSLATIONS)) {
    it(`${locale}: exactly the source keys (so the same answer codes), none empty, the same {placeholders}`, async () => {
      const table = (await load?.()) ?? {};
      const missing = [...source.keys()].filter((key) => !(key in table));
      const unknown = Object.keys(table).filter((key) => !source.has(key));
      const empty = Object.entries(table).filter(([, text]) => text.trim() === '');
      expect({ missing, unknown, empty }).toEqual({ missing: [], unknown: [], empty: [] });
      for (const [key, label] of source) {
        const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(table[key] ?? ''), key).toEqual(names(label.da));
      }
    });
  }

  it('Arabic reads right to left and is not the Danish text', async () => {
    expect(textDirection('ar')).toBe('rtl');
    const ar = await outreachSurveyTable('ar');
    expect(outreachSurveyText(ar, 'survey.page.thanks')).toBe('شكراً لك! لقد تم استلام إجاباتك.');
    expect(outreachSurveyText(ar, 'survey.link.LINK_USED')).not.toBe(
      OUTREACH_SURVEY_PAGE_TEXTS['survey.link.LINK_USED']?.da,
    );
  });

  it('has a table for every translated language of the participant pages', () => {
    expect(Object.keys(OUTREACH_SURVEY_TRANSLATIONS).sort()).toEqual([
      'ar',
      'fa',
      'pl',
      'so',
      'tr',
      'uk',
      'ur',
    ]);
  });

  it('falls back to the Danish source for a text a table lacks, and fills in values', async () => {
    expect(outreachSurveyText({}, 'survey.page.title')).toBe(
      outreachSurveySourceTable('da')['survey.page.title'],
    );
    expect(outreachSurveyText({}, 'survey.page.expires', { date: '7.12.2026' })).toBe(
      'Linket virker til og med 7.12.2026.',
    );
    expect(outreachSurveyText(outreachSurveySourceTable('en'), 'survey.page.close')).toBe(
      'You can close the page now.',
    );
  });
});
