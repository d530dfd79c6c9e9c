import type { CostSource } from '../costs.ts';
import type { Label } from '../labels.ts';
import { danishCalendarDate, daysBetween, isCalendarDate } from '../outreach/calendar-date.ts';
import { type Rate, rateOf } from '../outreach/funnel.ts';
import { NATIONAL_ACTION_PLAN_2014, SHELTER_AFTERCARE_PAPER } from './shelter-taxonomies.ts';
import { addCalendarMonths, type ShelterStay, stayEpisodes, TRANSFER_MAX_GAP_DAYS } from './stays.ts';

/**
 * The outcome aftercare exists to reduce: a repeat stay (genganger), registered when a
 * woman is admitted again to any shelter of the system after she moved out.
 */

/**
 * The baseline: "1 ud af 4 kvinder, der bor på krisecenter, er genganger". Note what it
 * measures: the share of women *in* a shelter who have stayed in one before, at any time.
 * That is not the rate within 12 or 24 months of a move-out computed below (a cohort
 * followed forward), so the two are shown side by side, not as one series.
 */
export const REPEAT_STAY_BASELINE = {
  share: 0.25,
  label: {
    da: 'Udgangspunkt: 1 ud af 4 kvinder på krisecenter er genganger',
    en: 'Baseline: 1 in 4 women in a shelter has stayed in one before',
  } as Label,
  source: {
    document: SHELTER_AFTERCARE_PAPER,
    reference: '"1 ud af 4 kvinder, der bor på krisecenter, er genganger" (note 2)',
  } as CostSource,
} as const;

/**
 * The 2014 action plan's social 2020 goal: the share of women in shelters who need more
 * than one stay reduced by at least 30 %. Applied to the paper's 1 in 4 that is 17.5 %. The
 * goal year has passed; it stays the national yardstick until a newer plan sets another.
 */
export const NATIONAL_REPEAT_STAY_GOAL = {
  reduction: 0.3,
  share: 0.175,
  year: 2020,
  label: {
    da: 'Nationalt mål: mindst 30 % færre gengangere (17,5 %)',
    en: 'National goal: at least 30 % fewer repeat stays (17.5 %)',
  } as Label,
  source: {
    document: NATIONAL_ACTION_PLAN_2014,
    reference:
      '"andelen af kvinder på kvindekrisecentre, der har behov for mere end ét ophold, i 2020 skal være reduceret med mindst 30 pct."',
  } as CostSource,
} as const;

/** The follow-up windows the evaluation reports. */
export const REPEAT_STAY_WINDOWS_MONTHS = [12, 24] as const;

/**
 * What counts as aftercare received after a move-out, for the evaluation's split: she used
 * psychologist hours, took up a civil-society offer, or had a start-up need met (the paper's
 * aftercare is network, psychosocial and practical support and counselling). The § 109
 * counselling is owed to every woman before move-out, so it does not split the groups.
 */
export function aftercareReceived(facts: {
  psychologistHoursUsed: number;
  civilSocietyTakenUp: boolean;
  startUpNeedsMet: number;
}): boolean {
  return facts.psychologistHoursUsed > 0 || facts.civilSocietyTakenUp || facts.startUpNeedsMet > 0;
}

/** A stay with what the evaluation splits by: whether aftercare followed this move-out. */
export type RepeatStayInput = ShelterStay & { aftercareReceived: boolean };

export type RepeatStayGroup = 'ALL' | 'WITH_AFTERCARE' | 'WITHOUT_AFTERCARE';

export type RepeatStayRate = {
  months: number;
  /** Move-outs followed for the whole window, and those with a repeat stay in it (Wilson 95 %). */
  all: Rate;
  withAftercare: Rate;
  withoutAftercare: Rate;
  /** Move-outs left out because the cut-off came before the window ended. */
  censored: number;
};

export type RepeatStayReport = {
  /** The Danish calendar date the figures are taken at. */
  cutoff: string;
  windows: RepeatStayRate[];
  baseline: typeof REPEAT_STAY_BASELINE;
  goal: typeof NATIONAL_REPEAT_STAY_GOAL;
};

/** The cut-off as a Danish calendar date: an instant is read on the Danish clock. */
function cutoffDate(cutoff: Date | string): string {
  if (typeof cutoff === 'string') {
    if (!isCalendarDate(cutoff)) throw new RangeError(`Not a calendar date: ${cutoff}`);
    return cutoff;
  }
  return danishCalendarDate(cutoff);
}

/**
 * Repeat-stay rates within 12 and 24 months of move-out, counted per move-out (a woman who
 * moved out twice counts twice), from the stays of the whole system:
 * - stays joined by a transfer (TRANSFER_MAX_GAP_DAYS) are one stay, so the move-out is the
 *   last one and a transfer is no repeat;
 * - the denominator of a window holds the move-outs whose window has ended by the cut-off
 *   (move-out + months ≤ cut-off): a move-out less than 12 (24) months before the cut-off
 *   could still be followed by a repeat stay, so it is not in that window's denominator;
 * - the numerator holds those with the next admission of the same woman to any shelter on
 *   or before move-out + months;
 * - a move-out counts as followed by aftercare when any stay in its episode says so.
 */
export function repeatStayRates(
  stays: readonly RepeatStayInput[],
  cutoff: Date | string,
  windowsMonths: readonly number[] = REPEAT_STAY_WINDOWS_MONTHS,
): RepeatStayReport {
  const cut = cutoffDate(cutoff);
  const episodes = stayEpisodes(stays);
  const windows = windowsMonths.map((months) => {
    if (!Number.isInteger(months) || months <= 0) throw new RangeError('window months must be whole and > 0');
    const tally = {
      ALL: { n: 0, repeat: 0 },
      WITH_AFTERCARE: { n: 0, repeat: 0 },
      WITHOUT_AFTERCARE: { n: 0, repeat: 0 },
    };
    let censored = 0;
    episodes.forEach((episode, i) => {
      const movedOut = episode.movedOutOn;
      if (movedOut === null || daysBetween(movedOut, cut) < 0) return;
      const end = addCalendarMonths(movedOut, months);
      if (daysBetween(end, cut) < 0) {
        censored += 1;
        return;
      }
      const next = episodes[i + 1];
      const repeat =
        next !== undefined && next.personId === episode.personId && daysBetween(next.admittedOn, end) >= 0;
      const group = episode.stays.some((s) => s.aftercareReceived) ? 'WITH_AFTERCARE' : 'WITHOUT_AFTERCARE';
      for (const key of ['ALL', group] as const) {
        tally[key].n += 1;
        if (repeat) tally[key].repeat += 1;
      }
    });
    return {
      months,
      all: rateOf(tally.ALL.repeat, tally.ALL.n),
      withAftercare: rateOf(tally.WITH_AFTERCARE.repeat, tally.WITH_AFTERCARE.n),
      withoutAftercare: rateOf(tally.WITHOUT_AFTERCARE.repeat, tally.WITHOUT_AFTERCARE.n),
      censored,
    };
  });
  return { cutoff: cut, windows, baseline: REPEAT_STAY_BASELINE, goal: NATIONAL_REPEAT_STAY_GOAL };
}

export type RepeatStay = {
  personId: string;
  /** The move-out she came back after (the last of a chain of transfers). */
  movedOutOn: string;
  /** The admission that made it a repeat stay. */
  readmittedOn: string;
  daysToReadmission: number;
  /** The stay she came back to (its first stay, when it was a chain of transfers). */
  stayId: string;
  /** True when she came back to another shelter than the one she last moved out of. */
  otherShelter: boolean;
};

/** Every repeat stay in the stays of the system, by person and date. */
export function findRepeatStays(stays: readonly ShelterStay[]): RepeatStay[] {
  const episodes = stayEpisodes(stays);
  const found: RepeatStay[] = [];
  episodes.forEach((episode, i) => {
    const previous = episodes[i - 1];
    if (!previous || previous.personId !== episode.personId || previous.movedOutOn === null) return;
    const left = previous.stays[previous.stays.length - 1] as ShelterStay;
    const back = episode.stays[0] as ShelterStay;
    found.push({
      personId: episode.personId,
      movedOutOn: previous.movedOutOn,
      readmittedOn: episode.admittedOn,
      daysToReadmission: daysBetween(previous.movedOutOn, episode.admittedOn),
      stayId: back.id,
      otherShelter: left.shelterOrganizationId !== back.shelterOrganizationId,
    });
  });
  return found;
}

/**
 * Whether an admission is a repeat stay (the flag set when she is admitted): she moved out
 * of a shelter of the system before, and not just the day before (that is a transfer). This
 * is the baseline's own measure, but the system only knows the stays it recorded, so in its
 * first years it undercounts women whose earlier stay came before it.
 */
export function isRepeatAdmission(
  earlierStaysOfPerson: readonly Pick<ShelterStay, 'movedOutOn'>[],
  admittedOn: string,
): boolean {
  return earlierStaysOfPerson.some(
    (s) => s.movedOutOn !== null && daysBetween(s.movedOutOn, admittedOn) > TRANSFER_MAX_GAP_DAYS,
  );
}

/**
 * Share of admissions from `from` to `to` (inclusive) that were repeat stays: comparable in
 * kind with the baseline's 1 in 4 (see isRepeatAdmission for its limit).
 */
export function repeatAdmissionShare(stays: readonly ShelterStay[], from: string, to: string): Rate {
  const episodes = stayEpisodes(stays);
  let n = 0;
  let repeat = 0;
  episodes.forEach((episode, i) => {
    if (daysBetween(from, episode.admittedOn) < 0 || daysBetween(episode.admittedOn, to) < 0) return;
    n += 1;
    const previous = episodes[i - 1];
    if (previous !== undefined && previous.personId === episode.personId) repeat += 1;
  });
  return rateOf(repeat, n);
}
