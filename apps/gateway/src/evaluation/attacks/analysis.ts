// Runs the attacker's reasoning (attacker.ts) over answers of `Query.evaluation` and judges
// the result against the database's truth. Two modes read the same answers:
// - METHOD: what the gateway published, read through the method's public rule
//   (`possibleTrueCounts`: at least 1 behind anything but 0, no upper end);
// - CONTROL: the same keys with the true counts shown as a threshold-only rule would (1-4
//   hidden, everything else exact; means exact where n ≥ 5): the proof that the same attack
//   code does determine small counts when there is no noise, so the suite is able to fail.
import { MIN_CELL } from '@vi/domain';
import {
  type CountReading,
  complete,
  exactly,
  exactMagnitudeReading,
  type Interval,
  intersect,
  isDetermined,
  isSmallCount,
  type MagnitudeBounds,
  type MagnitudeReading,
  meanOfRemainder,
  noisyMagnitudeReading,
  noisyReading,
  type RealInterval,
  type Relation,
  rateComplement,
  remainderOfCounts,
  type Shown,
  statisticDetermined,
  sum,
  thresholdOnlyReading,
} from './attacker.ts';
import type { AttackFilter, FigureReading, ShownRateOf, Truth } from './figures.ts';

export type Answer = { name: string; filter: AttackFilter; reading: FigureReading; truth: Truth };

const trueCount = (truth: Truth, key: string): number => truth.counts.get(key) ?? 0;
/** A key's true count in an answer, summing the keys of a cell published as a sum of others. */
const trueCountOf = (answer: Answer, key: string): number =>
  answer.reading.sumKeys.get(key)?.reduce((sum, part) => sum + trueCount(answer.truth, part), 0) ??
  trueCount(answer.truth, key);
const trueSum = (truth: Truth, key: string) => truth.sums.get(key) ?? { n: 0, sum: 0 };

export type Mode = {
  name: 'method' | 'control';
  shown(answer: Answer, key: string): Shown;
  mean(answer: Answer, key: string): number | null;
  rate(answer: Answer, spec: ShownRateOf): { numerator: number; denominator: number } | null;
  counts: CountReading;
  magnitudes: MagnitudeReading;
};

export const METHOD: Mode = {
  name: 'method',
  shown: (answer, key) => answer.reading.counts.get(key) ?? { value: null },
  mean: (answer, key) => answer.reading.means.get(key)?.value ?? null,
  rate: (_answer, spec) => spec.shown,
  counts: noisyReading,
  magnitudes: noisyMagnitudeReading,
};

const thresholdShown = (count: number): Shown => ({ value: isSmallCount(count) ? null : count });

export const CONTROL: Mode = {
  name: 'control',
  shown: (answer, key) => thresholdShown(trueCountOf(answer, key)),
  mean: (answer, key) => {
    const { n, sum } = trueSum(answer.truth, key);
    return n >= MIN_CELL ? sum / n : null;
  },
  // As the old funnel's shownRate: shown wherever both counts are shown and the denominator is not 0.
  rate: (answer, spec) => {
    const numerator = spec.numeratorKeys.reduce((s, key) => s + trueCount(answer.truth, key), 0);
    const denominator = spec.denominatorKeys.reduce((s, key) => s + trueCount(answer.truth, key), 0);
    return isSmallCount(numerator) || isSmallCount(denominator) || denominator === 0
      ? null
      : { numerator, denominator };
  },
  counts: thresholdOnlyReading,
  magnitudes: exactMagnitudeReading,
};

export type Observed = {
  answer: Answer;
  domains: Map<string, Interval>;
  means: Map<string, { mean: RealInterval; nKey: string; range: MagnitudeBounds }>;
  consistent: boolean;
  exhaustive: boolean;
};

/** One answer as the attacker holds it: every count's interval after within-table completion. */
export function observe(answer: Answer, mode: Mode): Observed {
  const domains = new Map<string, Interval>();
  for (const key of answer.reading.counts.keys()) {
    let interval = mode.counts(mode.shown(answer, key));
    const bound = answer.reading.bounds.get(key);
    if (bound) interval = intersect(interval, bound) ?? interval;
    domains.set(key, interval);
  }
  // Public bounds on variables that are no published count (e.g. "some form in this year").
  for (const [key, bound] of answer.reading.bounds) if (!domains.has(key)) domains.set(key, bound);
  const completion = complete(domains, answer.reading.relations);
  const completed = new Map<string, Interval>();
  for (const key of answer.reading.counts.keys()) completed.set(key, completion.domains.get(key)!);
  const means = new Map<string, { mean: RealInterval; nKey: string; range: MagnitudeBounds }>();
  for (const [key, shown] of answer.reading.means) {
    const value = mode.mean(answer, key);
    means.set(key, {
      mean:
        value === null
          ? { min: shown.range.lower, max: shown.range.upper }
          : mode.magnitudes(value, shown.range),
      nKey: shown.nKey,
      range: shown.range,
    });
  }
  return {
    answer,
    domains: completed,
    means,
    consistent: completion.consistent,
    exhaustive: completion.exhaustive,
  };
}

export type Finding = {
  kind: 'count' | 'statistic' | 'rule' | 'unsound';
  attack: string;
  target: string;
  key: string;
  derived: string;
  truth: string;
  derivations: number;
  trace?: string[];
};

type CountTarget = {
  interval: Interval | null;
  truth: number;
  derivations: number;
  relations: Relation[];
  /** A single answer alone (within-table completion) already determined it. */
  alone: boolean;
  /** Each derivation: the answers used and the interval it gave (written out only for a leak). */
  steps: Step[];
};
type Step = { whole: Observed; parts: readonly Observed[]; derived: Interval };
type StatisticTarget = {
  mean: RealInterval | null;
  sum: RealInterval | null;
  n: number;
  sum_: number;
  derivations: number;
};

const show = (interval: Interval | RealInterval | null) =>
  interval === null
    ? 'contradiction'
    : interval.min === interval.max
      ? `${interval.min}`
      : `[${interval.min}, ${interval.max}]`;

/** One attack class: derivations of named targets, intersected, completed and judged. */
export class Attack {
  private readonly counts = new Map<string, Map<string, CountTarget>>();
  private readonly statistics = new Map<string, Map<string, StatisticTarget>>();
  readonly findings: Finding[] = [];
  derivationCount = 0;

  constructor(
    readonly name: string,
    readonly mode: Mode,
  ) {}

  private countTarget(
    target: string,
    key: string,
    derivation: Interval,
    truth: number,
    relations: Relation[],
    alone = false,
    step?: Omit<Step, 'derived'>,
  ) {
    if (!this.counts.has(target)) this.counts.set(target, new Map());
    const targets = this.counts.get(target)!;
    const previous = targets.get(key);
    if (previous && previous.truth !== truth)
      throw new Error(`test design: ${target} ${key} has two truths ${previous.truth} and ${truth}`);
    targets.set(key, {
      interval: previous
        ? previous.interval === null
          ? null
          : intersect(previous.interval, derivation)
        : derivation,
      truth,
      derivations: (previous?.derivations ?? 0) + 1,
      relations: previous?.relations ?? relations,
      alone: (previous?.alone ?? false) || (alone && isDetermined(derivation)),
      steps: step ? [...(previous?.steps ?? []), { ...step, derived: derivation }] : (previous?.steps ?? []),
    });
  }

  /**
   * target = whole − Σ parts, for every count key of the whole (optionally only `keys`), and
   * for every mean (means × n). A key a part does not have is 0 there (e.g. a year column outside
   * its period; organisation rows are always all selected organisations now).
   */
  derive(
    target: string,
    whole: Observed,
    parts: readonly Observed[],
    keys: (key: string) => boolean = () => true,
  ) {
    this.derivationCount++;
    for (const [key, interval] of whole.domains) {
      if (!keys(key)) continue;
      // A key a part lacks: a row without people (0), or a rate's own cell not shown there (the sum of its cells).
      const sumOf = whole.answer.reading.sumKeys.get(key);
      const partInterval = (part: Observed) =>
        part.domains.get(key) ??
        (sumOf ? sum(sumOf.map((k) => part.domains.get(k) ?? exactly(0))) : exactly(0));
      const truthOf = (answer: Answer) =>
        sumOf
          ? sumOf.reduce((total, k) => total + trueCount(answer.truth, k), 0)
          : trueCount(answer.truth, key);
      const derived = remainderOfCounts(interval, parts.map(partInterval));
      const truth = truthOf(whole.answer) - parts.reduce((total, part) => total + truthOf(part.answer), 0);
      this.countTarget(target, key, derived, truth, whole.answer.reading.relations, parts.length === 0, {
        whole,
        parts,
      });
    }
    for (const [key, mean] of whole.means) {
      if (!keys(key)) continue;
      const n = (observed: Observed) => observed.domains.get(mean.nKey) ?? exactly(0);
      const partMeans = parts.map((part) => ({
        mean: part.means.get(key)?.mean ?? { min: mean.range.lower, max: mean.range.upper },
        n: n(part),
      }));
      const derived = meanOfRemainder({ mean: mean.mean, n: n(whole) }, partMeans, mean.range);
      const wholeTruth = trueSum(whole.answer.truth, key);
      const truthN = parts.reduce((s, part) => s - trueSum(part.answer.truth, key).n, wholeTruth.n);
      const truthSum = parts.reduce((s, part) => s - trueSum(part.answer.truth, key).sum, wholeTruth.sum);
      if (!this.statistics.has(target)) this.statistics.set(target, new Map());
      const targets = this.statistics.get(target)!;
      const previous = targets.get(key);
      const meet = (a: RealInterval | null, b: RealInterval): RealInterval | null =>
        a === null
          ? null
          : a.min <= b.max && b.min <= a.max
            ? { min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) }
            : null;
      targets.set(key, {
        mean: previous ? meet(previous.mean, derived.mean) : derived.mean,
        sum: previous ? meet(previous.sum, derived.sum) : derived.sum,
        n: truthN,
        sum_: truthSum,
        derivations: (previous?.derivations ?? 0) + 1,
      });
    }
  }

  /** The target observed directly (one answer is one derivation of it). */
  direct(target: string, observed: Observed, keys?: (key: string) => boolean) {
    this.derive(target, observed, [], keys);
    this.exposures(observed);
    this.rates(observed);
  }

  /** A shown mean of 1-4 people that equals the truth exactly (no noise), and mean group size × courses. */
  private exposures(observed: Observed) {
    const { answer } = observed;
    if (this.mode.name !== 'method') return;
    for (const key of answer.reading.means.keys()) {
      const value = this.mode.mean(answer, key);
      const { n, sum } = trueSum(answer.truth, key);
      const range = answer.reading.means.get(key)!.range;
      // A value at the range's edge may be noise clamped there: no certainty, not an exposure.
      const clamped = value === range.lower || value === range.upper;
      if (value !== null && !clamped && isSmallCount(n) && Math.abs(value - sum / n) < 1e-9)
        this.findings.push({
          kind: 'statistic',
          attack: this.name,
          target: answer.name,
          key,
          derived: `shown ${value} unperturbed`,
          truth: `mean ${sum / n} of ${n}`,
          derivations: 1,
        });
    }
    for (const [key, shown] of answer.reading.statistics) {
      const truth = answer.truth.statistics.get(key);
      if (shown.value === null || truth === undefined || !isSmallCount(truth.n)) continue;
      const clamped = shown.value === shown.range.lower || shown.value === shown.range.upper;
      if (!clamped && Math.abs(shown.value - truth.value) < 1e-9)
        this.findings.push({
          kind: 'statistic',
          attack: this.name,
          target: answer.name,
          key,
          derived: `shown ${shown.value} unperturbed`,
          truth: `${truth.value} of ${truth.n}`,
          derivations: 1,
        });
    }
    for (const ratio of answer.reading.ratios) {
      if (ratio.value === null) continue;
      const derived = ratio.value * ratio.multiplier;
      const whole = Math.round(derived);
      const shown = this.mode.shown(answer, ratio.countKey).value;
      const truth = trueCount(answer.truth, ratio.countKey);
      if (Math.abs(derived - whole) < 1e-6 && shown !== whole && whole === truth && isSmallCount(truth))
        this.findings.push({
          kind: 'statistic',
          attack: this.name,
          target: answer.name,
          key: ratio.name,
          derived: `${ratio.value} × ${ratio.multiplier} = ${whole} (count shown as ${shown ?? 'under 5'})`,
          truth: `${truth}`,
          derivations: 1,
        });
    }
  }

  /** Rate complements, and the rule that a rate is shown only with numerator, denominator and complement ≥ 5. */
  private rates(observed: Observed) {
    const { answer } = observed;
    for (const spec of answer.reading.rates) {
      const shown = this.mode.rate(answer, spec);
      if (shown === null) continue;
      if (
        this.mode.name === 'method' &&
        (shown.numerator < MIN_CELL ||
          shown.denominator < MIN_CELL ||
          shown.denominator - shown.numerator < MIN_CELL)
      )
        this.findings.push({
          kind: 'rule',
          attack: this.name,
          target: answer.name,
          key: spec.name,
          derived: `${shown.numerator}/${shown.denominator} shown`,
          truth: 'a rate needs numerator, denominator and complement ≥ 5',
          derivations: 1,
        });
      // A rate is computed from the published counts: other numbers would be a second, independent view of them.
      const published = (keys: string[]) =>
        keys.length === 1 &&
        keys.every((key) => answer.reading.counts.has(key) && this.mode.shown(answer, key).value !== null)
          ? keys.reduce((sum, key) => sum + this.mode.shown(answer, key).value!, 0)
          : null;
      const [numerator, denominator] = [published(spec.numeratorKeys), published(spec.denominatorKeys)];
      if (
        this.mode.name === 'method' &&
        ((numerator !== null && numerator !== shown.numerator) ||
          (denominator !== null && denominator !== shown.denominator))
      )
        this.findings.push({
          kind: 'rule',
          attack: this.name,
          target: answer.name,
          key: spec.name,
          derived: `${shown.numerator}/${shown.denominator} shown`,
          truth: `the published counts are ${numerator}/${denominator}`,
          derivations: 1,
        });
      const truth =
        spec.denominatorKeys.reduce((s, key) => s + trueCount(answer.truth, key), 0) -
        spec.numeratorKeys.reduce((s, key) => s + trueCount(answer.truth, key), 0);
      this.countTarget(
        answer.name,
        `${spec.name}.complement`,
        rateComplement(shown, this.mode.counts),
        truth,
        [],
      );
    }
  }

  private describeStep(step: Step, key: string): string {
    const seen = (o: Observed) =>
      `«${o.answer.name}» shown ${o.answer.reading.counts.has(key) ? (this.mode.shown(o.answer, key).value ?? 'under 5') : 'nothing'} → ${show(o.domains.get(key) ?? null)}`;
    const line = `${[step.whole, ...step.parts].map(seen).join(' − ')} ⇒ ${show(step.derived)}`;
    if (step.parts.length > 0) return line;
    // Within one answer: the sums the key is part of, each member as shown and as completed.
    const member = (k: string) => {
      const shown = step.whole.answer.reading.counts.has(k)
        ? (this.mode.shown(step.whole.answer, k).value ?? 'under 5')
        : '—';
      return `${k} shown ${shown} → ${show(step.whole.domains.get(k) ?? null)}`;
    };
    const sums = step.whole.answer.reading.relations
      .filter((relation) => relation.total === key || relation.parts.includes(key))
      .map(
        (relation) =>
          `        ${member(relation.total)} ${relation.atLeastParts ? '≥' : '='} ${relation.parts.map(member).join(' + ')}`,
      );
    return [line, ...sums].join('\n');
  }

  /** Intersects, completes each target within its figures' sums, and judges against the truth. */
  finish(): Report {
    let targets = 0;
    let determined = 0;
    const determinedByTruth = { zero: 0, small: 0, large: 0 };
    for (const [target, keys] of this.counts) {
      const domains = new Map<string, Interval>();
      let contradiction = false;
      for (const [key, t] of keys) {
        if (t.interval === null) contradiction = true;
        else domains.set(key, t.interval);
      }
      const relations = [...keys.values()].find((t) => t.relations.length > 0)?.relations ?? [];
      const completion = contradiction ? null : complete(domains, relations);
      for (const [key, t] of keys) {
        targets++;
        const interval = completion?.consistent ? completion.domains.get(key)! : t.interval;
        const base = { attack: this.name, target, key, truth: `${t.truth}`, derivations: t.derivations };
        if (interval === null || t.truth < interval.min || t.truth > interval.max) {
          this.findings.push({ kind: 'unsound', derived: show(interval), ...base });
          continue;
        }
        if (!isDetermined(interval)) continue;
        determined++;
        const bucket = t.truth === 0 ? 'zero' : isSmallCount(t.truth) ? 'small' : 'large';
        determinedByTruth[bucket]++;
        if (process.env.ATTACK_DEBUG && this.mode.name === 'method')
          console.log(`determined ${target} ${key} = ${interval.min} (truth ${t.truth})`);
        if (isSmallCount(t.truth) && interval.min === t.truth)
          this.findings.push({
            kind: 'count',
            derived: `${show(interval)}${t.alone ? ' (from one answer)' : ''}`,
            ...base,
            trace: t.steps.map((step) => this.describeStep(step, key)),
          });
      }
    }
    for (const [target, keys] of this.statistics) {
      for (const [key, t] of keys) {
        if (!isSmallCount(t.n)) continue;
        const truthMean = t.sum_ / t.n;
        const base = { attack: this.name, target, key, derivations: t.derivations };
        if (t.mean !== null && statisticDetermined(t.mean) && Math.abs(t.mean.min - truthMean) < 1e-6)
          this.findings.push({
            kind: 'statistic',
            derived: `mean ${show(t.mean)}`,
            truth: `mean ${truthMean} of ${t.n}`,
            ...base,
          });
        else if (t.sum !== null && statisticDetermined(t.sum) && Math.abs(t.sum.min - t.sum_) < 1e-6)
          this.findings.push({
            kind: 'statistic',
            derived: `sum ${show(t.sum)}`,
            truth: `sum ${t.sum_} of ${t.n}`,
            ...base,
          });
      }
    }
    const of = (kind: Finding['kind']) => this.findings.filter((f) => f.kind === kind);
    return {
      attack: this.name,
      mode: this.mode.name,
      derivations: this.derivationCount,
      targets,
      determined,
      determinedByTruth,
      leaks: [...of('count'), ...of('statistic')],
      rules: of('rule'),
      unsound: of('unsound'),
    };
  }
}

export type Report = {
  attack: string;
  mode: Mode['name'];
  derivations: number;
  targets: number;
  determined: number;
  /** Determined targets by their true count: 0, 1-4 (the leaks, if equal) and 5 or more. */
  determinedByTruth: { zero: number; small: number; large: number };
  leaks: Finding[];
  rules: Finding[];
  unsound: Finding[];
};

/** One attack run in both modes over the same answers: the method's reading and the control's. */
export function bothModes(run: (mode: Mode) => Report): { method: Report; control: Report } {
  return { method: run(METHOD), control: run(CONTROL) };
}

/** A short text of a report for the test log and failure messages. */
export function describeReport(report: Report, limit = 15): string {
  const { alone, combined, complements, statistics } = leakClasses(report);
  const { zero, small, large } = report.determinedByTruth;
  const lines = [
    `${report.attack} (${report.mode}): ${report.derivations} derivations, ${report.targets} targets, ` +
      `${report.determined} determined (true 0: ${zero}, 1-4: ${small}, 5+: ${large}), ` +
      `${report.leaks.length} leaks (${alone.length} within one answer, ${combined.length} only by combining answers, ` +
      `${complements.length} rate complements, ${statistics.length} statistics), ${report.rules.length} rule breaches, ` +
      `${report.unsound.length} unsound`,
  ];
  const first = new Set([...combined, ...statistics, ...complements]);
  const ordered = [
    ...first,
    ...report.leaks.filter((f) => !first.has(f)),
    ...report.rules,
    ...report.unsound,
  ];
  for (const finding of ordered.slice(0, limit)) {
    lines.push(
      `  ${finding.kind}: ${finding.target} ${finding.key} derived ${finding.derived}, truth ${finding.truth} (${finding.derivations} derivations)`,
    );
    // How the method's leaks came about, derivation by derivation.
    if (report.mode === 'method') for (const step of finding.trace ?? []) lines.push(`      ${step}`);
  }
  return lines.join('\n');
}

/** The leaks that needed more than one answer, the rate complements and the statistics. */
export function leakClasses(report: Report): {
  alone: Finding[];
  combined: Finding[];
  complements: Finding[];
  statistics: Finding[];
} {
  return {
    alone: report.leaks.filter((f) => f.derived.endsWith('(from one answer)')),
    combined: report.leaks.filter(
      (f) => f.kind === 'count' && !f.derived.endsWith('(from one answer)') && !f.key.endsWith('.complement'),
    ),
    complements: report.leaks.filter((f) => f.key.endsWith('.complement')),
    statistics: report.leaks.filter((f) => f.kind === 'statistic'),
  };
}
