import {
  DEFAULT_OUTREACH_INPUTS,
  groupCourseCosts,
  KOEGE_EXAMPLE_INPUTS,
  outreachCosts,
  VIVE_ASSUMED_COMPLETERS,
} from '@vi/domain';
import type { CostFigureValue } from './cost-figures.ts';

/**
 * Cost figures in the gateway's shape for the unit tests, made from the domain's own results (Køge's
 * VIVE's group-course evaluation example divided by the report's assumed completers, and outreach at the the Projekt Opsøgende Indsats evaluation figures
 * with 40 counted referrals a year) rather than typed in.
 * Organisation ids are the short names the tests map to display names.
 */
const shown = { value: 0, suppressed: false };
const line = (l: { id: string; label: { da: string; en: string }; amount: number; hours?: number }) => ({
  id: l.id,
  labelDa: l.label.da,
  labelEn: l.label.en,
  amount: l.amount,
  hours: l.hours ?? null,
});

/** What the gateway sends for Køge's seeded inputs: the domain's own result in the API's shape. */
export function koegeFigure(completersHidden = false): CostFigureValue {
  const r = groupCourseCosts(KOEGE_EXAMPLE_INPUTS, VIVE_ASSUMED_COMPLETERS);
  const completers = r.perCompleter?.completers ?? 0;
  return {
    organizationId: 'koege',
    model: 'GROUP_COURSE',
    year: 2025,
    ruleSetId: r.ruleSetId,
    startUp: { total: r.startUp.total, lines: r.startUp.lines.map(line) },
    yearly: { total: r.yearly.total, hours: r.yearly.hours, lines: r.yearly.lines.map(line) },
    firstYear: r.firstYear,
    perCourse: r.perCourse ? { amount: r.perCourse.amount, courses: r.perCourse.courses } : null,
    perCompleter: {
      amount: completersHidden ? null : (r.perCompleter?.amount ?? null),
      completers: completersHidden ? { value: null, suppressed: true } : { ...shown, value: completers },
      noteDa: r.perCompleter?.note.da ?? '',
      noteEn: r.perCompleter?.note.en ?? '',
    },
    perReferral: null,
    shelterComparison: {
      shelterStay: r.shelterComparison.shelterStay,
      priceYear: r.shelterComparison.priceYear,
      ratio: completersHidden ? null : r.shelterComparison.ratio,
    },
  };
}

export function outreachFigure(): CostFigureValue {
  const r = outreachCosts(DEFAULT_OUTREACH_INPUTS, 40);
  return {
    organizationId: 'ngo',
    model: 'OUTREACH',
    year: 2025,
    ruleSetId: r.ruleSetId,
    startUp: { total: r.startUp.total, lines: r.startUp.lines.map(line) },
    yearly: { total: r.yearly.total, hours: r.yearly.hours, lines: r.yearly.lines.map(line) },
    firstYear: r.firstYear,
    perCourse: null,
    perCompleter: null,
    perReferral: { amount: r.perReferral?.amount ?? null, referrals: { ...shown, value: 40 } },
    shelterComparison: null,
  };
}
