import { entryOf, type Taxonomy } from '@vi/domain';
import type { Locale } from '@vi/ui';
import type { CountBar, RateBar } from './charts.tsx';
import {
  type Cell,
  type CellMarks,
  countCell,
  displayCell,
  formatNumber,
  numberCell,
} from './table-model.ts';
import type { Count, RateValue } from './value-fragments.ts';

/**
 * Turns the gateway's values into table cells and chart bars, the same way everywhere: a rate the
 * gateway withheld (null object) is a hidden cell, a rate with a zero denominator is "not available".
 */

/**
 * Whether a rate the gateway sent as null was withheld (hidden) or simply has nobody to count: with
 * its denominator published as 0 (0/0), there is nothing to hide and it reads "–", not "skjult".
 */
function withheld(rate: RateValue | null | undefined, denominator?: Count | null): boolean {
  if (rate) return false;
  return !(denominator && !denominator.suppressed && denominator.value === 0);
}

/** Share, lower and upper end of the 95 % interval, as three cells; pass the denominator where known. */
export function rateCells(
  rate: RateValue | null | undefined,
  denominator?: Count | null,
): [Cell, Cell, Cell] {
  const hidden = withheld(rate, denominator);
  return [
    numberCell(rate?.rate, 'percent', hidden),
    numberCell(rate?.ci95Lower, 'percent', hidden),
    numberCell(rate?.ci95Upper, 'percent', hidden),
  ];
}

export function rateBar(
  label: string,
  rate: RateValue | null | undefined,
  locale: Locale,
  marks: CellMarks,
  denominator?: Count | null,
): RateBar {
  const share = rate?.rate;
  if (share === null || share === undefined) {
    return {
      label,
      percent: null,
      interval: null,
      valueText: displayCell(numberCell(share, 'percent', withheld(rate, denominator)), locale, marks),
    };
  }
  const lower = rate?.ci95Lower ?? share;
  const upper = rate?.ci95Upper ?? share;
  return {
    label,
    percent: share * 100,
    interval: [(share - lower) * 100, (upper - share) * 100],
    // Every figure carries its n: the share's denominator.
    valueText: `${formatNumber(share, 'percent', locale)} (n = ${formatNumber(rate?.denominator ?? 0, 'integer', locale)})`,
  };
}

export function countBar(
  label: string,
  count: Count | null | undefined,
  locale: Locale,
  marks: CellMarks,
): CountBar {
  const cell = countCell(count);
  return {
    label,
    value: count && !count.suppressed ? count.value : null,
    valueText: displayCell(cell, locale, marks),
  };
}

/** "label: value" pairs joined into the sentence that a chart's text alternative reads out. */
export function barsSummary(
  intro: string,
  bars: ReadonlyArray<{ label: string; valueText: string }>,
): string {
  return `${intro}: ${bars.map((bar) => `${bar.label} ${bar.valueText}`).join('; ')}.`;
}

/** The catalogue's wording for the groups the gateway adds to a domain list. */
export type AddedGroupLabels = { notRecorded: string; otherOrUnknown: string };

/**
 * The label of a domain code; codes the gateway adds get the catalogue's wording: "not registered"
 * (UNKNOWN, NOT_RECORDED) and OTHER_OR_UNKNOWN (gender "other" merged with "not recorded" before
 * the disclosure method, so a tiny group does not hide its neighbours). An unexpected code is shown as
 * it is rather than hiding a figure.
 */
export function codeLabel(list: Taxonomy, code: string, locale: Locale, added: AddedGroupLabels): string {
  if (code === 'UNKNOWN' || code === 'NOT_RECORDED') return added.notRecorded;
  if (code === 'OTHER_OR_UNKNOWN') return added.otherOrUnknown;
  return entryOf(list, code)?.label[locale] ?? code;
}
