import { describe, expect, it } from 'vitest';
import { outreachSurveyItems } from '../outreach-survey/survey-items.ts';
import { itemsOf, type QuestionnaireItem } from '../questionnaires.ts';
import { checkIcuMessage, pluralCategoriesOf, samePlaceholders } from './icu.ts';
import {
  builtInTable,
  mergeOverrides,
  PARTICIPANT_TRANSLATIONS,
  sourceTable,
  type TranslationTable,
  validateTranslationOverride,
} from './participant-catalogue.ts';
import { PARTICIPANT_LOCALE_CODES, type ParticipantLocale, textDirection } from './participant-locales.ts';
import {
  itemKey,
  optionKey,
  PARTICIPANT_CHROME,
  participantSource,
  participantSourceCatalogue,
  rowKey,
  surveyOptionKey,
} from './participant-source.ts';

const tables = new Map<ParticipantLocale, TranslationTable>();
for (const locale of PARTICIPANT_LOCALE_CODES) tables.set(locale, await builtInTable(locale));
const source = participantSource();
const danish = sourceTable('da');

function shapeOf(message: string) {
  const parsed = checkIcuMessage(message);
  if (!parsed.ok) throw new Error(`does not parse: ${message} (${parsed.error})`);
  return parsed.shape;
}

describe('participant catalogue: every offered language', () => {
  it('offers the nine languages of issue 14, three of them right to left', () => {
    expect(PARTICIPANT_LOCALE_CODES).toEqual(['da', 'en', 'ar', 'tr', 'so', 'ur', 'fa', 'pl', 'uk']);
    expect(PARTICIPANT_LOCALE_CODES.filter((l) => textDirection(l) === 'rtl')).toEqual(['ar', 'ur', 'fa']);
    expect(Object.keys(PARTICIPANT_TRANSLATIONS).sort()).toEqual(['ar', 'fa', 'pl', 'so', 'tr', 'uk', 'ur']);
  });

  it('holds the chrome and both participant forms, and the source has a plural to check', () => {
    expect(source.size).toBeGreaterThan(150);
    for (const key of Object.keys(PARTICIPANT_CHROME)) expect(source.has(key)).toBe(true);
    expect([...shapeOf(danish['questionnaire.problemCount'] ?? '').plurals.keys()]).toEqual(['count']);
  });

  for (const locale of PARTICIPANT_LOCALE_CODES) {
    describe(locale, () => {
      const table = tables.get(locale) ?? {};

      it('has exactly the source keys, none empty', () => {
        const missing = [...source.keys()].filter((key) => !(key in table));
        const unknown = Object.keys(table).filter((key) => !source.has(key));
        const empty = Object.entries(table)
          .filter(([, text]) => text.trim() === '')
          .map(([key]) => key);
        expect({ missing, unknown, empty }).toEqual({ missing: [], unknown: [], empty: [] });
      });

      it('parses as ICU with the source placeholders and every plural form the language needs', () => {
        const problems: string[] = [];
        const categories = pluralCategoriesOf(locale);
        for (const [key, text] of Object.entries(table)) {
          const parsed = checkIcuMessage(text);
          if (!parsed.ok) {
            problems.push(`${key}: ${parsed.error}`);
            continue;
          }
          const sourceShape = shapeOf(danish[key] ?? '');
          if (!samePlaceholders(parsed.shape, sourceShape)) problems.push(`${key}: placeholders differ`);
          for (const variable of sourceShape.plurals.keys()) {
            const written = parsed.shape.plurals.get(variable);
            const lacking = categories.filter((c) => !written?.has(c));
            if (lacking.length > 0) problems.push(`${key}: plural ${variable} lacks ${lacking.join(', ')}`);
          }
        }
        expect(problems).toEqual([]);
      });

      it('words every item and answer option of the outreach user survey, keyed by its answer codes', () => {
        for (const item of outreachSurveyItems()) {
          expect(table[`survey.item.${item.id}.label`], item.id).toBeTruthy();
          if (item.kind === 'text') continue;
          const codes = Object.keys(table)
            .filter((key) => key.startsWith(`survey.option.${item.id}.`))
            .map((key) => key.slice(`survey.option.${item.id}.`.length));
          expect(codes.sort(), `${locale} ${item.id}`).toEqual(item.options.map((o) => o.code).sort());
          for (const option of item.options)
            expect(table[surveyOptionKey(item.id, option.code)]).toBeTruthy();
        }
      });

      it('words every item and answer option of the baseline and end forms, with the same answer codes', () => {
        for (const kind of ['BASELINE', 'END'] as const) {
          for (const item of itemsOf(kind)) {
            expect(table[`${itemKey(kind, item.id)}.label`], `${kind} ${item.id}`).toBeTruthy();
            for (const key of answerKeys(item)) expect(table[key], `${kind} ${item.id} ${key}`).toBeTruthy();
          }
        }
      });
    });
  }

  it('keys answer options by their code, so a translation cannot add or drop an answer', () => {
    for (const kind of ['BASELINE', 'END'] as const) {
      for (const item of itemsOf(kind)) {
        for (const locale of PARTICIPANT_LOCALE_CODES) {
          const table = tables.get(locale) ?? {};
          const prefix = item.kind === 'likert' ? 'likert.' : `option.${item.id}.`;
          const inTable = Object.keys(table).filter((k) => k.startsWith(prefix));
          const expected = [...source.keys()].filter((k) => k.startsWith(prefix));
          expect(inTable.sort(), `${locale} ${item.id}`).toEqual(expected.sort());
        }
      }
    }
  });

  it('refuses one key standing for two different texts', () => {
    expect(() => participantSourceCatalogue()).not.toThrow();
    // The two forms word their comment question differently, so it is keyed per form.
    expect(danish['item.BASELINE.comment.label']).not.toBe(danish['item.END.comment.label']);
  });
});

function answerKeys(item: QuestionnaireItem): string[] {
  if (item.kind === 'single' || item.kind === 'multi' || item.kind === 'likert')
    return item.options.map((o) => optionKey(item, o.code));
  if (item.kind === 'grid')
    return [
      ...item.rows.map((r) => rowKey(item, r.code)),
      ...item.options.map((o) => optionKey(item, o.code)),
    ];
  return [];
}

describe('a lead’s translation override', () => {
  it('is accepted when it parses and needs the same values as the Danish text', () => {
    const result = validateTranslationOverride({
      locale: 'ar',
      key: 'questionnaire.page',
      text: ' صفحة {page} / {pages} ',
    });
    expect(result).toEqual({
      ok: true,
      locale: 'ar',
      key: 'questionnaire.page',
      text: 'صفحة {page} / {pages}',
    });
  });

  it('names the field and the reason for each problem, in Danish and English', () => {
    const cases: Array<[{ locale: string; key: string; text: string }, string, string]> = [
      [{ locale: 'xx', key: 'questionnaire.next', text: 'Next' }, 'locale', 'UNKNOWN_LOCALE'],
      [{ locale: 'tr', key: 'no.such.key', text: 'x' }, 'key', 'UNKNOWN_KEY'],
      [{ locale: 'tr', key: 'questionnaire.next', text: '   ' }, 'text', 'EMPTY_TEXT'],
      [{ locale: 'tr', key: 'questionnaire.page', text: 'Sayfa {page / {pages}' }, 'text', 'ICU_SYNTAX'],
      [{ locale: 'tr', key: 'questionnaire.page', text: 'Sayfa {page}' }, 'text', 'PLACEHOLDERS_DIFFER'],
      [{ locale: 'tr', key: 'questionnaire.next', text: 'İleri {name}' }, 'text', 'PLACEHOLDERS_DIFFER'],
      [{ locale: 'tr', key: 'questionnaire.next', text: 'x'.repeat(2001) }, 'text', 'TEXT_TOO_LONG'],
    ];
    for (const [input, field, code] of cases) {
      const result = validateTranslationOverride(input);
      expect(result.ok, code).toBe(false);
      if (result.ok) continue;
      expect(result.errors.map((e) => [e.field, e.code])).toEqual([[field, code]]);
      expect(result.errors[0]?.message.da).toBeTruthy();
      expect(result.errors[0]?.message.en).toBeTruthy();
    }
    const missing = validateTranslationOverride({
      locale: 'tr',
      key: 'questionnaire.page',
      text: 'Sayfa {page}',
    });
    expect(missing.ok ? '' : missing.errors[0]?.message.en).toContain('{page}, {pages}');
  });

  it('is laid over the built-in table; keys the catalogue does not have are ignored', () => {
    const table = tables.get('pl') ?? {};
    const merged = mergeOverrides(table, [
      { key: 'questionnaire.next', text: 'Dalej →' },
      { key: 'gone.key', text: 'x' },
    ]);
    expect(merged['questionnaire.next']).toBe('Dalej →');
    expect(merged['questionnaire.back']).toBe(table['questionnaire.back']);
    expect('gone.key' in merged).toBe(false);
  });
});
