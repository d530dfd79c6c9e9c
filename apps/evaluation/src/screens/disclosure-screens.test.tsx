import { countNoiseProbability, DISCLOSURE_EXPLANATION, fieldError } from '@vi/domain';
import { LocaleProvider } from '@vi/ui';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import type { FragmentOf } from '../graphql.ts';
import { type DashboardFilter, DashboardFilters, EMPTY_FILTER } from './dashboard-filters.tsx';
import { DisclosureHelp, type DisclosureHelpFields, signedNoise } from './disclosure-help.tsx';
import { FiguresProblem, usageOfLimitError } from './figures-problem.tsx';

function render(locale: 'da' | 'en', node: ReactNode): string {
  return renderToStaticMarkup(<LocaleProvider initialLocale={locale}>{node}</LocaleProvider>);
}

/** The text of an element found by id, tags stripped. */
function textOf(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return '';
  const end = html.indexOf('</ul>', start);
  return html.slice(start, end).replace(/<[^>]+>/g, ' ');
}

const organizations = [
  { id: 'org-koege', name: 'Køge Kommune' },
  { id: 'org-odense', name: 'Odense Kommune' },
];

describe('DashboardFilters', () => {
  it('offers only what the gateway answers: one or all, a month, a quarter or one year', () => {
    const html = render(
      'da',
      <DashboardFilters organizations={organizations} applied={EMPTY_FILTER} onApply={() => {}} />,
    );
    // No check boxes any more: single selects whose first option is "all".
    expect(html).not.toContain('type="checkbox"');
    for (const id of ['organizationIds', 'incidentTypes', 'genders', 'ageGroups', 'roles']) {
      expect(html).toMatch(
        new RegExp(`<label for="ev-filter-${id}">[^<]+</label><select id="ev-filter-${id}"`),
      );
    }
    expect(html).toContain('<option value="" selected="">Alle mine organisationer</option>');
    expect(html).toContain('<option value="org-odense">Odense Kommune</option>');
    expect(html).toContain('<option value="" selected="">Alle</option><option value="MAN">Mand</option>');
    // The period: a kind first, then only the inputs of that kind.
    expect(html).toMatch(
      /<label for="ev-filter-period">Periodens længde<\/label><select id="ev-filter-period" aria-invalid="false" aria-describedby="ev-filter-period-hint">/,
    );
    expect(html).toContain(
      '<option value="ALL" selected="">Hele perioden</option><option value="MONTH">Måned</option><option value="QUARTER">Kvartal</option><option value="YEAR">År</option>',
    );
    expect(html).not.toContain('type="month"');
    expect(html).toContain('Vælg én eller alle i hvert filter.');
  });

  it('shows the inputs of the chosen period kind, each labelled', () => {
    const withPeriod = (patch: Partial<DashboardFilter['period']>) =>
      render(
        'da',
        <DashboardFilters
          organizations={organizations}
          applied={{ ...EMPTY_FILTER, period: { ...EMPTY_FILTER.period, ...patch } }}
          onApply={() => {}}
        />,
      );
    expect(withPeriod({ kind: 'MONTH', month: '2024-03' })).toMatch(
      /<label for="ev-filter-month">Måned<\/label><input id="ev-filter-month" type="month" min="2000-01" max="2100-12"[^>]*value="2024-03"/,
    );
    const quarter = withPeriod({ kind: 'QUARTER', quarterYear: '2024', quarter: '2' });
    expect(quarter).toContain(
      '<label for="ev-filter-quarter-year">År</label><select id="ev-filter-quarter-year"',
    );
    expect(quarter).toContain('<option value="2024" selected="">2024</option>');
    expect(quarter).toContain('<option value="2" selected="">2. kvartal (april-juni)</option>');
    expect(quarter).toContain('<option value="2000">2000</option>');
    expect(quarter).toContain('<option value="2100">2100</option>');
    expect(quarter).not.toContain('<option value="1999">');
    const year = withPeriod({ kind: 'YEAR', year: '2025' });
    expect(year).toContain('<label for="ev-filter-year">År</label><select id="ev-filter-year"');
    expect(year).toContain('<option value="2025" selected="">2025</option>');
    expect(year).toContain('<option value="2000">2000</option>');
    expect(year).toContain('<option value="2100">2100</option>');
    // One year only: no second year, no open end.
    const selects = (html: string) => html.match(/<select /g)?.length ?? 0;
    expect(selects(year)).toBe(selects(withPeriod({ kind: 'ALL' })) + 1);
    expect(year).not.toContain('ev-filter-from-year');
    expect(year).not.toContain('ev-filter-to-year');
    expect(year).not.toContain('<option value="">Fra begyndelsen</option>');
  });

  it("shows the gateway's PERIOD_GRID error beside the period control", () => {
    const applied = {
      ...EMPTY_FILTER,
      period: { ...EMPTY_FILTER.period, kind: 'MONTH' as const, month: '2024-01' },
    };
    const html = render(
      'en',
      <DashboardFilters
        organizations={organizations}
        applied={applied}
        onApply={() => {}}
        serverErrors={[fieldError('from', 'PERIOD_GRID')]}
      />,
    );
    expect(textOf(html, 'ev-filter-period-errors')).toContain(
      'Choose the whole period, one month, one quarter or one calendar year.',
    );
    expect(html).toMatch(
      /<input id="ev-filter-month" [^>]*aria-invalid="true" aria-describedby="ev-filter-period-hint ev-filter-period-errors"/,
    );
    expect(html).toContain('ev-filter-group--invalid');
  });

  it("shows the gateway's ONE_OR_ALL and WHOLE_MONTH errors beside their controls, and today's usage", () => {
    const applied = {
      ...EMPTY_FILTER,
      gender: 'WOMAN' as const,
      period: { ...EMPTY_FILTER.period, kind: 'MONTH' as const, month: '2024-01' },
    };
    const html = render(
      'da',
      <DashboardFilters
        organizations={organizations}
        applied={applied}
        onApply={() => {}}
        serverErrors={[fieldError('genders', 'ONE_OR_ALL'), fieldError('from', 'WHOLE_MONTH')]}
        usage={{ used: 7, limit: 40 }}
      />,
    );
    expect(textOf(html, 'ev-filter-genders-errors')).toContain('Vælg én eller alle.');
    expect(textOf(html, 'ev-filter-period-errors')).toContain('Perioden skal bestå af hele måneder');
    expect(html).toMatch(
      /<select id="ev-filter-genders" aria-invalid="true" aria-describedby="ev-filter-genders-errors"/,
    );
    expect(textOf(html, 'ev-filter-roles-errors')).toBe('');
    expect(html).toContain('7 af 40 udsnit brugt i dag');
    expect(html).toContain('href="#disclosure-help"');
  });

  it('reads in English', () => {
    const html = render(
      'en',
      <DashboardFilters
        organizations={organizations}
        applied={EMPTY_FILTER}
        onApply={() => {}}
        usage={{ used: 40, limit: 40 }}
      />,
    );
    expect(html).toContain('40 of 40 selections used today');
    expect(html).toContain('ev-usage--full');
    expect(html).toContain('<option value="" selected="">All my organisations</option>');
    expect(html).toContain('<option value="YEAR">Year</option>');
    expect(html).toContain('All time, one month, one quarter or one calendar year');
    expect(html).toContain('Length of period');
  });
});

describe('FiguresProblem', () => {
  const limit = {
    code: 'EVALUATION_LIMIT',
    message: { da: 'Du har brugt dagens 40 udsnit.', en: "You have used today's 40 selections." },
    fields: [],
  };

  it("shows today's limit with the gateway's own message, not a generic error", () => {
    const da = render('da', <FiguresProblem problem={limit} />);
    expect(da).toContain('role="alert"');
    expect(da).toContain('<h2>Dagens grænse for udsnit er nået</h2>');
    expect(da).toContain('Du har brugt dagens 40 udsnit.');
    expect(da).not.toContain('Tallene kunne ikke hentes');
    const en = render('en', <FiguresProblem problem={limit} />);
    expect(en).toContain('You have used today&#x27;s 40 selections.');
  });

  it('takes the usage the limit error reports, and nothing from other errors', () => {
    const refused = new CombinedError({
      graphQLErrors: [
        {
          message: 'limit',
          extensions: { code: 'EVALUATION_LIMIT', limit: 40, usedToday: 40, message: limit.message },
        },
      ],
    });
    expect(usageOfLimitError(refused)).toEqual({ used: 40, limit: 40 });
    const other = new CombinedError({
      graphQLErrors: [{ message: 'x', extensions: { code: 'VALIDATION' } }],
    });
    expect(usageOfLimitError(other)).toBeNull();
    expect(usageOfLimitError(undefined)).toBeNull();
  });

  it('leaves filter errors to the fields and lists only the others', () => {
    const html = render(
      'da',
      <FiguresProblem
        problem={{
          code: 'VALIDATION',
          message: null,
          fields: [fieldError('roles', 'ONE_OR_ALL'), fieldError('dimension', 'REQUIRED')],
        }}
      />,
    );
    expect(html).toContain('ret filtrene, der er markeret ovenfor');
    expect(html).not.toContain('Vælg én eller alle');
    expect(html).toContain('data-code="REQUIRED"');
  });
});

describe('DisclosureHelp', () => {
  it("explains the method in the domain's words, with its parameters and the noise table from the gateway", () => {
    const data = {
      disclosure: {
        methodId: 'cellekey-2026-1',
        minCell: 5,
        usualCountNoise: 3,
        tailProbability: 0.01,
        magnitudeNoiseScale: 0.25,
        countNoise: Array.from({ length: 13 }, (_, index) => index - 6).map((noise) => ({
          noise,
          probability: countNoiseProbability(noise),
        })),
        dailyLimit: 40,
      },
    } as unknown as FragmentOf<typeof DisclosureHelpFields>;
    const html = render('da', <DisclosureHelp data={data} />);
    expect(html).toContain('id="disclosure-help"');
    expect(html).toContain('<h2 id="disclosure-help-heading">Sådan beskyttes tallene</h2>');
    for (const paragraph of DISCLOSURE_EXPLANATION.paragraphs)
      expect(html).toContain(paragraph.da.slice(0, 40));
    expect(html).toContain('<dd>cellekey-2026-1</dd>');
    expect(html).toContain('<dt>Støj på et antal i 98\u00a0% af cellerne</dt><dd>højst ±3</dd>');
    expect(html).toContain('<dt>Sandsynlighed for mere end ±3</dt><dd>1\u00a0% i hver side</dd>');
    expect(html).toContain('<dd>40</dd>');
    expect(html).toContain('<th scope="row">\u22123</th><td>1\u00a0%</td>');
    expect(html).toContain('<th scope="row">\u22126</th><td>0,125\u00a0%</td>');
    expect(html).toContain('<th scope="row">+4</th><td>0,5\u00a0%</td>');
    expect(html).toContain('Længere ude end ±6 fortsætter støjen');
    expect(html).toContain('<th scope="row">0</th><td>44\u00a0%</td>');
    expect(html).toContain('<th scope="row">+1</th><td>20\u00a0%</td>');
    const en = render('en', <DisclosureHelp data={null} />);
    expect(en).toContain('How the figures are protected');
    expect(en).toContain('25% of the scale&#x27;s range ÷ n');
    // Without the gateway's answer: the domain's own parameters, the same table −6 to +6.
    expect(en).toContain('<dt>Noise on a count in 98% of cells</dt><dd>at most ±3</dd>');
    expect(en).toContain('<th scope="row">+6</th><td>0.125%</td>');
    expect(en).toContain('Beyond ±6 the noise continues');
  });

  it('signs the noise with a real minus sign', () => {
    expect([-2, 0, 2].map((noise) => signedNoise(noise, 'da'))).toEqual(['\u22122', '0', '+2']);
  });
});
