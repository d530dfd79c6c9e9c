import { builtInTable, overridableBuiltInTable, overridableSource } from '@vi/domain';
import { describe, expect, it } from 'vitest';
import { filterTranslationRows, groupTranslationRows, translationRows } from './translation-rows.ts';

describe('the translation screen’s rows', () => {
  it('lists every overridable text once with the Danish source, the built-in text and the override', async () => {
    const rows = translationRows(await overridableBuiltInTable('pl', builtInTable), [
      { key: 'questionnaire.next', text: 'Dalej →' },
    ]);
    expect(rows).toHaveLength(overridableSource().size);
    const next = rows.find((row) => row.key === 'questionnaire.next');
    expect(next).toMatchObject({ group: 'pages', source: 'Næste', override: 'Dalej →' });
    expect(next?.builtIn).not.toBe('Næste');
    expect(rows.filter((row) => row.override !== null)).toHaveLength(1);
  });

  it('finds texts by every word, ignoring case and accents, in any of the four columns', async () => {
    const rows = translationRows(await overridableBuiltInTable('ar', builtInTable), [
      { key: 'survey.page.thanks', text: 'شكرًا من فريقنا المحلي' },
    ]);
    expect(filterTranslationRows(rows, 'NÆSTE').map((r) => r.key)).toContain('questionnaire.next');
    expect(filterTranslationRows(rows, 'questionnaire next').map((r) => r.key)).toEqual([
      'questionnaire.next',
    ]);
    expect(filterTranslationRows(rows, 'فريقنا').map((r) => r.key)).toEqual(['survey.page.thanks']);
    expect(filterTranslationRows(rows, '', true).map((r) => r.key)).toEqual(['survey.page.thanks']);
    expect(filterTranslationRows(rows, 'no-such-text-anywhere')).toEqual([]);
    expect(filterTranslationRows(rows, '   ')).toHaveLength(rows.length);
  });

  it('groups the rows in a fixed order, leaving out empty groups', async () => {
    const rows = translationRows(await overridableBuiltInTable('tr', builtInTable), []);
    expect(groupTranslationRows(rows).map((g) => g.group)).toEqual([
      'pages',
      'BASELINE',
      'END',
      'survey',
      'surveyPage',
    ]);
    const found = groupTranslationRows(filterTranslationRows(rows, 'survey.page'));
    expect(found.map((g) => g.group)).toEqual(['surveyPage']);
  });
});
