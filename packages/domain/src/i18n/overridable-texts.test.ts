import { describe, expect, it } from 'vitest';
import { outreachSurveySourceEntries } from '../outreach-survey/survey-texts.ts';
import {
  OVERRIDABLE_TEXT_GROUPS,
  overridableBuiltInTable,
  overridableSource,
  overridableTextGroups,
} from './overridable-texts.ts';
import { builtInTable, validateTranslationOverride } from './participant-catalogue.ts';
import { participantSource } from './participant-source.ts';

describe('the texts a lead may reword', () => {
  it('are the participant catalogue and the outreach survey page’s own sentences', () => {
    const keys = overridableSource();
    expect(keys.size).toBe(participantSource().size + outreachSurveySourceEntries().size);
    expect(keys.get('survey.page.thanks')?.da).toBe('Tak! Dine svar er modtaget.');
    expect(keys.has('questionnaire.next')).toBe(true);
  });

  it('accepts an override of a survey page sentence, with the source’s placeholders', () => {
    const ok = validateTranslationOverride({
      locale: 'pl',
      key: 'survey.page.expires',
      text: 'Link działa do {date}.',
    });
    expect(ok).toMatchObject({ ok: true, key: 'survey.page.expires' });
    const missing = validateTranslationOverride({ locale: 'pl', key: 'survey.page.expires', text: 'Link.' });
    expect(missing.ok ? [] : missing.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'text:PLACEHOLDERS_DIFFER',
    ]);
  });

  it('puts every key in exactly one group, the forms’ items under their form', () => {
    const groups = overridableTextGroups();
    expect([...groups.keys()].sort()).toEqual([...overridableSource().keys()].sort());
    for (const group of groups.values()) expect(OVERRIDABLE_TEXT_GROUPS).toContain(group);
    expect(groups.get('questionnaire.next')).toBe('pages');
    expect(groups.get('item.inspire_o_1.label')).toBe('BASELINE');
    expect(groups.get('survey.closing')).toBe('survey');
    expect(groups.get('survey.page.title')).toBe('surveyPage');
    expect(new Set(groups.values())).toEqual(new Set(OVERRIDABLE_TEXT_GROUPS));
  });

  it('gives the built-in text of both tables in a language', async () => {
    const table = await overridableBuiltInTable('ar', builtInTable);
    for (const key of overridableSource().keys()) expect(table[key]?.trim(), key).toBeTruthy();
    expect(table['survey.page.title']).not.toBe(overridableSource().get('survey.page.title')?.da);
  });
});
