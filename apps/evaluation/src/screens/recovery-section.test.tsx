import { LocaleProvider } from '@vi/ui';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FragmentOf } from '../graphql.ts';
import { DashboardContext } from './dashboard-context.tsx';
import { RecoverySection, type RecoverySectionFields } from './recovery-section.tsx';

// The recovery section rendered from an answer shaped as the gateway sends it: the validated
// figures, and apart from them the forms in languages without a validated translation (issue 14).
const n = (value: number | null) => ({ value, suppressed: value === null });
const score = (count: number | null, mean: number | null) => ({
  n: n(count),
  mean,
  sd: mean === null ? null : 12,
});
const row = (organizationId: string | null) => ({
  organizationId,
  baseline: score(40, 41.5),
  end: score(38, 55.25),
  unpaired: null,
  paired: {
    n: n(30),
    meanBefore: 42,
    meanAfter: 56,
    sdDifference: 10,
    test: null,
    clinicallyRelevantImprovement: null,
    crossedCutoff: null,
  },
});
const UNVALIDATED = ['ar', 'tr', 'so', 'ur', 'fa', 'pl', 'uk'];
const measure = (name: 'INSPIRE_O' | 'INSPIRE') => ({
  measure: name,
  total: row(null),
  byOrganization: [row('a')],
  validatedLanguages: ['da', 'en'],
  unvalidated: UNVALIDATED.map((language) => ({
    language,
    baseline: language === 'ar' ? score(12, 37.75) : language === 'so' ? score(null, null) : score(0, null),
    end: language === 'ar' ? score(9, 48.5) : score(0, null),
  })),
});
const data = {
  recovery: { measures: [measure('INSPIRE_O'), measure('INSPIRE')], ignoredFilters: [] },
  courseItems: { items: [], ignoredFilters: [] },
};

function render(locale: 'da' | 'en') {
  return renderToStaticMarkup(
    <LocaleProvider initialLocale={locale}>
      <DashboardContext.Provider value={{ organizationNames: new Map([['a', 'Forening A']]) }}>
        <RecoverySection data={data as unknown as FragmentOf<typeof RecoverySectionFields>} />
      </DashboardContext.Provider>
    </LocaleProvider>,
  );
}

/** The text of the table with this id, tags stripped. */
function tableText(html: string, id: string): string {
  const start = html.indexOf(`id="${id}`);
  expect(start, `table ${id}`).toBeGreaterThan(-1);
  const end = html.indexOf('</table>', start);
  return html.slice(start, end).replace(/<[^>]+>/g, ' ');
}

describe('RecoverySection: answers in languages without a validated translation', () => {
  it('shows them apart, per language, with why and which languages are validated (Danish)', () => {
    const html = render('da');
    expect(html).toContain('Svar på sprog uden valideret oversættelse');
    expect(html).toContain('der findes ingen offentliggjort, valideret oversættelse');
    expect(html).toContain('Brief INSPIRE-O (personlig recovery): Dansk, Engelsk');
    const apart = tableText(html, 'recovery-unvalidated');
    for (const language of ['Arabisk', 'Tyrkisk', 'Somali', 'Urdu', 'Polsk', 'Ukrainsk'])
      expect(apart).toContain(language);
    expect(apart).toContain('37,8');
    expect(apart).toContain('under 5');
    // The main table holds the validated figures only: the Arabic mean is not in it.
    expect(tableText(html, 'recovery-inspire-o-unpaired')).not.toContain('37,8');
  });

  it('says the same in English', () => {
    const html = render('en');
    expect(html).toContain('Answers in languages without a validated translation');
    expect(html).toContain('no published, validated translation');
    expect(html).toContain('Brief INSPIRE (support from the group leaders): Danish, English');
    expect(tableText(html, 'recovery-unvalidated')).toContain('Arabic');
  });
});
