import { COST_MODELS, costInputFields, GROUP_COURSE_COST_FIELDS, OUTREACH_COST_FIELDS } from '@vi/domain';
import { catalogueProblems } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { costInputsMessages } from './cost-inputs-messages.ts';
import { costFieldId, enteredChanges, formatInputNumber, parseInputNumber } from './cost-inputs-screen.tsx';

describe('cost input numbers', () => {
  it('reads Danish and English notation, with thousands separators and spaces', () => {
    expect(parseInputNumber('1.250.000', 'da')).toBe(1_250_000);
    expect(parseInputNumber('0,2', 'da')).toBe(0.2);
    expect(parseInputNumber('1 250 000', 'da')).toBe(1_250_000);
    expect(parseInputNumber('1,250,000', 'en')).toBe(1_250_000);
    expect(parseInputNumber('0.2', 'en')).toBe(0.2);
    expect(parseInputNumber('-1', 'en')).toBe(-1);
  });
  it('empty is null (the gateway names the field as required), words are undefined', () => {
    expect(parseInputNumber('  ', 'da')).toBeNull();
    expect(parseInputNumber('mange', 'da')).toBeUndefined();
    expect(parseInputNumber('4,5,6', 'da')).toBeUndefined();
  });
  it('writes a figure back as it is typed in each language, and round-trips', () => {
    expect(formatInputNumber(0.2, 'da')).toBe('0,2');
    expect(formatInputNumber(0.2, 'en')).toBe('0.2');
    expect(formatInputNumber(445, 'da')).toBe('445');
    expect(formatInputNumber(null, 'da')).toBe('');
    for (const value of [0, 0.2, 445, 148.0769230769, 1_250_000])
      for (const locale of ['da', 'en'] as const)
        expect(parseInputNumber(formatInputNumber(value, locale), locale)).toBeCloseTo(value, 6);
  });
  it('gives each figure its own id for the error summary links', () => {
    const ids = [...GROUP_COURSE_COST_FIELDS, ...OUTREACH_COST_FIELDS].map((f) => costFieldId(f.field));
    expect(new Set(ids).size).toBe(ids.length);
    expect(costFieldId('startUp.salaries')).toBe('cost-input-startUp-salaries');
  });
});

describe('costInputsMessages', () => {
  it('is complete in Danish and English with matching placeholders, and cites sources by title', () => {
    expect(catalogueProblems(costInputsMessages)).toEqual([]);
    for (const text of [...Object.values(costInputsMessages.da), ...Object.values(costInputsMessages.en)])
      expect(text).not.toMatch(/seed/i);
  });
});

describe('the four models on the cost screen', () => {
  it('names every model, its example and every unit of its fields in both languages', () => {
    for (const model of COST_MODELS) {
      for (const locale of ['da', 'en'] as const) {
        const messages = costInputsMessages[locale] as Record<string, string>;
        expect(messages[`model.${model}`], `${locale} ${model}`).toBeTruthy();
        expect(messages[`example.${model}`], `${locale} ${model}`).toBeTruthy();
        for (const field of costInputFields(model))
          expect(messages[`unit.${field.unit}`], `${locale} ${field.field}`).toBeTruthy();
      }
      const ids = costInputFields(model).map((f) => costFieldId(f.field));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
  it('the history shows the entered figures only, not the rule set or the counted hate-crime divisor', () => {
    const changes = [
      { field: 'ruleSetId', before: null, after: null },
      { field: 'victimsPerYear', before: null, after: 0 },
      { field: 'capacityPerYear', before: null, after: 80 },
    ];
    expect(enteredChanges('HATE_CRIME_AFTERCARE', changes)).toEqual([changes[2]]);
    expect(enteredChanges('SHELTER_AFTERCARE', changes)).toEqual([]);
  });
});
