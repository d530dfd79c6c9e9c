// The attack suite's reasoning (analysis.ts, attacker.ts) applied to the outreach user survey
// (issue 14): a hostile evaluator who wants one respondent's answers. The respondents of the
// dataset include a lone one (the only response of a small organisation, in a month of its own)
// and months with one or two answers in a larger one. The evaluator differences what the filter
// rules allow (all organisations, each one and all but one; a year, its quarters and months over
// all and over one organisation), completes each answer within its published sums (a single
// item's codes add up to its answered; answered ≤ responses; the languages add up to the
// responses) and reads every share's complement. The method must let no count of 1-4
// respondents be determined; the CONTROL reading of the same keys (1-4 hidden, the rest exact)
// must leak, the proof that this attack code can find one.
//
// A second attack reads what the counts say together rather than one by one. A count of nobody is
// always published as 0, and a count of someone only rarely is (the noise must take it all away),
// so where an item shows one code as "some" and all its other codes as 0, the evaluator guesses
// that every respondent of the selection gave that code; where the languages show one as "some",
// that every respondent answered in it. Where the selection is 1-4 respondents (the lone
// respondent, a month of one) who all gave one answer, a right guess is a person's answer. The
// suite fails when the guess is right for more than a quarter of such small groups (guessing
// among an item's three to six codes without the figure does about that well); the CONTROL reading (1-4 hidden, 0 shown as 0)
// must let it guess them, the proof that the attack can fail.
import { type Database, getDatabase } from '@vi/db';
import { ownerQuery } from '@vi/db/testing';
import { OUTREACH_SURVEY_LANGUAGES } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyedUniform } from '../disclosure-key.ts';
import type { EvaluationFilter } from '../queries/evaluation-filter.ts';
import { countedItems, outreachUserSurvey } from '../queries/outreach-user-survey.ts';
import { type Answer, CONTROL, METHOD, type Mode, type Observed, observe } from './analysis.ts';
import { type AttackFilter, emptyReading, type FigureReading, type Truth } from './figures.ts';
import {
  outreachSurveyTruth,
  readOutreachSurvey,
  type StoredSurveyResponse,
  surveyKey,
} from './outreach-survey-figure.ts';
import {
  answerOf,
  askOrganisations,
  askPeriods,
  judge,
  monthDays,
  organisationAttack,
  periodAttack,
} from './query-attacks.ts';

const uniform = keyedUniform(Buffer.from('survey-attack-key-1'.padEnd(32, '!')));
const YEAR = 2021;

let db: Database;
let orgs: string[];
let stored: StoredSurveyResponse[];

/** A small deterministic generator (the record keys and answers must replay run after run). */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// ── Reading the published answer, and the truth ─────────────────────────

async function surveyAnswer(filter: EvaluationFilter): Promise<FigureReading> {
  const reading = emptyReading();
  readOutreachSurvey(await outreachUserSurvey(db, filter, uniform), reading);
  return reading;
}

function truthOf(filter: AttackFilter): Truth {
  const counts = new Map<string, number>();
  outreachSurveyTruth(stored, filter, (key) => counts.set(key, (counts.get(key) ?? 0) + 1));
  return { counts, sums: new Map(), statistics: new Map() };
}

// ── The dataset ─────────────────────────────────────────────────────────

beforeAll(async () => {
  db = await getDatabase();
  orgs = [];
  for (const slug of ['survey-attack-big', 'survey-attack-middle', 'survey-attack-lone']) {
    const [row] = (await ownerQuery(
      `INSERT INTO "Organization" (slug, name, kind, stance) VALUES ($1, $1, 'NGO', 'JOURNALISED') RETURNING id::text AS id`,
      [slug],
      db,
    )) as Array<{ id: string }>;
    orgs.push(row!.id);
  }
  const random = generator(14);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const answersOf = (): Record<string, unknown> => {
    const answers: Record<string, unknown> = {};
    for (const item of countedItems()) {
      if (random() < 0.15) continue; // skipped
      const codes = item.options.map((option) => option.code);
      answers[item.id] =
        item.kind === 'single'
          ? pick(codes)
          : [...new Set([pick(codes), ...(random() < 0.4 ? [pick(codes)] : [])])];
    }
    return answers;
  };
  const month = (m: number) => `${YEAR}-${String(m + 1).padStart(2, '0')}-01`;
  stored = [];
  // The big organisation: 60 answers over the year, fewest in March (one) and August (two).
  const bigMonths = [6, 5, 1, 7, 6, 5, 6, 2, 6, 6, 5, 5];
  bigMonths.forEach((n, m) => {
    for (let i = 0; i < n; i++)
      stored.push({
        org: orgs[0]!,
        month: month(m),
        language: pick(OUTREACH_SURVEY_LANGUAGES),
        answers: answersOf(),
      });
  });
  // The middle one: 22 answers, in the first half year.
  for (let i = 0; i < 22; i++)
    stored.push({
      org: orgs[1]!,
      month: month(i % 6),
      language: i % 3 === 0 ? 'ar' : 'da',
      answers: answersOf(),
    });
  // The lone respondent: the only answer of its organisation, in October.
  stored.push({ org: orgs[2]!, month: month(9), language: 'so', answers: answersOf() });
  for (const [i, response] of stored.entries())
    await ownerQuery(
      `INSERT INTO "OutreachSurveyResponse" ("organizationId", "respondentCode", language, "submittedMonth", answers, "answersSealed", "recordKey")
       VALUES ($1::uuid, $2, $3, $4::date, $5::jsonb, 'sealed-in-test', $6)`,
      [
        response.org,
        `attack-${i}`,
        response.language,
        response.month,
        JSON.stringify(response.answers),
        Math.floor(random() * 2 ** 31),
      ],
      db,
    );
}, 120_000);

// ── Attacks ─────────────────────────────────────────────────────────────

function ask(name: string, filter: AttackFilter): Promise<Answer> {
  return answerOf(name, filter, surveyAnswer, truthOf);
}

/**
 * observe(), with the codes of a distribution not shown as unknown (0 or more) rather than
 * absent: analysis.ts reads a key a part lacks as 0 (a row without people), which a hidden
 * distribution is not.
 */
function observeWithHidden(answer: Answer, mode: Mode): Observed {
  const observed = observe(answer, mode);
  for (const [key, bound] of answer.reading.bounds)
    if (!observed.domains.has(key)) observed.domains.set(key, bound);
  return observed;
}

type Homogeneity = { answer: string; key: string; code: string; respondents: number };

/**
 * The groups of 1-4 respondents who all gave the same code (an item's respondents, or all
 * respondents for the language) in the answers, and those whose answer the attacker guesses right: the one code not shown as 0
 * while every other code of the group is, and all the group's respondents gave it.
 */
function homogeneity(answers: readonly Answer[], mode: Mode): { small: number; guessed: Homogeneity[] } {
  let small = 0;
  const guessed: Homogeneity[] = [];
  for (const answer of answers) {
    const groups: Array<{ key: string; total: string; codes: string[] }> = [
      {
        key: 'language',
        total: surveyKey.responses,
        codes: OUTREACH_SURVEY_LANGUAGES.map(surveyKey.language),
      },
      ...countedItems().map((item) => ({
        key: item.id,
        total: surveyKey.answered(item.id),
        codes: item.options.map((option) => surveyKey.code(item.id, option.code)),
      })),
    ];
    for (const group of groups) {
      const respondents = answer.truth.counts.get(group.total) ?? 0;
      if (respondents < 1 || respondents >= 5) continue;
      // Only a group whose respondents all gave one code has an answer to give away.
      if (!group.codes.some((key) => (answer.truth.counts.get(key) ?? 0) === respondents)) continue;
      small++;
      // The control is a threshold-only rule: it publishes every code (hidden or not by the method).
      const published =
        mode.name === 'control' ? group.codes : group.codes.filter((key) => answer.reading.counts.has(key));
      const someone = published.filter((key) => mode.shown(answer, key).value !== 0);
      const nobody = published.filter((key) => mode.shown(answer, key).value === 0);
      if (someone.length !== 1 || nobody.length !== group.codes.length - 1) continue;
      if ((answer.truth.counts.get(someone[0]!) ?? 0) === respondents)
        guessed.push({ answer: answer.name, key: group.key, code: someone[0]!, respondents });
    }
  }
  return { small, guessed };
}

describe('the outreach user survey figure under attack', () => {
  it('the dataset has what the attacker is after: a lone respondent and months of one or two', () => {
    const truth = truthOf({ organizationIds: [orgs[2]!] });
    expect(truth.counts.get(surveyKey.responses)).toBe(1);
    const march = truthOf({ organizationIds: [orgs[0]!], ...monthDays(YEAR, 2) });
    expect(march.counts.get(surveyKey.responses)).toBe(1);
  });

  it('lets no organisation’s respondents be singled out from all, each one and all but one', async () => {
    const answers = await askOrganisations(orgs, ask);
    judge(organisationAttack('survey: organisation subsets', orgs, answers, observeWithHidden));
  }, 120_000);

  it('lets no month’s or quarter’s respondents be singled out from a year, its quarters and months', async () => {
    for (const organizationIds of [orgs, [orgs[0]!]]) {
      const answers = await askPeriods(YEAR, organizationIds, ask);
      judge(
        periodAttack(
          `survey: periods over ${organizationIds.length} organisation(s)`,
          YEAR,
          answers,
          observeWithHidden,
        ),
      );
    }
  }, 180_000);

  it('lets no one’s answers be read from a group whose codes are all 0 but one', async () => {
    const answers = [
      await ask('all', { organizationIds: orgs }),
      ...(await Promise.all(orgs.map((id) => ask(`org ${id}`, { organizationIds: [id] })))),
    ];
    for (const organizationIds of [orgs, [orgs[0]!]])
      for (let m = 0; m < 12; m++)
        answers.push(
          await ask(`${organizationIds.length} org(s) ${YEAR}-${m + 1}`, {
            organizationIds,
            ...monthDays(YEAR, m),
          }),
        );
    const control = homogeneity(answers, CONTROL);
    const method = homogeneity(answers, METHOD);
    const share = (result: { small: number; guessed: Homogeneity[] }) => result.guessed.length / result.small;
    const list = (result: { guessed: Homogeneity[] }) =>
      result.guessed
        .map((f) => `${f.answer}: ${f.key} = ${f.code} (${f.respondents} respondent(s))`)
        .join('\n');
    console.log(
      `survey homogeneity: ${control.small} groups of 1-4 giving one answer; control guesses ${control.guessed.length}, method ${method.guessed.length}`,
    );
    expect(control.small).toBeGreaterThan(10);
    expect(
      share(control),
      'a threshold-only rule gives the small groups away: the attack can fail',
    ).toBeGreaterThan(0.5);
    expect(share(method), list(method)).toBeLessThanOrEqual(0.25);
  }, 120_000);
});
