import { CURRENT_COST_RULE_SET_ID, costRule, groupCourseCosts, KOEGE_EXAMPLE_INPUTS } from '@vi/domain';
import { type Locale, translate } from '@vi/ui';
import { describe, expect, it } from 'vitest';
import { koegeFigure, outreachFigure } from './cost-figure-examples.ts';
import {
  costLinesTable,
  costOverviewTable,
  costSources,
  figuresForModel,
  inputProblemText,
  pairedSummary,
  shelterBars,
} from './cost-figures.ts';
import { tableToCsv } from './csv-export.ts';
import { type DashboardMessageKey, dashboardMessages } from './dashboard-messages.ts';
import { type DataTable, displayCell } from './table-model.ts';

const marks = { underFive: 'under 5', hidden: 'skjult', notAvailable: '–' };
const names = new Map([
  ['koege', 'Køge Kommune'],
  ['ngo', 'Opsøgende NGO'],
]);
const name = (id: string) => names.get(id) ?? id;
const t = (locale: Locale) => (key: DashboardMessageKey, params?: Record<string, string | number>) =>
  translate(dashboardMessages, locale, key, params);
function column(table: DataTable, header: string, locale: Locale = 'da'): string[] {
  const index = table.columns.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return table.rows.map((row) => {
    const cell = row.cells[index];
    return cell ? displayCell(cell, locale, marks) : 'missing';
  });
}

describe('costOverviewTable', () => {
  const da = t('da');
  const table = costOverviewTable([koegeFigure(), outreachFigure()], name, da, 'da');
  const koege = groupCourseCosts(KOEGE_EXAMPLE_INPUTS);

  it("shows Køge's start-up apart from its yearly cost, in Danish kroner", () => {
    expect(table.rows.map((row) => row.label)).toEqual([
      'Køge Kommune: Ambulant gruppeforløb',
      'Opsøgende NGO: Opsøgende indsats',
    ]);
    expect(column(table, 'Opstart (engangsbeløb)')[0]).toBe('975.000\u00a0kr.');
    expect(column(table, 'Årlig drift')[0]).toBe(`${koege.yearly.total.toLocaleString('da-DK')}\u00a0kr.`);
    expect(column(table, 'Første år (opstart + drift)')[0]).toBe(
      `${(975_000 + koege.yearly.total).toLocaleString('da-DK')}\u00a0kr.`,
    );
  });

  it('gives per completer with its n, the shelter stay and the ratio; per referral only for outreach', () => {
    expect(column(table, 'Gennemførte pr. år (n)')).toEqual(['35', '–']);
    expect(column(table, 'Pr. gennemfører (årlig drift ÷ gennemførte)')[0]).toMatch(/^3\d\.\d{3}\u00a0kr\.$/);
    expect(column(table, 'Ét krisecenterophold')).toEqual([
      `${costRule(CURRENT_COST_RULE_SET_ID, 'shelter.stay').value.toLocaleString('da-DK')}\u00a0kr.`,
      '–',
    ]);
    expect(column(table, 'Pr. gennemfører ÷ krisecenterophold')[0]).toMatch(/^0,\d\d$/);
    expect(column(table, 'Henvisninger pr. år (n)')).toEqual(['–', '40']);
    expect(column(table, 'Pr. henvisning (årlig drift ÷ henvisninger)')[0]).toBe('–');
    expect(column(table, 'Regelsæt')).toEqual([CURRENT_COST_RULE_SET_ID, CURRENT_COST_RULE_SET_ID]);
  });

  it('hides per completer and the ratio with a divisor under 5, and the CSV says so in Danish', () => {
    const hidden = costOverviewTable([koegeFigure(true)], name, da, 'da');
    expect(column(hidden, 'Gennemførte pr. år (n)')).toEqual(['under 5']);
    expect(column(hidden, 'Pr. gennemfører (årlig drift ÷ gennemførte)')).toEqual(['skjult']);
    expect(column(hidden, 'Pr. gennemfører ÷ krisecenterophold')).toEqual(['skjult']);
    const row = tableToCsv(hidden, 'da').split('\r\n')[1]?.split(';') ?? [];
    expect(row[3]).toBe('975000');
    expect(row.filter((field) => field === 'under 5')).toHaveLength(1);
    expect(row.filter((field) => field === 'skjult')).toHaveLength(2);
    expect(row).not.toContain('SUPPRESSED');
  });

  it('reads in English with the same figures', () => {
    const en = costOverviewTable([koegeFigure()], name, t('en'), 'en');
    expect(en.rows[0]?.label).toBe('Køge Kommune: Outpatient group course');
    expect(column(en, 'Start-up (one-off)', 'en')).toEqual(['DKK\u00a0975,000']);
  });
});

describe('costLinesTable', () => {
  it('lists start-up lines apart from yearly lines, each block with a total that adds up', () => {
    const table = costLinesTable([koegeFigure()], name, t('da'), 'da');
    const blocks = table.rows.map((row) => (row.cells[0]?.kind === 'text' ? row.cells[0].text : ''));
    expect(new Set(blocks)).toEqual(new Set(['Opstart', 'Årlig drift']));
    const startUp = table.rows.filter(
      (row) => row.cells[0]?.kind === 'text' && row.cells[0].text === 'Opstart',
    );
    const amounts = startUp.map((row) => {
      const cell = row.cells[3];
      return cell?.kind === 'number' ? (cell.value ?? 0) : 0;
    });
    const total = amounts.pop();
    expect(total).toBe(975_000);
    expect(amounts.reduce((sum, amount) => sum + amount, 0)).toBe(975_000);
  });
});

describe('shelterBars', () => {
  it('draws per completer beside the shelter stay, and no per-completer bar when hidden', () => {
    const [bar] = shelterBars([koegeFigure()], name, t('da'), 'da', marks);
    expect(bar?.first).toBeGreaterThan(30_000);
    expect(bar?.second).toBe(costRule(CURRENT_COST_RULE_SET_ID, 'shelter.stay').value);
    expect(bar?.firstText).toMatch(/\(n = 35\)$/);
    const [hidden] = shelterBars([koegeFigure(true)], name, t('da'), 'da', marks);
    expect(hidden?.first).toBeNull();
    expect(hidden?.firstText).toBe('skjult (n = under 5)');
    expect(shelterBars([outreachFigure()], name, t('da'), 'da', marks)).toEqual([]);
    expect(pairedSummary('Titel', ['Pr. gennemfører', 'Ophold'], hidden ? [hidden] : [])).toBe(
      'Titel: Køge Kommune: Pr. gennemfører skjult (n = under 5), Ophold 80.000\u00a0kr.',
    );
  });
});

describe('costSources and input problems', () => {
  it("names the rule set's version, price year and the shelter stay's source from the domain data", () => {
    const [source] = costSources([koegeFigure()], t('da'), 'da', marks);
    const rule = costRule(CURRENT_COST_RULE_SET_ID, 'shelter.stay');
    expect(source).toContain(`(${CURRENT_COST_RULE_SET_ID}), prisår 2024`);
    expect(source).toContain(`i ${rule.priceYear}-priser`);
    expect(source).toContain(rule.source.document.da);
    expect(costSources([{ ...koegeFigure(), ruleSetId: 'dk-1999' }], t('en'), 'en', marks)).toEqual([
      'Cost rules: version dk-1999, whose source this dashboard does not know.',
    ]);
  });

  it('names the organisation, model, year and each refused field with its code', () => {
    const text = inputProblemText(
      { organizationId: 'koege', model: 'GROUP_COURSE', year: 2025, fields: ['hourlyRate:min', 'startUp'] },
      name,
      t('da'),
      'da',
    );
    expect(text).toBe(
      'Køge Kommune, Ambulant gruppeforløb, 2025: omkostningsreglerne afviser felterne hourlyRate (min), startUp. Organisationen skal rette sin indtastning.',
    );
  });

  it('keeps the chosen model only', () => {
    const both = [koegeFigure(), outreachFigure()];
    expect(figuresForModel(both, 'ALL')).toHaveLength(2);
    expect(figuresForModel(both, 'OUTREACH').map((figure) => figure.organizationId)).toEqual(['ngo']);
  });
});
