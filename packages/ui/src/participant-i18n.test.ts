import { sourceTable } from '@vi/domain';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import {
  applyParticipantLanguage,
  initialParticipantLocale,
  loadParticipantMessages,
  PARTICIPANT_LANGUAGE_CHOICES,
  participantMessages,
} from './participant-i18n.ts';
import { questionnaireMessages } from './questionnaire/questionnaire-messages.ts';

describe('participant messages', () => {
  it('formats Arabic plurals in their own forms and fills placeholders', async () => {
    const ar = await loadParticipantMessages('ar');
    expect(ar.dir).toBe('rtl');
    expect(ar.format('questionnaire.problemCount', { count: 1 })).toBe('إجابة واحدة تحتاج إلى تصحيح');
    expect(ar.format('questionnaire.problemCount', { count: 2 })).toBe('إجابتان تحتاجان إلى تصحيح');
    expect(ar.format('questionnaire.problemCount', { count: 5 })).toContain('إجابات');
    expect(ar.format('questionnaire.page', { page: 2, pages: 7 })).toBe('الصفحة 2 من 7');
  });

  it('uses Polish few and many', async () => {
    const pl = await loadParticipantMessages('pl');
    expect(pl.dir).toBe('ltr');
    expect(pl.format('questionnaire.problemCount', { count: 3 })).toBe('3 odpowiedzi trzeba poprawić');
    expect(pl.format('questionnaire.problemCount', { count: 1 })).toBe('Jedną odpowiedź trzeba poprawić');
  });

  it('lays an organisation’s override over the built-in text', async () => {
    const tr = await loadParticipantMessages('tr', [{ key: 'questionnaire.next', text: 'Devam' }]);
    expect(tr.format('questionnaire.next')).toBe('Devam');
    expect(tr.format('questionnaire.back')).toBe('Geri');
  });

  it('falls back to Danish for a missing, empty or unformattable text', () => {
    const so = participantMessages(
      'so',
      { 'questionnaire.next': '', 'questionnaire.page': 'Bogga {page} ee {pages' },
      IntlMessageFormat,
    );
    expect(so.format('questionnaire.next')).toBe('Næste');
    expect(so.format('questionnaire.back')).toBe('Tilbage');
    expect(so.format('questionnaire.page', { page: 1, pages: 3 })).toBe('Side 1 af 3');
    expect(so.format('no.such.key')).toBe('no.such.key');
  });

  it('keeps the renderer’s own Danish and English in step with the catalogue’s chrome', () => {
    for (const locale of ['da', 'en'] as const) {
      const table = sourceTable(locale);
      for (const [key, text] of Object.entries(questionnaireMessages[locale])) {
        expect(table[key], `${locale} ${key}`).toBe(text);
      }
    }
  });
});

describe('the participant page’s language', () => {
  it('starts in the stored choice, else the link’s language, else the phone’s first offered one, else Danish', () => {
    expect(initialParticipantLocale({ stored: 'uk', link: 'so', device: ['ar'] })).toBe('uk');
    expect(initialParticipantLocale({ stored: 'xx', link: 'so', device: ['ar'] })).toBe('so');
    expect(initialParticipantLocale({ stored: null, link: 'TR-tr', device: ['ar'] })).toBe('tr');
    expect(initialParticipantLocale({ stored: null, link: 'de', device: ['fr-FR', 'fa-IR', 'ar'] })).toBe(
      'fa',
    );
    expect(initialParticipantLocale({ stored: null, link: null, device: ['ar-EG'] })).toBe('ar');
    expect(initialParticipantLocale({ stored: null, device: ['de-DE', 'sv'] })).toBe('da');
    expect(initialParticipantLocale({})).toBe('da');
  });

  it('sets lang and a right-to-left direction for Arabic, Urdu and Farsi', () => {
    const root = { lang: 'da', dir: 'ltr' };
    applyParticipantLanguage('ur', root);
    expect(root).toEqual({ lang: 'ur', dir: 'rtl' });
    applyParticipantLanguage('tr', root);
    expect(root).toEqual({ lang: 'tr', dir: 'ltr' });
  });

  it('names every language in itself for the picker', () => {
    expect(PARTICIPANT_LANGUAGE_CHOICES.map((c) => c.name)).toContain('العربية');
    expect(PARTICIPANT_LANGUAGE_CHOICES).toHaveLength(9);
  });
});
