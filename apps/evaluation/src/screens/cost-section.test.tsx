import { LocaleProvider } from '@vi/ui';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FragmentOf } from '../graphql.ts';
import { koegeFigure, outreachFigure } from './cost-figure-examples.ts';
import { CostSection, type CostSectionFields } from './cost-section.tsx';
import { DashboardContext } from './dashboard-context.tsx';

const costs = {
  figures: [koegeFigure(), outreachFigure()],
  invalidInputs: [
    { organizationId: 'odense', model: 'GROUP_COURSE', year: 2025, fields: ['hourlyRate:min'] },
  ],
  ignoredFilters: ['GENDERS'],
};
const names = new Map([
  ['koege', 'Køge Kommune'],
  ['ngo', 'Opsøgende NGO'],
  ['odense', 'Odense Kommune'],
]);

function render(locale: 'da' | 'en', model: 'ALL' | 'OUTREACH' | 'GROUP_COURSE') {
  // The fragment is masked only in its type; at run time it is the plain object the gateway sends.
  const data = { costs } as unknown as FragmentOf<typeof CostSectionFields>;
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
});
