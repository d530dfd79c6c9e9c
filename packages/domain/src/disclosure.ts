import type { Label } from './labels.ts';
import { type Rate, rateOf } from './outreach/funnel.ts';

/**
 * Statistical disclosure control for everything evaluators see (DOMAIN §8: aggregates on
 * small groups can point at a person — "two men in Køge's courses"). Every value an
 * evaluator can read passes through here, and the protection has to hold across *all*
 * the answers the API can give, not one answer at a time: two published answers
 * subtracted (differencing), many noisy answers that share a group averaged (averaging),
 * and inference inside one table from whole, non-negative counts and known zeros.
 *
 * Method: cell-key perturbation, as the Australian Bureau of Statistics' TableBuilder
 * (Fraser and Wooton 2005; Thompson, Broadfoot and Elazar 2013) and the UK 2021 census's
 * flexible tables use it, with two changes for a small, hostile query space:
 *
 * 1. Every person carries a fixed random record key in [0, RECORD_KEY_RANGE), drawn when the
 *    person is first written and never shown, and every counted record of that person (an
 *    outreach case, an intake registration, a waiting-list entry, an enrolment, the forms
 *    under the enrolment's participant code) carries a copy (a database trigger sets it). A
 *    cell's key is the sum of its records' keys modulo CELL_KEY_RANGE, so the same people
 *    always have the same cell key, whichever filter, figure, record or evaluator produced it.
 * 2. The noise of a cell is drawn from the published distribution COUNT_NOISE by a keyed
 *    hash (HMAC) of (count, cell key) under a secret key of the installation, instead of
 *    looking the cell key up in a table directly. The distribution is public (Kerckhoffs);
 *    the key is not, so an evaluator cannot reason from the additive structure of cell
 *    keys either (a margin's key is the sum of its cells' keys).
 *
 * What is published:
 * - a count of nobody is 0; a count c ≥ 1 becomes v = max(0, c + d), d from COUNT_NOISE
 *   (within ±USUAL_COUNT_NOISE in 98 % of cells, rarely more: geometric tails, mean 0);
 * - v = 0 is shown as 0, v from 1 to 4 as "under 5" (no value), v ≥ 5 as v. The display
 *   depends on v only: nothing tells *why* a count is "under 5", and a shown 0 can hold
 *   people, so zeros are not known zeros either;
 * - margins (totals) are cells of their own: the sum of their own people, perturbed by
 *   their own key. They equal the sum of the shown cells only up to the noise, and the
 *   evaluation app says so under every table;
 * - rates, intervals and shares are computed from the published counts only, and shown
 *   only where numerator, denominator and complement are all published as 5 or more;
 * - means, standard deviations and percentiles (magnitudes) get Laplace noise of scale
 *   MAGNITUDE_NOISE_SCALE × (the measure's range) / (published n), drawn the same way from
 *   (statistic, count, cell key), so the sum a difference of two means would give about
 *   one person carries noise of about a quarter of the measure's range, however the two
 *   groups were chosen. They are shown only where the published n is 5 or more; t-tests
 *   are computed from the published n, means and standard deviations.
 *
 * What it guarantees, and what it does not:
 * - The same people always get the same published value (consistency): asking again, or
 *   another evaluator asking, gives nothing new.
 * - No combination of published answers determines a count of 1 or more: the noise has no
 *   bound, so every such count stays possible behind every shown value. Combining many
 *   differently composed answers that contain the same group (the averaging attack of
 *   Asghar and Kaafar, 2019) still narrows it *in probability*, which is why the gateway
 *   also restricts what can be asked (everything, a month, a quarter or a year; one organisation
 *   or all granted; one category or all per dimension), how many distinct questions one
 *   evaluator can ask per day, and audits every question.
 * - It is not differential privacy: a determined evaluator with many days of questions
 *   learns more than one with one day. The audit trail is there to see that happen.
 */
export const DISCLOSURE_METHOD_ID = 'cellekey-2026-1';

/** Counts of 1-4 people are never shown as such (the display rule's threshold). */
export const MIN_CELL = 5;

/** Record keys (one per person) are whole numbers in [0, RECORD_KEY_RANGE): they fit PostgreSQL's int4. */
export const RECORD_KEY_RANGE = 2 ** 31;
/** A cell key is the sum of its records' keys modulo this. */
export const CELL_KEY_RANGE = 2 ** 32;

/**
 * The perturbation table, the same for every count of one or more people: the noise d and
 * its probability for |d| ≤ USUAL_COUNT_NOISE (98 % of cells), symmetric with mean 0.
 * Beyond it the noise has geometric tails (COUNT_NOISE_TAIL): rare, but without an end. A
 * bounded noise lets an evaluator pin a small count by combining answers (a total at the
 * bottom of its range with parts at the top of theirs, or many differences of the same
 * group); with tails every true count of 1 or more stays possible behind every shown value,
 * so no combination of answers determines one.
 */
export const COUNT_NOISE: ReadonlyArray<{ noise: number; probability: number }> = [
  { noise: -3, probability: 0.01 },
  { noise: -2, probability: 0.06 },
  { noise: -1, probability: 0.2 },
  { noise: 0, probability: 0.44 },
  { noise: 1, probability: 0.2 },
  { noise: 2, probability: 0.06 },
  { noise: 3, probability: 0.01 },
];
/** The noise stays within ±USUAL_COUNT_NOISE in 98 % of cells. */
export const USUAL_COUNT_NOISE = 3;
/**
 * Each tail beyond ±USUAL_COUNT_NOISE: total probability `probability`, and each further step
 * `ratio` times as likely as the one before (P(d = ±(3 + k)) = probability × (1 − ratio) × ratio^(k−1)).
 */
export const COUNT_NOISE_TAIL = { probability: 0.01, ratio: 0.5 } as const;

/** The probability of noise d under the whole distribution (table and tails). */
export function countNoiseProbability(noise: number): number {
  const row = COUNT_NOISE.find((entry) => entry.noise === noise);
  if (row) return row.probability;
  const k = Math.abs(noise) - USUAL_COUNT_NOISE;
  if (!Number.isInteger(noise) || k < 1) return 0;
  return COUNT_NOISE_TAIL.probability * (1 - COUNT_NOISE_TAIL.ratio) * COUNT_NOISE_TAIL.ratio ** (k - 1);
}

/**
 * Laplace scale of a magnitude's noise as a share of the measure's range, before it is
 * divided by the published n (a mean of n values moves by at most range / n when one
 * person's value changes).
 */
export const MAGNITUDE_NOISE_SCALE = 0.25;

/**
 * A keyed pseudo-random number in (0, 1) for a message: the same message always gives the
 * same number, and without the key nobody can compute it. The gateway makes it from an
 * HMAC-SHA256 under the installation's secret (this package does no I/O and no crypto).
 */
export type KeyedUniform = (message: string) => number;

/** What SQL returns for one cell: how many records, and the sum of their record keys. */
export type CountCell = { count: number; keySum: number | bigint | string };

/** A count of people as an evaluator sees it: `value` null means "under 5". */
export type DisclosedCount = { value: number | null; suppressed: boolean };

function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${what} must be a whole number >= 0, got ${value}`);
}

/** The cell key: the records' key sum modulo CELL_KEY_RANGE (SQL's sum of int4 is a bigint). */
export function cellKey(keySum: number | bigint | string): number {
  const sum = typeof keySum === 'bigint' ? keySum : BigInt(keySum);
  if (sum < 0n) throw new RangeError('a key sum cannot be negative');
  return Number(sum % BigInt(CELL_KEY_RANGE));
}

/** The noise for a uniform number u in [0, 1): the inverse of the distribution function. */
export function countNoise(u: number): number {
  const tail = COUNT_NOISE_TAIL.probability;
  // Steps beyond the table: k ≥ 1 with P(k) = (1 − ratio) × ratio^(k−1), from w uniform in [0, 1).
  const steps = (w: number) =>
    Math.max(1, Math.ceil(Math.log(1 - Math.min(w, 1 - Number.EPSILON)) / Math.log(COUNT_NOISE_TAIL.ratio)));
  if (u < tail) return -(USUAL_COUNT_NOISE + steps(u / tail));
  if (u >= 1 - tail) return USUAL_COUNT_NOISE + steps((u - (1 - tail)) / tail);
  let cumulative = tail;
  for (const { noise, probability } of COUNT_NOISE) {
    cumulative += probability;
    if (u < cumulative) return noise;
  }
  return USUAL_COUNT_NOISE;
}

/** The perturbed count v (before the display rule): 0 for nobody, else max(0, c + d). */
export function perturbedCount(cell: CountCell, uniform: KeyedUniform): number {
  assertCount(cell.count, 'count');
  if (cell.count === 0) return 0;
  const noise = countNoise(uniform(`count|${cell.count}|${cellKey(cell.keySum)}`));
  return Math.max(0, cell.count + noise);
}

/** The display rule on a perturbed count: 0 as 0, 1-4 as "under 5", the rest as they are. */
export function displayCount(perturbed: number): DisclosedCount {
  assertCount(perturbed, 'perturbed count');
  return perturbed > 0 && perturbed < MIN_CELL
    ? { value: null, suppressed: true }
    : { value: perturbed, suppressed: false };
}

/** A count of people, perturbed and displayed: what every evaluator-facing count goes through. */
export function discloseCount(cell: CountCell, uniform: KeyedUniform): DisclosedCount {
  return displayCount(perturbedCount(cell, uniform));
}

/**
 * Every true count that can be published as `shown`, as the interval [min, max] (max null =
 * no upper end). Public knowledge (the method is public), and what an attacker has: a count of
 * nobody is always 0, so anything else shown means at least one person; the tails leave every
 * larger count possible. The attack tests reason with exactly this.
 */
export function possibleTrueCounts(shown: DisclosedCount): { min: number; max: number | null } {
  return { min: shown.value === 0 ? 0 : 1, max: null };
}

/**
 * The true counts behind a shown value when the noise stayed within ±USUAL_COUNT_NOISE, as it
 * does in 98 % of cells: what the evaluation app offers a reader as "probably between".
 */
export function usualTrueCounts(shown: DisclosedCount): { min: number; max: number } {
  if (shown.value === null) return { min: 1, max: MIN_CELL - 1 + USUAL_COUNT_NOISE };
  if (shown.value === 0) return { min: 0, max: USUAL_COUNT_NOISE };
  return { min: Math.max(1, shown.value - USUAL_COUNT_NOISE), max: shown.value + USUAL_COUNT_NOISE };
}

/**
 * A rate from two published counts (never from true ones), with its Wilson interval.
 * Null when either count is "under 5", when the numerator, the denominator or the
 * complement (denominator − numerator) is under MIN_CELL, or when noise put the numerator
 * above the denominator: a rate of 9/11 would show a group of 2.
 */
export function disclosedRate(numerator: DisclosedCount, denominator: DisclosedCount): Rate | null {
  const k = numerator.value;
  const n = denominator.value;
  if (k === null || n === null) return null;
  if (n < MIN_CELL || k < MIN_CELL || n - k < MIN_CELL) return null;
  return rateOf(k, n);
}

/** A sum of published counts (null when any is "under 5"), e.g. the closed referrals of a funnel. */
export function sumOfPublished(counts: readonly DisclosedCount[]): DisclosedCount {
  let total = 0;
  for (const count of counts) {
    if (count.value === null) return { value: null, suppressed: true };
    total += count.value;
  }
  return displayCount(total);
}

/** The range a magnitude can take: its noise scales with upper − lower, and results are clamped to it. */
export type MagnitudeRange = { lower: number; upper: number };

/** Laplace(0, 1) from a uniform number in (0, 1). */
function laplace(u: number): number {
  const v = Math.min(Math.max(u, Number.MIN_VALUE), 1 - Number.EPSILON);
  return v < 0.5 ? Math.log(2 * v) : -Math.log(2 * (1 - v));
}

/**
 * One magnitude (a mean, a standard deviation, a percentile) of a cell's records, with its
 * noise. `statistic` names what it is (e.g. 'mean|INSPIRE_O'), so two statistics of the
 * same people get independent noise and the same statistic of the same people always the
 * same. Null unless the published n is MIN_CELL or more.
 */
export function discloseMagnitude(
  statistic: string,
  value: number | null,
  cell: CountCell,
  publishedN: DisclosedCount,
  range: MagnitudeRange,
  uniform: KeyedUniform,
  clampTo: MagnitudeRange = range,
): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (publishedN.value === null || publishedN.value < MIN_CELL || cell.count === 0) return null;
  const scale = (MAGNITUDE_NOISE_SCALE * (range.upper - range.lower)) / publishedN.value;
  const u = uniform(`${statistic}|${cell.count}|${cellKey(cell.keySum)}`);
  return Math.min(clampTo.upper, Math.max(clampTo.lower, value + scale * laplace(u)));
}

/**
 * Mean and standard deviation of a cell's values, each through `discloseMagnitude`. The
 * standard deviation is clamped to [0, range]; it is null for fewer than two records.
 */
export function discloseMeanAndSd(
  measure: string,
  summary: { mean: number | null; variance: number | null },
  cell: CountCell,
  publishedN: DisclosedCount,
  range: MagnitudeRange,
  uniform: KeyedUniform,
): { mean: number | null; sd: number | null } {
  const mean = discloseMagnitude(`mean|${measure}`, summary.mean, cell, publishedN, range, uniform);
  const sd =
    cell.count < 2 || summary.variance === null
      ? null
      : discloseMagnitude(
          `sd|${measure}`,
          Math.sqrt(Math.max(0, summary.variance)),
          cell,
          publishedN,
          range,
          uniform,
          {
            lower: 0,
            upper: range.upper - range.lower,
          },
        );
  return { mean, sd: mean === null ? null : sd };
}

/**
 * The method in words, for the evaluators who must explain their figures (the evaluation
 * app's help text shows these paragraphs; the numbers come from the constants above).
 */
export const DISCLOSURE_EXPLANATION: { title: Label; paragraphs: Label[] } = {
  title: { da: 'Sådan beskyttes tallene', en: 'How the figures are protected' },
  paragraphs: [
    {
      da: 'Alle tal om personer er tilført en lille, fast støj (cellenøgle-metoden, som bl.a. Australiens og Storbritanniens statistikkontorer bruger til fleksible tabeller). Hver person har en hemmelig tilfældig nøgle, som alle personens registreringer bærer; de samme personer giver altid den samme støj, uanset hvem der spørger, og hvordan udsnittet er valgt.',
      en: 'Every figure about people carries a small, fixed noise (the cell-key method that statistical offices use for flexible table builders). Each person has a secret random key that all their records carry; the same people always get the same noise, whoever asks and however the selection was made.',
    },
    {
      da: `Et antal afviger i 98 % af cellerne højst ${USUAL_COUNT_NOISE} fra det sande tal (i 44 % slet ikke, i 84 % højst 1); sjældent mere. Et tal, der efter støjen er 1-4, vises som "under ${MIN_CELL}". Et 0 kan dække over nogle få personer.`,
      en: `In 98% of cells a count differs from the true number by at most ${USUAL_COUNT_NOISE} (in 44% not at all, in 84% by at most 1); rarely by more. A count that is 1-4 after the noise is shown as "under ${MIN_CELL}". A 0 can stand for a few people.`,
    },
    {
      da: 'Totaler er selvstændige celler med deres egen støj. De er derfor ikke altid lig summen af tabellens celler; forskellen er støj, ikke fejl.',
      en: 'Totals are cells of their own with their own noise, so they do not always equal the sum of the cells; the difference is noise, not an error.',
    },
    {
      da: `Andele, konfidensintervaller, gennemsnit, spredninger og t-test beregnes ud fra de viste tal. En andel vises kun, når tæller, nævner og resten alle er mindst ${MIN_CELL}. Gennemsnit og spredninger har en støj, der svarer til ${MAGNITUDE_NOISE_SCALE * 100} % af skalaens spændvidde delt med n, og vises kun ved n på mindst ${MIN_CELL}.`,
      en: `Shares, confidence intervals, means, standard deviations and t-tests are computed from the shown figures. A share is shown only when numerator, denominator and the rest are all at least ${MIN_CELL}. Means and standard deviations carry noise of ${MAGNITUDE_NOISE_SCALE * 100}% of the scale's range divided by n, and are shown only for n of at least ${MIN_CELL}.`,
    },
    {
      da: 'For at støjen ikke kan midles væk, er perioden hele perioden, én måned, ét kvartal eller ét kalenderår, valget er én organisation eller alle og én kategori eller alle pr. filter, og der er en grænse for, hvor mange forskellige udsnit én evaluator kan se pr. dag. Alle forespørgsler logges.',
      en: 'So the noise cannot be averaged away, the period is everything, one month, one quarter or one calendar year, the choice is one organisation or all and one category or all per filter, and there is a limit on how many different selections one evaluator can see per day. Every request is logged.',
    },
  ],
};
