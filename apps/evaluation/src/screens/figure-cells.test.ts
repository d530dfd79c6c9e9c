import { GENDERS, INCIDENT_TYPES } from '@vi/domain';
import { describe, expect, it } from 'vitest';
import { barsSummary, codeLabel, countBar, rateBar, rateCells } from './figure-cells.ts';
import { countCell, displayCell, hiddenKinds, numberCell } from './table-model.ts';

const marks = { underFive: 'under 5', hidden: 'skjult', notAvailable: '–' };
const rate = { numerator: 27, denominator: 100, rate: 0.27, ci95Lower: 0.19, ci95Upper: 0.36 };

describe('rateCells', () => {
  it('gives share and interval, a withheld rate as hidden, a zero denominator as not available', () => {
    expect(rateCells(rate).map((cell) => displayCell(cell, 'da', marks))).toEqual([
      '27\u00a0%',
      '19\u00a0%',
      '36\u00a0%',
    ]);
    expect(rateCells(null).map((cell) => displayCell(cell, 'da', marks))).toEqual([
      'skjult',
      'skjult',
      'skjult',
    ]);
    const empty = { numerator: 0, denominator: 0, rate: null, ci95Lower: null, ci95Upper: null };
    expect(rateCells(empty).map((cell) => displayCell(cell, 'en', marks))).toEqual(['–', '–', '–']);
  });
});

describe('rateBar', () => {
  it('draws the Wilson interval as distances below and above the share, in points', () => {
    const bar = rateBar('Vold', rate, 'da', marks);
    expect(bar.percent).toBeCloseTo(27);
    expect(bar.interval?.[0]).toBeCloseTo(8);
    expect(bar.interval?.[1]).toBeCloseTo(9);
    expect(bar.valueText).toBe('27\u00a0% (n = 100)');
  });

  it('draws no bar for a withheld rate and prints its mark instead', () => {
    expect(rateBar('Trusler', null, 'da', marks)).toEqual({
      label: 'Trusler',
      percent: null,
      interval: null,
      valueText: 'skjult',
    });
  });
});

describe('countBar and the chart summary', () => {
  it('shows every hidden count as "under 5", with no bar, and a perturbed 0 as 0', () => {
    const hidden = countBar('Mand', { value: null, suppressed: true }, 'da', marks);
    const zero = countBar('Kvinde', { value: 0, suppressed: false }, 'da', marks);
    const shown = countBar('Andet', { value: 1234, suppressed: false }, 'da', marks);
    expect([hidden.value, zero.value, shown.value]).toEqual([null, 0, 1234]);
    expect(barsSummary('Personer', [hidden, zero, shown])).toBe(
      'Personer: Mand under 5; Kvinde 0; Andet 1.234.',
    );
  });
});

describe('codeLabel', () => {
  it("labels domain codes, the gateway's not-recorded groups, and shows an unexpected code as it is", () => {
    const da = { notRecorded: 'Ikke registreret', otherOrUnknown: 'Andet eller uoplyst' };
    const en = { notRecorded: 'Not recorded', otherOrUnknown: 'Other or not recorded' };
    expect(codeLabel(INCIDENT_TYPES, 'VIOLENCE', 'da', da)).toBe('Vold');
    expect(codeLabel(INCIDENT_TYPES, 'UNKNOWN', 'en', en)).toBe('Not recorded');
    expect(codeLabel(INCIDENT_TYPES, 'NEW_TYPE', 'en', en)).toBe('NEW_TYPE');
  });

  it('labels the merged gender group OTHER_OR_UNKNOWN, and the ordinary genders from the domain', () => {
    const da = { notRecorded: 'Ikke registreret', otherOrUnknown: 'Andet eller uoplyst' };
    expect(['MAN', 'WOMAN', 'OTHER_OR_UNKNOWN'].map((code) => codeLabel(GENDERS, code, 'da', da))).toEqual([
      'Mand',
      'Kvinde',
      'Andet eller uoplyst',
    ]);
  });
});

describe('hiddenKinds', () => {
  it('names only the kinds of hidden cells a table has, so only those are explained', () => {
    const table = {
      id: 't',
      title: 'T',
      rowHeader: 'R',
      columns: ['a', 'b'],
      rows: [{ label: 'x', cells: [...rateCells(null).slice(0, 1), ...rateCells(rate).slice(0, 1)] }],
    };
    expect(hiddenKinds(table)).toEqual({
      underFive: false,
      hidden: true,
      notAvailable: false,
    });
    const withCounts = {
      ...table,
      rows: [
        { label: 'y', cells: [countCell({ value: null, suppressed: true }), numberCell(null, 'decimal1')] },
      ],
    };
    expect(hiddenKinds(withCounts)).toEqual({
      underFive: true,
      hidden: false,
      notAvailable: true,
    });
  });
});

describe('a rate of nobody (0/0)', () => {
  it('reads "–" (cannot be computed), not "skjult", when its denominator is published as 0', () => {
    const zero = { value: 0, suppressed: false };
    const texts = (cells: ReturnType<typeof rateCells>) => cells.map((c) => displayCell(c, 'da', marks));
    expect(texts(rateCells(null, zero))).toEqual(['–', '–', '–']);
    // Withheld (the denominator under 5, or unknown): hidden.
    expect(texts(rateCells(null, { value: null, suppressed: true }))).toEqual(['skjult', 'skjult', 'skjult']);
    expect(texts(rateCells(null, { value: 12, suppressed: false }))).toEqual(['skjult', 'skjult', 'skjult']);
    expect(texts(rateCells(null))).toEqual(['skjult', 'skjult', 'skjult']);
    expect(rateBar('Ingen', null, 'da', marks, zero).valueText).toBe('–');
    expect(rateBar('Få', null, 'da', marks).valueText).toBe('skjult');
  });
});
