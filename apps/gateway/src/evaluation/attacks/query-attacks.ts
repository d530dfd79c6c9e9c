// What the attack suites over the query modules (aftercare-attacks, outreach-survey-attacks) share
// (and the method's soundness check, which disclosure-attacks shares too):
// they ask a query module directly (not GraphQL: the filter rules themselves are tested in
// disclosure-attacks.test.ts), run the same two differencing grids (organisations: all, each one and
// all but one; a year, its quarters and months) and judge them alike: the method leaks nothing, the
// CONTROL reading does (the proof that the attack can fail). One copy, so the suites cannot drift apart.
import { expect } from 'vitest';
import type { EvaluationFilter } from '../queries/evaluation-filter.ts';
import {
  type Answer,
  Attack,
  bothModes,
  describeReport,
  type Mode,
  type Observed,
  type Report,
} from './analysis.ts';
import type { AttackFilter, FigureReading, Truth } from './figures.ts';

/** The query modules' filter for an attack filter: its whole days as UTC midnights. */
export function evaluationFilterOf(filter: AttackFilter): EvaluationFilter {
  return {
    organizationIds: filter.organizationIds,
    ...(filter.from
      ? { from: new Date(`${filter.from}T00:00:00Z`), to: new Date(`${filter.to}T00:00:00Z`) }
      : {}),
  };
}

/** One answer: what the query module publishes for the filter, beside the truth. */
export async function answerOf(
  name: string,
  filter: AttackFilter,
  read: (filter: EvaluationFilter) => Promise<FigureReading>,
  truthOf: (filter: AttackFilter) => Truth,
): Promise<Answer> {
  return { name, filter, reading: await read(evaluationFilterOf(filter)), truth: truthOf(filter) };
}

export type Ask = (name: string, filter: AttackFilter) => Promise<Answer>;
/** How an attack reads one answer in a mode (observe(), or a suite's variant of it). */
export type Observe = (answer: Answer, mode: Mode) => Observed;

/** The first and last day of a month (0 = January) as yyyy-mm-dd. */
export function monthDays(year: number, month: number): { from: string; to: string } {
  return {
    from: new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10),
    to: new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10),
  };
}

/**
 * What every attack suite demands of the method: it leaks nothing, breaks no rule and never
 * contradicts the truth; nor does the control (the attack code itself is sound).
 */
export function expectSoundMethod(reports: { method: Report; control: Report }): void {
  expect(reports.method.unsound, describeReport(reports.method, 40)).toEqual([]);
  expect(reports.method.rules, describeReport(reports.method, 40)).toEqual([]);
  expect(reports.method.leaks, describeReport(reports.method, 40)).toEqual([]);
  expect(reports.control.unsound, describeReport(reports.control, 40)).toEqual([]);
}

/** expectSoundMethod, and the control must leak. */
export function judge(reports: { method: Report; control: Report }): void {
  console.log(describeReport(reports.method));
  console.log(describeReport(reports.control, 4));
  expectSoundMethod(reports);
  expect(reports.control.leaks.length, 'the control reading leaks: the attack can fail').toBeGreaterThan(0);
}

/** One attack, built by `build` from the answers as read in each mode. */
function attackInBothModes(
  title: string,
  observe: Observe,
  build: (attack: Attack, o: (answer: Answer) => Observed) => void,
): { method: Report; control: Report } {
  return bothModes((mode) => {
    const attack = new Attack(title, mode);
    build(attack, (answer) => observe(answer, mode));
    return attack.finish();
  });
}

export type OrganisationAnswers = { all: Answer; singles: Answer[]; allBut: Answer[] };

/** All organisations, each one, and all but each one. */
export async function askOrganisations(orgs: readonly string[], ask: Ask): Promise<OrganisationAnswers> {
  const all = await ask('all', { organizationIds: [...orgs] });
  const singles = await Promise.all(orgs.map((id) => ask(`org ${id}`, { organizationIds: [id] })));
  const allBut = await Promise.all(
    orgs.map((id) => ask(`all but ${id}`, { organizationIds: orgs.filter((o) => o !== id) })),
  );
  return { all, singles, allBut };
}

/** Each organisation as a target: directly, as all − (all but it), and as all − every other single. */
export function organisationAttack(
  title: string,
  orgs: readonly string[],
  answers: OrganisationAnswers,
  observe: Observe,
): { method: Report; control: Report } {
  return attackInBothModes(title, observe, (attack, o) => {
    const allObserved = o(answers.all);
    const singleObserved = answers.singles.map(o);
    const allButObserved = answers.allBut.map(o);
    attack.direct('all', allObserved);
    orgs.forEach((id, i) => {
      const target = `org ${id}`;
      attack.direct(target, singleObserved[i]!);
      attack.direct(`all but ${id}`, allButObserved[i]!);
      attack.derive(target, allObserved, [allButObserved[i]!]);
      attack.derive(
        target,
        allObserved,
        singleObserved.filter((_, j) => j !== i),
      );
    });
  });
}

export type PeriodAnswers = { whole: Answer; quarters: Answer[]; months: Answer[] };

/** A year, its four quarters and its twelve months, over the organisations given. */
export async function askPeriods(year: number, organizationIds: string[], ask: Ask): Promise<PeriodAnswers> {
  const whole = await ask(`${year}`, { organizationIds, from: `${year}-01-01`, to: `${year}-12-31` });
  const quarters = await Promise.all(
    [0, 1, 2, 3].map((q) =>
      ask(`${year} Q${q + 1}`, {
        organizationIds,
        from: monthDays(year, q * 3).from,
        to: monthDays(year, q * 3 + 2).to,
      }),
    ),
  );
  const months = await Promise.all(
    Array.from({ length: 12 }, (_, m) => ask(`${year}-${m + 1}`, { organizationIds, ...monthDays(year, m) })),
  );
  return { whole, quarters, months };
}

/**
 * Each quarter as the year − the other quarters and − the other quarters' months; each month as its
 * quarter − the quarter's other months and as the year − every other month.
 */
export function periodAttack(
  title: string,
  year: number,
  answers: PeriodAnswers,
  observe: Observe,
): { method: Report; control: Report } {
  return attackInBothModes(title, observe, (attack, o) => {
    const yearObserved = o(answers.whole);
    const quarterObserved = answers.quarters.map(o);
    const monthObserved = answers.months.map(o);
    attack.direct(`${year}`, yearObserved);
    quarterObserved.forEach((quarter, q) => {
      const target = `${year} Q${q + 1}`;
      attack.direct(target, quarter);
      attack.derive(
        target,
        yearObserved,
        quarterObserved.filter((_, j) => j !== q),
      );
      attack.derive(
        target,
        yearObserved,
        monthObserved.filter((_, m) => Math.floor(m / 3) !== q),
      );
    });
    monthObserved.forEach((month, m) => {
      const target = `${year}-${m + 1}`;
      const q = Math.floor(m / 3);
      attack.direct(target, month);
      attack.derive(
        target,
        quarterObserved[q]!,
        monthObserved.filter((_, j) => j !== m && Math.floor(j / 3) === q),
      );
      attack.derive(
        target,
        yearObserved,
        monthObserved.filter((_, j) => j !== m),
      );
    });
  });
}
