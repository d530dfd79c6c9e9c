import { LocaleProvider } from '@vi/ui';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FragmentOf } from '../graphql.ts';
import { DashboardContext } from './dashboard-context.tsx';
import { HateCrimeSection, type HateCrimeSectionFields } from './hate-crime-section.tsx';
import { ShelterSection, type ShelterSectionFields } from './shelter-section.tsx';

// The two aftercare sections rendered from answers shaped as the gateway sends them: a shelter
// with move-outs, a small one whose counts are "under 5", the baseline and goal beside the rates.
const n = (value: number | null) => ({ value, suppressed: value === null });
const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  rate: numerator / denominator,
  ci95Lower: numerator / denominator - 0.05,
  ci95Upper: numerator / denominator + 0.05,
});
const names = new Map([
  ['a', 'Krisecenter A'],
  ['b', 'Krisecenter B'],
  ['legal', 'Rådgivning NGO'],
]);
const table = (rows: string[], columns: string[]) => ({
  columns,
  rows: rows.map((key) => ({ key, cells: columns.map(() => n(6)), total: n(12) })),
  columnTotals: columns.map(() => n(20)),
  grandTotal: n(40),
});

const shelter = {
  shelterCounselling: {
    total: { organizationId: null, moveOuts: n(40), allCovered: n(30), share: rate(30, 40) },
    byOrganization: [
      { organizationId: 'a', moveOuts: n(36), allCovered: n(28), share: rate(28, 36) },
      { organizationId: 'b', moveOuts: n(null), allCovered: n(null), share: null },
    ],
    areas: table(['HOUSING', 'FINANCES', 'WORK', 'SCHOOL', 'DAY_CARE', 'HEALTH'], ['COVERED', 'NOT_COVERED']),
    ignoredFilters: ['GENDERS'],
  },
  shelterPsychologistHours: {
    total: ['WOMAN', 'CHILD'].map((role) => ({
      organizationId: null,
      role,
      persons: n(30),
      usedAny: n(20),
      usedShare: rate(20, 30),
      meanHoursUsed: 5.5,
      meanHoursBooked: 9.25,
    })),
    byOrganization: [],
    ignoredFilters: [],
  },
  shelterCivilSociety: {
    offers: ['QNET', 'FRA_BOLIG_TIL_HJEM', 'OTHER', 'ANY'].map((offer) => ({
      organizationId: null,
      offer,
      offered: n(20),
      referred: n(12),
      started: n(6),
      referredRate: rate(12, 20),
      uptake: null,
    })),
    byOrganization: [],
    moveOuts: n(40),
    referredShareOfMoveOuts: rate(12, 40),
    ignoredFilters: [],
  },
  repeatStays: {
    cutoff: '2026-11-30',
    baselineShare: 0.25,
    goalShare: 0.175,
    total: [12, 24].flatMap((months) =>
      ['ALL', 'WITH_AFTERCARE', 'WITHOUT_AFTERCARE'].map((group) => ({
        organizationId: null,
        months,
        group,
        followed: n(40),
        repeat: n(8),
        censored: n(0),
        rate: rate(8, 40),
        comparedWithBaseline: 'NOT_DIFFERENT',
        comparedWithGoal: null,
      })),
    ),
    byOrganization: [],
    admissions: { admissions: n(50), repeat: n(12), share: rate(12, 50) },
    ignoredFilters: [],
  },
};

const hateCrime = {
  hateCrimeUptake: {
    total: ['LEGAL_FINANCIAL', 'PSYCHOLOGICAL'].map((track) => ({
      organizationId: null,
      track,
      referred: n(30),
      started: n(20),
      uptake: rate(20, 30),
      contacted: n(22),
      meanDays: 9.4,
      medianDays: 7,
      p90Days: 21.5,
    })),
    byOrganization: [],
    ignoredFilters: [],
  },
  hateCrimeLegalTasks: {
    table: table(
      ['COMPENSATION_CLAIM', 'LOST_EARNINGS', 'REPORT_AND_CRIMINAL_CASE', 'AUTHORITY_CONTACT'],
      ['GRANTED', 'REFUSED', 'HELP_GIVEN', 'HANDED_ON', 'STOPPED_BY_PERSON', 'NO_CONTACT'],
    ),
    ignoredFilters: [],
  },
  hateCrimeSessions: {
    total: {
      organizationId: null,
      individual: n(null),
      usedSessions: n(null),
      meanSessions: null,
      medianSessions: null,
      groupPlace: n(0),
    },
    byOrganization: [],
    ignoredFilters: [],
  },
};

function render(locale: 'da' | 'en', section: 'shelter' | 'hateCrime') {
  return renderToStaticMarkup(
    <LocaleProvider initialLocale={locale}>
      <DashboardContext.Provider value={{ organizationNames: names }}>
        {section === 'shelter' ? (
          <ShelterSection data={shelter as unknown as FragmentOf<typeof ShelterSectionFields>} />
        ) : (
          <HateCrimeSection data={hateCrime as unknown as FragmentOf<typeof HateCrimeSectionFields>} />
        )}
      </DashboardContext.Provider>
    </LocaleProvider>,
  );
}

describe('ShelterSection', () => {
  it('shows the four figures with the baseline and the national goal (Danish)', () => {
    const html = render('da', 'shelter');
    expect(html).toContain('§ 109-rådgivning dækket før fraflytning');
    expect(html).toContain('Krisecenter A');
    expect(html).toContain('Udgangspunkt 25\u00a0%; nationalt mål 17,5\u00a0%');
    expect(html).toContain('12 mdr., med efterværn');
    expect(html).toContain('pr. 30.11.2026');
    expect(html).toContain('under 5');
    expect(html).toContain('Filteret for køn gælder ikke for denne figur');
  });

  it('reads in English', () => {
    const html = render('en', 'shelter');
    expect(html).toContain('Repeat stays within 12 and 24 months');
    expect(html).toContain('Baseline 25%; national goal 17.5%');
    expect(html).toContain('24 months, without aftercare');
  });
});

describe('HateCrimeSection', () => {
  it('shows uptake and wait per track, tasks by outcome and sessions, hiding what rests on under 5', () => {
    const html = render('da', 'hateCrime');
    expect(html).toContain('Juridisk/økonomisk rådgivning');
    expect(html).toContain('Bevilget helt eller delvist');
    expect(html).toContain('Psykologiske samtaler brugt');
    expect(html).toContain('skjult');
    expect(html).not.toMatch(/motiv[^e]/i);
  });
});
