import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRES, type QuestionnaireItem } from '../questionnaires.ts';
import { localizeQuestionnaire } from './localized-questionnaire.ts';
import { builtInTable } from './participant-catalogue.ts';

const codesOf = (item: QuestionnaireItem) =>
  'options' in item ? item.options.map((o) => [o.code, 'value' in o ? o.value : null]) : [];

describe('a participant form in the participant’s language', () => {
  it('words every text in Arabic and keeps ids, answer codes and values', async () => {
    const ar = await builtInTable('ar');
    for (const kind of ['BASELINE', 'END'] as const) {
      const source = QUESTIONNAIRES[kind];
      const form = localizeQuestionnaire(kind, (key) => ar[key]);
      expect(form.title).toEqual({ da: ar[`form.${kind}.title`], en: ar[`form.${kind}.title`] });
      const items = form.sections.flatMap((s) => s.items);
      const sourceItems = source.sections.flatMap((s) => s.items);
      expect(items.map((i) => i.id)).toEqual(sourceItems.map((i) => i.id));
      items.forEach((item, i) => {
        const original = sourceItems[i] as QuestionnaireItem;
        expect(codesOf(item)).toEqual(codesOf(original));
        expect(item.showWhen).toEqual(original.showWhen);
        // Arabic script in both slots: nothing Danish is left for the renderer to show.
        expect(item.label.da).toMatch(/[\u0600-\u06FF]/);
        expect(item.label.en).toBe(item.label.da);
        if ('options' in item) for (const o of item.options) expect(o.label.da).toBeTruthy();
      });
    }
  });

  it('falls back to the definition’s own text for a key the catalogue lacks', () => {
    const form = localizeQuestionnaire('END', () => undefined);
    expect(form).toEqual(QUESTIONNAIRES.END);
  });
});
