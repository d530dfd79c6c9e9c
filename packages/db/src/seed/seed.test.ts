import { verify } from '@node-rs/argon2';
import {
  groupCourseCosts,
  inspireScoresFromAnswers,
  outreachCosts,
  validateAnswers,
  validateGroupCourseCostInputs,
  validateOutreachCostInputs,
} from '@vi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../client.ts';
import { fieldKeyring, openAnswers, plainAnswerCodes } from '../field-encryption.ts';
import { createTestDatabase } from '../testing.ts';
import { startOfDay } from './calendar.ts';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  demoMembershipSlugs,
  MODULE_PLAN_TEMPLATES,
  type SeedSummary,
  seedDemo,
} from './index.ts';
import { buildOutreachDemo } from './outreach.ts';
import { SeededRandom } from './random.ts';

const now = new Date('2026-11-23T10:00:00Z');
let db: Database;
let summary: SeedSummary;
let seedMs: number;

beforeAll(async () => {
  db = await createTestDatabase();
  const started = Date.now();
  summary = await seedDemo(db.prisma, { now });
  seedMs = Date.now() - started;
});
afterAll(async () => {
  await db.close();
});

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await db.query<T>(sql, params);
  if (!row) throw new Error(`no row from ${sql}`);
  return row;
}

/** Share k/n as a percentage. */
const pct = (k: number, n: number) => (100 * k) / n;

describe('seedDemo', () => {
  it('seeds the three organisations, every login and a few hundred cases in under 15 s', () => {
    expect(summary).toMatchObject({ seeded: true, organizations: 6, users: 22, outreachCases: 400 });
    expect(summary.intakes).toBeGreaterThanOrEqual(85);
    expect(seedMs).toBeLessThan(15_000);
  });

  it('is idempotent: a second run writes nothing', async () => {
    const before = await one<{ n: number }>('SELECT count(*)::int AS n FROM "Person"');
    const again = await seedDemo(db.prisma, { now });
    expect(again.seeded).toBe(false);
    expect(await one<{ n: number }>('SELECT count(*)::int AS n FROM "Person"')).toEqual(before);
  });

  it('creates the organisations with their privacy stances', async () => {
    const orgs = await db.prisma.organization.findMany({ orderBy: { slug: 'asc' } });
    expect(orgs.map((o) => [o.slug, o.name, o.kind, o.stance])).toEqual([
      ['koege', 'Køge Kommune', 'MUNICIPALITY', 'JOURNALISED'],
      ['krisecenter', 'Krisecentret Sydhavn (demo)', 'SHELTER', 'JOURNALISED'],
      ['odense', 'Odense Kommune', 'MUNICIPALITY', 'ANONYMOUS'],
      ['offerraadgivning', 'Offerrådgivningen København', 'NGO', 'JOURNALISED'],
      ['psykisk-sundhed', 'Center for Psykisk Sundhed (demo)', 'MUNICIPALITY', 'JOURNALISED'],
      ['raadgivning-had', 'Rådgivning mod Had (demo)', 'NGO', 'JOURNALISED'],
    ]);
  });

  it('gives every demo user their role, the evaluator in every organisation, and an argon2id hash of DEMO_PASSWORD', async () => {
    const memberships = await db.prisma.membership.findMany({ include: { user: true, organization: true } });
    for (const demo of DEMO_USERS) {
      const mine = memberships.filter((m) => m.user.email === demo.email);
      expect(mine.map((m) => m.organization.slug).sort()).toEqual(demoMembershipSlugs(demo).sort());
      expect(new Set(mine.map((m) => m.role))).toEqual(new Set([demo.role]));
    }
    const outreach = await db.prisma.user.findUniqueOrThrow({
      where: { email: 'outreach@offerraadgivning.demo' },
    });
    expect(outreach.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(outreach.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verify(outreach.passwordHash, `${DEMO_PASSWORD}x`)).toBe(false);
  });

  it('switches burglary/theft off for outreach, keeping the history of cases called before', async () => {
    const settings = await db.prisma.incidentTypeSetting.findMany();
    expect(settings).toHaveLength(11);
    expect(settings.filter((s) => !s.activeForOutreach).map((s) => s.type)).toEqual(['BURGLARY_THEFT']);
    const inactive = await db.prisma.outreachCase.groupBy({
      by: ['incidentType'],
      where: { status: 'INACTIVE_TYPE' },
      _count: true,
    });
    expect(inactive.map((g) => g.incidentType)).toEqual(['BURGLARY_THEFT']);
    const calledBurglaries = await db.prisma.outreachCase.count({
      where: { incidentType: 'BURGLARY_THEFT', attemptCount: { gt: 0 } },
    });
    expect(calledBurglaries).toBeGreaterThan(0);
  });
});

describe('outreach proportions follow seed 001 (DOMAIN 2.1)', () => {
  it('about 17% of identified people have no contact details', async () => {
    const r = await one<{ none: number; n: number }>(
      `SELECT count(*) FILTER (WHERE status = 'NO_CONTACT_DETAILS')::int AS none, count(*)::int AS n FROM "OutreachCase"`,
    );
    expect(pct(r.none, r.n)).toBeGreaterThan(12);
    expect(pct(r.none, r.n)).toBeLessThan(22);
  });

  it('about 62% of those called to a conclusion are reached', async () => {
    const r = await one<{ reached: number; n: number }>(
      `SELECT count(*) FILTER (WHERE "reachedAt" IS NOT NULL)::int AS reached, count(*)::int AS n
         FROM "OutreachCase" WHERE status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF', 'UNREACHED', 'EXPIRED')`,
    );
    expect(pct(r.reached, r.n)).toBeGreaterThan(54);
    expect(pct(r.reached, r.n)).toBeLessThan(70);
  });

  it('of those reached about a quarter want a call, three quarters decline, ~1% will call themselves', async () => {
    const rows = await db.query<{ outcome: string; n: number }>(
      `SELECT outcome, count(*)::int AS n FROM "OutreachCase" WHERE outcome IS NOT NULL GROUP BY outcome`,
    );
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    const share = (outcome: string) => pct(rows.find((row) => row.outcome === outcome)?.n ?? 0, total);
    expect(share('WANTS_CALL')).toBeGreaterThan(18);
    expect(share('WANTS_CALL')).toBeLessThan(33);
    expect(share('DECLINED')).toBeGreaterThan(65);
    expect(share('WILL_CALL_SELF')).toBeLessThan(5);
  });

  it('women accept more often than men (33% vs 17%)', async () => {
    const rows = await db.query<{ gender: string; rate: number }>(
      `SELECT gender, avg((outcome = 'WANTS_CALL')::int)::float AS rate
         FROM "OutreachCase" WHERE outcome IS NOT NULL GROUP BY gender`,
    );
    const rate = (gender: string) => rows.find((row) => row.gender === gender)?.rate ?? Number.NaN;
    expect(rate('WOMAN')).toBeGreaterThan(rate('MAN'));
  });

  it('decline reasons are mostly "no need" (82%), some "specialised offer" (8%) and "other" with a text', async () => {
    const rows = await db.query<{ reason: string; n: number; texts: number }>(
      `SELECT "declineReason" AS reason, count(*)::int AS n, count("declineReasonText")::int AS texts
         FROM "OutreachCase" WHERE status = 'DECLINED' GROUP BY "declineReason"`,
    );
    const total = rows.reduce((sum, row) => sum + row.n, 0);
    const noNeed = rows.find((row) => row.reason === 'NO_NEED');
    expect(pct(noNeed?.n ?? 0, total)).toBeGreaterThan(72);
    for (const row of rows) expect(row.texts).toBe(row.reason === 'OTHER' ? row.n : 0);
  });

  it('every referral has recorded consent, and closed referrals are mostly conversations held (63/23/14)', async () => {
    const referred = await db.prisma.outreachCase.count({ where: { status: 'REFERRED' } });
    const referrals = await db.prisma.referral.findMany();
    expect(referrals).toHaveLength(referred);
    const closed = referrals.filter((r) => r.closedAt !== null);
    const held = closed.filter((r) => r.status === 'CONVERSATION_HELD').length;
    expect(pct(held, closed.length)).toBeGreaterThan(45);
    expect(pct(held, closed.length)).toBeLessThan(80);
    expect(closed.filter((r) => r.status === 'LOST').every((r) => r.lostReason !== null)).toBe(true);
  });

  it('about half of the identified are men, three quarters victims, a third aged 18-29', async () => {
    const r = await one<{ men: number; victims: number; young: number; n: number }>(
      `SELECT count(*) FILTER (WHERE gender = 'MAN')::int AS men,
              count(*) FILTER (WHERE role = 'VICTIM')::int AS victims,
              count(*) FILTER (WHERE "ageAtIncident" BETWEEN 18 AND 29)::int AS young,
              count(*)::int AS n FROM "OutreachCase"`,
    );
    expect(pct(r.men, r.n)).toBeGreaterThan(45);
    expect(pct(r.men, r.n)).toBeLessThan(59);
    expect(pct(r.victims, r.n)).toBeGreaterThan(70);
    expect(pct(r.young, r.n)).toBeGreaterThan(25);
    expect(pct(r.young, r.n)).toBeLessThan(39);
  });

  it('leaves people in the call queue: open cases whose window includes today', async () => {
    const today = startOfDay(now);
    const callable = await db.prisma.outreachCase.count({
      where: {
        status: 'OPEN',
        callableFrom: { lte: today },
        callableUntil: { gte: today },
        person: { contact: { isNot: null } },
      },
    });
    expect(callable).toBeGreaterThanOrEqual(10);
  });

  it('keeps contact details only until their erase date', async () => {
    const overdue = await db.prisma.personContact.count({ where: { eraseAfter: { lt: now } } });
    expect(overdue).toBe(0);
    const noContact = await db.prisma.outreachCase.count({
      where: { status: 'NO_CONTACT_DETAILS', person: { contact: { isNot: null } } },
    });
    expect(noContact).toBe(0);
  });

  it('is deterministic: the same seed and day give the same rows', () => {
    const input = () => ({
      random: new SeededRandom(7),
      now,
      today: startOfDay(now),
      organizationId: 'org',
      workerIds: ['w1', 'w2'],
      counsellorId: 'c',
      rules: { callDelayDays: 2, callWindowDays: 30, maxCallAttempts: 3, contactRetentionDays: 90 },
    });
    expect(buildOutreachDemo(input())).toEqual(buildOutreachDemo(input()));
  });
});

describe('group courses follow seed 002 (DOMAIN 2.2)', () => {
  it('registers ~60 intakes in Odense and ~30 in Køge, each answer set valid by the registration form', async () => {
    const intakes = await db.prisma.intakeRegistration.findMany({ include: { organization: true } });
    const bySlug = (slug: string) => intakes.filter((i) => i.organization.slug === slug).length;
    expect(bySlug('odense')).toBe(60);
    expect(bySlug('koege')).toBeGreaterThanOrEqual(30);
    for (const intake of intakes) {
      // The whole form is sealed (issue 10); the plain column keeps only the evaluation's codes.
      const answers = await openAnswers(fieldKeyring(), db.prisma, intake);
      expect(intake.answers).toEqual(plainAnswerCodes('REGISTRATION', answers));
      const result = validateAnswers('REGISTRATION', answers);
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect([intake.gender, intake.ageYears, intake.heardFrom, intake.referredTo]).toEqual([
        answers.gender,
        answers.age,
        answers.heard_from,
        answers.referred_to,
      ]);
    }
    const groupShare = (slug: string) =>
      pct(
        intakes.filter((i) => i.organization.slug === slug && i.referredTo.includes('GROUP_COURSE')).length,
        bySlug(slug),
      );
    expect(groupShare('odense')).toBeGreaterThan(40);
    expect(groupShare('koege')).toBeGreaterThan(40);
  });

  it('keeps no risk level, safety plan, name or case reference in anonymous Odense, and does in Køge', async () => {
    const assessments = await db.prisma.riskAssessment.findMany({ include: { organization: true } });
    const odense = assessments.filter((a) => a.organization.slug === 'odense');
    const koege = assessments.filter((a) => a.organization.slug === 'koege');
    expect(odense.length).toBeGreaterThan(20);
    expect(odense.every((a) => a.riskLevel === null && a.safetyPlan === null && a.routes.length > 0)).toBe(
      true,
    );
    expect(koege.every((a) => a.riskLevel !== null && a.safetyPlan !== null)).toBe(true);

    const odenseOrg = await db.prisma.organization.findUniqueOrThrow({ where: { slug: 'odense' } });
    const contacts = await db.prisma.personContact.findMany({ where: { organizationId: odenseOrg.id } });
    expect(contacts.length).toBe(60);
    expect(contacts.every((c) => c.name === null && c.caseReference === null && c.alias && c.phone)).toBe(
      true,
    );
  });

  it('shares the Odense and Køge module plans with the exact Danish titles, used for every session', async () => {
    const plans = await db.prisma.modulePlan.findMany({
      where: { organizationId: null },
      orderBy: { name: 'desc' },
    });
    expect(plans.map((p) => ({ name: p.name, modules: p.modules }))).toEqual(
      MODULE_PLAN_TEMPLATES.map((t) => ({ name: t.name, modules: [...t.modules] })),
    );
    // The municipalities' courses (the psychology organisation's group is checked on its own below).
    const courses = await db.prisma.course.findMany({
      where: { organization: { slug: { in: ['odense', 'koege'] } } },
      include: { sessions: true, leaders: true, enrolments: true, modulePlan: true },
    });
    expect(
      courses.filter((c) => c.organizationId === courses[0]?.organizationId).length,
    ).toBeGreaterThanOrEqual(2);
    for (const course of courses) {
      expect(course.sessions).toHaveLength(10);
      expect(course.leaders).toHaveLength(2);
      expect(course.enrolments.length).toBeGreaterThanOrEqual(6);
      expect(course.enrolments.length).toBeLessThanOrEqual(8);
      const titles = [...course.sessions].sort((a, b) => a.number - b.number).map((s) => s.title);
      expect(titles).toEqual(course.modulePlan?.modules);
    }
  });

  it('stores valid baseline and end forms with scores by the domain rule; recovery rises by ~0.8 category', async () => {
    const responses = await db.prisma.questionnaireResponse.findMany();
    for (const response of responses) {
      const answers = await openAnswers(fieldKeyring(), db.prisma, response);
      expect(response.answers).toEqual(plainAnswerCodes(response.kind, answers));
      const result = validateAnswers(response.kind, answers);
      expect(result.ok ? [] : result.errors).toEqual([]);
      const scores = inspireScoresFromAnswers(answers);
      expect([response.inspireOScore, response.inspireScore]).toEqual([scores.inspireO, scores.inspire]);
    }
    const mean = (kind: string) => {
      const scores = responses.filter((r) => r.kind === kind).map((r) => r.inspireOScore ?? Number.NaN);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    };
    // One answer category is 25 points on the 0-100 scale.
    expect(mean('END') - mean('BASELINE')).toBeGreaterThan(10);
    expect(mean('END') - mean('BASELINE')).toBeLessThan(30);
  });

  it('links forms by participant code and shows drop-outs as baselines without an end form', async () => {
    const enrolments = await db.prisma.enrolment.findMany({
      include: { course: { include: { sessions: true } } },
    });
    const responses = await db.prisma.questionnaireResponse.findMany();
    const codes = new Set(enrolments.map((e) => e.participantCode));
    expect(responses.every((r) => codes.has(r.participantCode))).toBe(true);
    const ends = new Set(responses.filter((r) => r.kind === 'END').map((r) => r.participantCode));
    const baselines = new Set(responses.filter((r) => r.kind === 'BASELINE').map((r) => r.participantCode));
    expect(ends.size).toBeGreaterThan(10);
    expect([...ends].every((code) => baselines.has(code))).toBe(true);
    const withdrawn = enrolments.filter((e) => e.withdrawnOn !== null);
    expect(withdrawn.length).toBeGreaterThan(0);
    expect(withdrawn.some((e) => ends.has(e.participantCode))).toBe(false);
  });

  it('keeps people waiting for a course on the waiting list', async () => {
    const waiting = await db.prisma.waitingListEntry.count({ where: { leftOn: null } });
    expect(waiting).toBeGreaterThan(0);
  });
});

describe('cost inputs (DOMAIN 6)', () => {
  it('gives each organisation valid inputs; the NGO reproduces seed 001 and Køge seed 002', async () => {
    const inputs = await db.prisma.costInput.findMany({ include: { organization: true } });
    // The municipalities' and the NGO's outreach rows (the NGO's hate-crime row is checked below).
    const of = (slug: string) =>
      inputs.find((i) => i.organization.slug === slug && i.model !== 'HATE_CRIME_AFTERCARE');
    const outreach = validateOutreachCostInputs(of('offerraadgivning')?.inputs);
    if (!outreach.ok) throw new Error(JSON.stringify(outreach.errors));
    expect(outreachCosts(outreach.inputs).firstYear).toBe(444_000);
    const koege = validateGroupCourseCostInputs(of('koege')?.inputs);
    if (!koege.ok) throw new Error(JSON.stringify(koege.errors));
    expect(groupCourseCosts(koege.inputs).startUp).toMatchObject({ total: 975_000 });
    const odense = validateGroupCourseCostInputs(of('odense')?.inputs);
    expect(odense.ok).toBe(true);
    expect(inputs.map((i) => i.ruleVersion)).toEqual([
      'dk-2024-v1',
      'dk-2024-v1',
      'dk-2024-v1',
      'dk-2024-v1',
    ]);
  });
});

describe('aftercare after a shelter stay follows the Red Cross recommendations (DOMAIN 2.4)', () => {
  // Move-outs whose 12-month window has ended, and whether the woman was admitted again within it.
  const FOLLOWED = `
    SELECT s.id,
           EXISTS (SELECT 1 FROM "ShelterStay" n
                    WHERE n."personId" = s."personId" AND n."admittedOn" > s."movedOutOn" + 1
                      AND n."admittedOn" <= s."movedOutOn" + interval '12 months') AS repeat
      FROM "ShelterStay" s
     WHERE s."movedOutOn" IS NOT NULL AND s."movedOutOn" + interval '12 months' <= $1::date`;

  it('has enough followed move-outs for the 12-month rate to be shown, about a quarter of them back', async () => {
    const r = await one<{ n: number; back: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE repeat)::int AS back FROM (${FOLLOWED}) f`,
      [now.toISOString().slice(0, 10)],
    );
    // A rate is shown only with five or more on each side, after noise: keep well clear of it.
    expect(r.back).toBeGreaterThanOrEqual(10);
    expect(r.n - r.back).toBeGreaterThanOrEqual(10);
    expect(pct(r.back, r.n)).toBeGreaterThan(15);
    expect(pct(r.back, r.n)).toBeLessThan(35);
  });

  it('gives the psychology organisation one psychologist-led group, led by its psychologist, not yet started and empty', async () => {
    const groups = await db.prisma.course.findMany({
      where: { organization: { slug: 'psykisk-sundhed' } },
      include: { sessions: true, leaders: { include: { user: true } }, enrolments: true },
    });
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group?.leaders.map((l) => l.user.email)).toEqual(['psychologist@psykisk-sundhed.demo']);
    expect(group?.sessions).toHaveLength(10);
    expect(group?.enrolments).toEqual([]);
    expect(group?.startsOn.getTime()).toBeGreaterThan(startOfDay(now).getTime());
    const first = group?.sessions.find((x) => x.number === 1);
    expect(first?.date.getTime()).toBe(group?.startsOn.getTime());
    // No other organisation's course changed: the municipalities keep their courses.
    expect(await db.prisma.course.count()).toBe(summary.courses);
  });

  it('marks each second stay as a repeat stay and keeps psychologist hours within 10 per person', async () => {
    const stays = await one<{ repeats: number; seconds: number; over: number }>(
      `SELECT count(*) FILTER (WHERE "repeatStay")::int AS repeats,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "ShelterStay" e
                                              WHERE e."personId" = s."personId" AND e."admittedOn" < s."admittedOn"))::int AS seconds,
              (SELECT count(*) FROM "PsychologistHours" WHERE used > booked OR booked > 10)::int AS over
         FROM "ShelterStay" s`,
    );
    expect(stays.repeats).toBe(stays.seconds);
    expect(stays.repeats).toBeGreaterThan(0);
    expect(stays.over).toBe(0);
  });
});
