import {
  HATE_CRIME_SEED_EXAMPLE_INPUTS,
  hateCrimeCosts,
  PER_VICTIM_NOTE,
  SHELTER_AFTERCARE_START_INPUTS,
  shelterAftercareCosts,
} from '@vi/domain';
import { catalogueProblems, LocaleProvider } from '@vi/ui';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FragmentOf } from '../graphql.ts';
import { aftercareCostMessages } from './aftercare-cost-messages.ts';
import { koegeFigure, outreachFigure } from './cost-figure-examples.ts';
import { CostSection, type CostSectionFields } from './cost-section.tsx';
import { DashboardContext } from './dashboard-context.tsx';

/** The domain's rules on example inputs, shaped as the gateway sends them. */
function hateCrimeFigure(victims: { value: number | null; suppressed: boolean }) {
  const r = hateCrimeCosts({
    ...HATE_CRIME_SEED_EXAMPLE_INPUTS,
    otherYearly: 1_200_000,
    victimsPerYear: victims.value ?? 0,
  });
  const line = (l: (typeof r.yearly.lines)[number]) => ({
    id: l.id,
    labelDa: l.label.da,
    labelEn: l.label.en,
    amount: l.amount,
    hours: l.hours ?? null,
  });
  return {
    organizationId: 'ngo',
    year: 2025,
    ruleSetId: r.ruleSetId,
    yearly: { total: r.yearly.total, lines: r.yearly.lines.map(line) },
    perVictim: {
      amount: r.perVictim?.amount ?? null,
      victims,
      withinPreStudyRange: r.preStudyRule.perVictimWithinSeedRange,
      noteDa: PER_VICTIM_NOTE.da,
      noteEn: PER_VICTIM_NOTE.en,
    },
    preStudyRule: {
      yearly: r.preStudyRule.yearly,
      victims: r.preStudyRule.victims,
      perVictim: r.preStudyRule.perVictim,
      sourceDa: r.preStudyRule.source.document.da,
      sourceEn: r.preStudyRule.source.document.en,
      reference: r.preStudyRule.source.reference,
    },
    budget: r.budget,
  };
}

function shelterFigure() {
  const r = shelterAftercareCosts({
    ...SHELTER_AFTERCARE_START_INPUTS,
    moveOutsPerYear: 40,
    counsellingHoursPerMoveOut: 10,
    civilSocietyPerYear: 34_000,
  });
  return {
    organizationId: 'krisecenter',
    year: 2025,
    ruleSetId: r.ruleSetId,
    yearly: {
      total: r.yearly.total,
      hours: r.yearly.hours,
      lines: r.yearly.lines.map((l) => ({
        id: l.id,
        labelDa: l.label.da,
        labelEn: l.label.en,
        amount: l.amount,
        hours: l.hours ?? null,
      })),
    },
    perMoveOut: { amount: Math.round(r.yearly.total / 25), moveOuts: { value: 25, suppressed: false } },
    breakEven: {
      shelterStay: r.shelterComparison.shelterStay,
      priceYear: r.shelterComparison.priceYear,
      repeatStaysAvoided: r.shelterComparison.breakEvenRepeatStaysAvoided,
      sourceDa: r.shelterComparison.source.document.da,
      sourceEn: r.shelterComparison.source.document.en,
      reference: r.shelterComparison.source.reference,
    },
  };
}

const costs = {
  figures: [koegeFigure(), outreachFigure()],
  hateCrime: [hateCrimeFigure({ value: 60, suppressed: false })],
  shelterAftercare: [shelterFigure()],
  invalidInputs: [
    { organizationId: 'odense', model: 'GROUP_COURSE', year: 2025, fields: ['hourlyRate:min'] },
  ],
  ignoredFilters: ['GENDERS'],
};
const names = new Map([
  ['koege', 'Køge Kommune'],
  ['ngo', 'Opsøgende NGO'],
  ['odense', 'Odense Kommune'],
  ['krisecenter', 'Krisecenter Demo'],
]);

function render(
  locale: 'da' | 'en',
  model: 'ALL' | 'OUTREACH' | 'GROUP_COURSE' | 'HATE_CRIME_AFTERCARE' | 'SHELTER_AFTERCARE',
  given: object = costs,
) {
  // The fragment is masked only in its type; at run time it is the plain object the gateway sends.
  const data = { costs: given } as unknown as FragmentOf<typeof CostSectionFields>;
  return renderToStaticMarkup(
    <LocaleProvider initialLocale={locale}>
      <DashboardContext.Provider value={{ organizationNames: names }}>
        <CostSection data={data} model={model} />
      </DashboardContext.Provider>
    </LocaleProvider>,
  );
}

describe('CostSection', () => {
  it('shows the figures, the ignored filter and a refused input as a clear note (Danish)', () => {
    const html = render('da', 'ALL');
    expect(html).toContain('Nogle indtastede omkostningstal kan ikke beregnes og er udeladt:');
    expect(html).toContain(
      'Odense Kommune, Ambulant gruppeforløb, 2025: omkostningsreglerne afviser felterne hourlyRate (min).',
    );
    expect(html).toContain('975.000\u00a0kr.');
    expect(html).toContain('Omkostning pr. gennemfører mod ét krisecenterophold (kr.)');
    expect(html).toContain('Pr. henvisning (opsøgende indsats)');
    expect(html).toContain('Filteret for køn gælder ikke for denne figur');
    expect(html).not.toContain('ikke tilgængelig');
  });

  it('shows only the chosen model, and says so when it has no figures (English)', () => {
    const html = render('en', 'OUTREACH');
    expect(html).toContain('Opsøgende NGO: Outreach');
    expect(html).not.toContain('Køge Kommune');
    expect(html).not.toContain('Odense Kommune');
    expect(html).not.toContain('shelter stay (DKK)');
    const none = renderToStaticMarkup(
      <LocaleProvider initialLocale="en">
        <CostSection
          data={{ costs: { ...costs, figures: [] } } as unknown as FragmentOf<typeof CostSectionFields>}
          model="GROUP_COURSE"
        />
      </LocaleProvider>,
    );
    expect(none).toContain('None of the chosen organisations has entered cost figures for the period.');
    expect(none).toContain('Some entered cost figures cannot be computed');
  });

  it('shows hate-crime aftercare with ALL or its model: cost per victim, the pre-study range, budget use', () => {
    const html = render('da', 'HATE_CRIME_AFTERCARE');
    expect(html).toContain('Efterværn for ofre for hadforbrydelser pr. organisation');
    // 1,200,000 kr over 60 victims, inside 10,000-40,000 kr; 80 % of a 1.5 M kr budget.
    expect(html).toContain('20.000\u00a0kr.');
    expect(html).toContain('10.000\u00a0kr.-40.000\u00a0kr.');
    expect(html).toContain('80\u00a0%');
    expect(html).toContain('Kilde: Københavns Kommune: forundersøgelse af efterværn');
    expect(html).not.toContain('Køge Kommune');
    expect(html).not.toContain('Efterværn efter krisecenterophold pr. organisation');
    expect(render('da', 'ALL')).toContain('Efterværn for ofre for hadforbrydelser pr. organisation');
    expect(render('da', 'GROUP_COURSE')).not.toContain('Efterværn for ofre for hadforbrydelser');
  });

  it('hides the per-victim amount and the range check where the victims are under 5', () => {
    const html = render('en', 'HATE_CRIME_AFTERCARE', {
      ...costs,
      hateCrime: [hateCrimeFigure({ value: null, suppressed: true })],
    });
    expect(html).toContain('Hate-crime aftercare per organisation');
    expect(html).not.toMatch(/DKK\s20,000/);
    expect(html).not.toMatch(/>(Yes|No)</);
  });

  it('shows shelter aftercare: cost per move-out and the break-even repeat stays (English)', () => {
    const html = render('en', 'SHELTER_AFTERCARE');
    expect(html).toContain('Aftercare after a shelter stay per organisation');
    // 400 h x 415 kr + 34,000 kr = 200,000 kr: 8,000 kr per move-out over 25, 2.5 stays of 80,000 kr.
    expect(html).toMatch(/DKK\s200,000/);
    expect(html).toMatch(/DKK\s8,000/);
    expect(html).toContain('>2.5<');
    expect(html).toContain('Krisecenter Demo: Aftercare after a shelter stay');
    expect(html).not.toContain('Hate-crime aftercare per organisation');
  });
});

describe('aftercareCostMessages', () => {
  it('is complete in Danish and English with matching placeholders, and cites sources by title', () => {
    expect(catalogueProblems(aftercareCostMessages)).toEqual([]);
    for (const text of [
      ...Object.values(aftercareCostMessages.da),
      ...Object.values(aftercareCostMessages.en),
    ])
      expect(text).not.toMatch(/seed/i);
  });
});
