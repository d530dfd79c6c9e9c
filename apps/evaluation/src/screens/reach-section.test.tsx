import { TARGET_GROUPS } from '@vi/domain';
import { catalogueProblems, LocaleProvider } from '@vi/ui';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FragmentOf } from '../graphql.ts';
import { DashboardContext } from './dashboard-context.tsx';
import { reachMessages } from './reach-messages.ts';
import { ReachSection, type ReachSectionFields, reachModels } from './reach-section.tsx';

// The "who we reach" section rendered from an answer shaped as the gateway sends it: outreach and
// the group course, a group with published counts and a rate, a small group shown as "under 5".
const n = (value: number | null) => ({ value, suppressed: value === null });
const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: numerator / denominator,
  ci95Lower: numerator / denominator - 0.05,
  ci95Upper: numerator / denominator + 0.05,
});
const groups = ['ALL', ...TARGET_GROUPS.map((g) => g.code)].map((group) =>
  group === 'SAME_SEX'
    ? { group, reached: n(null), accepted: n(null), acceptance: null }
    : { group, reached: n(120), accepted: n(30), acceptance: rate(30, 120) },
);
const answer = {
  reach: {
    models: [
      { model: 'OUTREACH', phase: 'DETECTION', groups, ignoredFilters: [] },
      { model: 'GROUP_COURSE', phase: 'SUPPORT', groups, ignoredFilters: ['INCIDENT_TYPES'] },
    ],
  },
} as unknown as FragmentOf<typeof ReachSectionFields>;

function render(locale: 'da' | 'en') {
  return renderToStaticMarkup(
    <LocaleProvider initialLocale={locale}>
      <DashboardContext.Provider value={{ organizationNames: new Map() }}>
        <ReachSection data={answer} />
      </DashboardContext.Provider>
    </LocaleProvider>,
  );
}

describe('who we reach', () => {
  it('is complete in Danish and English with matching placeholders', () => {
    expect(catalogueProblems(reachMessages)).toEqual([]);
  });

  it('heads each model with its phase of the national frame and names every target group with its basis', () => {
    const html = render('da');
    expect(html).toContain('Hvem når vi');
    expect(html).toContain('Forebyggelse og opsporing: Opsøgende indsats');
    expect(html).toContain('Behandling, støtte og omsorg: Ambulant gruppeforløb');
    for (const group of TARGET_GROUPS) {
      expect(html).toContain(group.label.da);
      expect(html).toContain(group.basis.da);
    }
    expect(html).toContain('Alle nåede');
    expect(html).toContain('under 5');
    expect(html).toMatch(/<td>25.%<\/td>/);
  });

  it('reads in English', () => {
    const html = render('en');
    expect(html).toContain('Who we reach');
    expect(html).toContain('Prevention and detection: Outreach');
    expect(html).toContain('Stalking victims');
  });

  it('asks only for the models the choice covers, none for the aftercare models', () => {
    expect(reachModels('ALL')).toEqual(['OUTREACH', 'GROUP_COURSE']);
    expect(reachModels('GROUP_COURSE')).toEqual(['GROUP_COURSE']);
    expect(reachModels('SHELTER_AFTERCARE')).toEqual([]);
    expect(reachModels('HATE_CRIME_AFTERCARE')).toEqual([]);
  });
});
