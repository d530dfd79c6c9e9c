// Synthetic group-course data (DOMAIN 2.2, seed 002) for one municipality:
// intake registrations, risk assessments, waiting list, courses with ten
// sessions, enrolments, attendance and the participants' own baseline and
// end forms. Proportions follow VIVE's evaluation; the anonymous stance
// (Odense) keeps no risk level, safety plan or name.
import {
  GROUP_SIZE_MAX,
  GROUP_SIZE_MIN,
  generateParticipantCode,
  HEARD_FROM,
  inspireScoresFromAnswers,
  SESSIONS_PER_COURSE,
  VIOLENCE_FORMS,
} from '@vi/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Gender, PrivacyStance, RiskRoute } from '../generated/prisma/enums.ts';
import { addDays, addHours } from './calendar.ts';
import { PseudonymIssuer, REACH_NOTES, syntheticFirstName, syntheticName, syntheticPhone } from './people.ts';
import { recordKeyOf, type SeededRandom } from './random.ts';

export interface CourseDemoPlan {
  /** Intake registrations to create. */
  intakeCount: number;
  /** Share of intakes whose primary route is each RiskRoute (seed 002: over 40% to a group course). */
  routeShares: Record<RiskRoute, number>;
  /** Share of men among those not referred to a group course (men rarely join one). */
  menOutsideCourses: number;
  /** Start of each course, in days relative to today (negative: in the past). */
  courseStartDays: readonly number[];
  venue: string;
  caseReferencePrefix: string;
}

export interface GroupCourseDemoInput {
  random: SeededRandom;
  now: Date;
  today: Date;
  organization: { id: string; stance: PrivacyStance; riskLevels: readonly string[] };
  staff: { intakeId: string; riskId: string; leaderIds: readonly [string, string] };
  modulePlan: { id: string; modules: readonly string[] };
  plan: CourseDemoPlan;
}

export interface GroupCourseDemoRows {
  persons: Prisma.PersonCreateManyInput[];
  contacts: Prisma.PersonContactCreateManyInput[];
  intakes: Prisma.IntakeRegistrationCreateManyInput[];
  riskAssessments: Prisma.RiskAssessmentCreateManyInput[];
  waitingList: Prisma.WaitingListEntryCreateManyInput[];
  courses: Prisma.CourseCreateManyInput[];
  leaders: Prisma.CourseLeaderCreateManyInput[];
  sessions: Prisma.CourseSessionCreateManyInput[];
  enrolments: Prisma.EnrolmentCreateManyInput[];
  attendance: Prisma.AttendanceCreateManyInput[];
  responses: Prisma.QuestionnaireResponseCreateManyInput[];
}

/** Sessions are held every 14 days (seed 002: at least every 14 days). */
const SESSION_INTERVAL_DAYS = 14;

// How common each violence form is among those who come forward and how
// often it is still going on (seed 002: 9 in 10 psychological, about half
// physical; still ongoing: psychological 62%, stalking 18%, physical 15%).
const VIOLENCE_PREVALENCE: Record<string, { present: number; ongoing: number }> = {
  PHYSICAL: { present: 0.5, ongoing: 0.3 },
  PSYCHOLOGICAL: { present: 0.9, ongoing: 0.69 },
  SEXUAL: { present: 0.2, ongoing: 0.2 },
  MATERIAL: { present: 0.15, ongoing: 0.3 },
  ECONOMIC: { present: 0.25, ongoing: 0.4 },
  DIGITAL: { present: 0.2, ongoing: 0.5 },
  STALKING: { present: 0.2, ongoing: 0.9 },
  HONOUR_RELATED: { present: 0.03, ongoing: 0.5 },
  OTHER: { present: 0, ongoing: 0 },
};
const STOPPED_MIX = {
  STOPPED_1_YEAR_OR_LESS: 45,
  STOPPED_2_YEARS: 20,
  STOPPED_3_YEARS: 12,
  STOPPED_4_YEARS: 8,
  STOPPED_5_YEARS_OR_MORE: 10,
  DONT_KNOW: 5,
};
const FREQUENCY_MIX = {
  ONCE: 5,
  LESS_THAN_MONTHLY: 20,
  MONTHLY_OR_MORE: 25,
  WEEKLY_OR_MORE: 30,
  DAILY: 15,
  UNSURE: 5,
};
const HEARD_FROM_MIX: Record<string, number> = {
  TRAINED_EMPLOYEE: 30,
  MUNICIPALITY: 20,
  POLICE: 15,
  HEALTH_SERVICE: 12,
  JOB_OR_EDUCATION: 5,
  SOCIAL_MEDIA: 10,
  CAMPAIGN_MATERIAL: 8,
};
const OTHER_SUPPORT_TEXTS = [
  'Psykologsamtaler via egen læge',
  'Familierådgivningen',
  'Juridisk rådgivning om skilsmisse',
];
const SAFETY_PLANS = [
  'Aftalt kodeord med veninde; taske med papirer står klar; kontakt til politiet ved nye trusler.',
  'Skifter rute til arbejde; telefon med hurtigopkald; nabo informeret.',
  'Overnatter hos søster ved optrapning; tovholder ringer en gang om ugen.',
];
const MONTHS_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

/** Exactly round(share × n) of each route, shuffled: the demo's proportions are the plan's, not luck's. */
function routeList(random: SeededRandom, plan: CourseDemoPlan): RiskRoute[] {
  const routes: RiskRoute[] = [];
  for (const [route, share] of Object.entries(plan.routeShares) as Array<[RiskRoute, number]>) {
    for (let i = 0; i < Math.round(share * plan.intakeCount); i++) routes.push(route);
  }
  while (routes.length < plan.intakeCount) routes.push('OTHER_SUPPORT');
  return random.sample(routes, plan.intakeCount);
}

function clampLikert(value: number): number {
  return Math.min(5, Math.max(1, Math.round(value)));
}

/** Five 1-5 answers scattered around a person's level on the scale. */
function likertItems(random: SeededRandom, prefix: string, level: number): Record<string, number> {
  const answers: Record<string, number> = {};
  for (let i = 1; i <= 5; i++) answers[`${prefix}_${i}`] = clampLikert(random.normal(level, 0.6));
  return answers;
}

export function buildGroupCourseDemo(input: GroupCourseDemoInput): GroupCourseDemoRows {
  const { random, now, today, organization, staff, modulePlan, plan } = input;
  const organizationId = organization.id;
  const anonymous = organization.stance === 'ANONYMOUS';
  const pseudonyms = new PseudonymIssuer(random);
  const rows: GroupCourseDemoRows = {
    persons: [],
    contacts: [],
    intakes: [],
    riskAssessments: [],
    waitingList: [],
    courses: [],
    leaders: [],
    sessions: [],
    enrolments: [],
    attendance: [],
    responses: [],
  };

  // ── Courses and their enrolment slots, so group-course intakes can be dated before their course.
  const courses = plan.courseStartDays.map((startDay, index) => {
    const startsOn = addDays(today, startDay);
    const id = random.uuid();
    const month = MONTHS_DA[startsOn.getUTCMonth()] ?? '';
    rows.courses.push({
      id,
      organizationId,
      modulePlanId: modulePlan.id,
      name: `Gruppeforløb ${month} ${startsOn.getUTCFullYear()} (hold ${index + 1})`,
      venue: plan.venue,
      startsOn,
      createdAt: addDays(startsOn, -30),
    });
    for (const userId of staff.leaderIds) rows.leaders.push({ courseId: id, userId });
    const sessions = Array.from({ length: SESSIONS_PER_COURSE }, (_, n) => ({
      id: random.uuid(),
      courseId: id,
      number: n + 1,
      date: addDays(startsOn, n * SESSION_INTERVAL_DAYS),
      title: modulePlan.modules[n] ?? `Session ${n + 1}`,
    }));
    rows.sessions.push(...sessions);
    return { id, startsOn, sessions, size: random.int(GROUP_SIZE_MIN, GROUP_SIZE_MAX), enrolled: 0 };
  });

  const routes = routeList(random, plan);
  let courseCursor = 0;

  routes.forEach((primaryRoute, index) => {
    const inCourseTrack = primaryRoute === 'GROUP_COURSE';
    const gender: Gender = inCourseTrack
      ? random.chance(0.99)
        ? 'WOMAN'
        : 'OTHER'
      : random.chance(plan.menOutsideCourses)
        ? 'MAN'
        : 'WOMAN';
    const age = Math.min(75, Math.max(18, Math.round(random.normal(38, 11))));

    // Group-course candidates fill the courses in order; the rest wait or went elsewhere.
    const course = inCourseTrack ? courses[courseCursor] : undefined;
    let registeredOn: Date;
    if (course) {
      registeredOn = addDays(course.startsOn, -random.int(21, 70));
      course.enrolled += 1;
      if (course.enrolled >= course.size) courseCursor += 1;
    } else if (inCourseTrack) {
      // Waiting for the next course.
      registeredOn = addDays(today, -random.int(5, 60));
    } else {
      registeredOn = addDays(today, -random.int(3, 300));
    }
    if (registeredOn.getTime() > today.getTime()) registeredOn = addDays(today, -1);
    const createdAt = addHours(registeredOn, 10);

    const personId = random.uuid();
    rows.persons.push({
      id: personId,
      recordKey: recordKeyOf(personId),
      organizationId,
      pseudonym: pseudonyms.next(),
      gender,
      birthYear: today.getUTCFullYear() - age,
      createdAt,
    });
    // An anonymous-stance organisation keeps only an alias and a phone number.
    rows.contacts.push(
      anonymous
        ? {
            personId,
            organizationId,
            alias: syntheticFirstName(random, gender),
            phone: syntheticPhone(random),
            createdAt,
          }
        : {
            personId,
            organizationId,
            name: syntheticName(random, gender),
            phone: syntheticPhone(random),
            caseReference: `${plan.caseReferencePrefix}-${String(1000 + index)}`,
            reachNote: random.chance(0.3) ? random.pick(REACH_NOTES) : null,
            createdAt,
          },
    );

    // ── The registration form, keyed by the questionnaire's item ids.
    const referredTo: RiskRoute[] = [primaryRoute];
    if ((primaryRoute === 'GROUP_COURSE' || primaryRoute === 'INDIVIDUAL_COURSE') && random.chance(0.1)) {
      referredTo.push('OTHER_SUPPORT');
    }
    const otherSupport = referredTo.includes('OTHER_SUPPORT') ? random.pick(OTHER_SUPPORT_TEXTS) : null;
    const heardFrom = [random.weighted(HEARD_FROM_MIX)];
    if (random.chance(0.2)) {
      const second = random.weighted(HEARD_FROM_MIX);
      if (!heardFrom.includes(second)) heardFrom.push(second);
    }
    const violenceStatus: Record<string, string> = {};
    const violenceFrequency: Record<string, string> = {};
    for (const form of VIOLENCE_FORMS) {
      const prevalence = VIOLENCE_PREVALENCE[form.code] ?? { present: 0, ongoing: 0 };
      if (random.chance(prevalence.present)) {
        violenceStatus[form.code] = random.chance(prevalence.ongoing)
          ? 'ONGOING'
          : random.weighted(STOPPED_MIX);
        violenceFrequency[form.code] = random.weighted(FREQUENCY_MIX);
      } else {
        violenceStatus[form.code] = 'NOT_RELEVANT';
      }
    }
    const saraDone = random.weighted({ YES: 80, NO: 12, DONT_KNOW: 8 });
    const answers: Record<string, unknown> = {
      gender,
      age,
      heard_from: heardFrom,
      violence_status: violenceStatus,
      violence_frequency: violenceFrequency,
      sara_done: saraDone,
      referred_to: referredTo,
      ...(otherSupport ? { referred_to_other: otherSupport } : {}),
    };
    const intakeId = random.uuid();
    rows.intakes.push({
      id: intakeId,
      organizationId,
      personId,
      registeredById: staff.intakeId,
      registeredOn,
      answers: answers as Prisma.InputJsonValue,
      gender,
      ageYears: age,
      heardFrom: heardFrom.filter((code) => HEARD_FROM.some((entry) => entry.code === code)),
      referredTo,
      createdAt,
    });

    // ── The SARA-V3 assessment that decided the route.
    const assessedOn = addDays(
      registeredOn,
      Math.min(
        random.int(2, 10),
        Math.max(0, Math.round((today.getTime() - registeredOn.getTime()) / 86_400_000)),
      ),
    );
    if (saraDone === 'YES') {
      rows.riskAssessments.push({
        id: random.uuid(),
        organizationId,
        personId,
        assessorId: staff.riskId,
        assessedOn,
        riskLevel: anonymous
          ? null
          : random.weighted(
              Object.fromEntries(organization.riskLevels.map((level, i) => [level, [35, 45, 20][i] ?? 10])),
            ),
        safetyPlan: anonymous ? null : random.pick(SAFETY_PLANS),
        reassessOn: addDays(assessedOn, 90),
        routes: referredTo,
        otherSupport,
        createdAt: addHours(assessedOn, 14),
      });
    }

    if (!inCourseTrack) return;
    const since = assessedOn;
    if (!course) {
      const entryId = random.uuid();
      rows.waitingList.push({
        id: entryId,
        organizationId,
        personId,
        since,
      });
      return;
    }
    const enrolledOn = addDays(course.startsOn, -random.int(2, 10));
    const entryId = random.uuid();
    rows.waitingList.push({
      id: entryId,
      organizationId,
      personId,
      since,
      leftOn: enrolledOn,
      leftReason: 'ENROLLED',
    });
    addParticipant(rows, random, { organizationId, course, personId, gender, age, enrolledOn, now, today });
  });

  return rows;
}

/** An enrolment with attendance and the participant's own forms. */
function addParticipant(
  rows: GroupCourseDemoRows,
  random: SeededRandom,
  args: {
    organizationId: string;
    course: { id: string; startsOn: Date; sessions: Array<{ id: string; number: number; date: Date }> };
    personId: string;
    gender: Gender;
    age: number;
    enrolledOn: Date;
    now: Date;
    today: Date;
  },
): void {
  const { organizationId, course, personId, gender, age, enrolledOn, now, today } = args;
  const enrolmentId = random.uuid();
  const participantCode = generateParticipantCode((length) => random.bytes(length));
  const held = course.sessions.filter((session) => session.date.getTime() <= today.getTime());
  const finished = held.length === SESSIONS_PER_COURSE;
  // About one in eight stops before the end (seed 002: 112 baseline forms, 102 end forms).
  const dropsAfter = random.chance(0.13) ? random.int(2, 7) : null;
  const withdrawnSession = dropsAfter !== null ? course.sessions[dropsAfter] : undefined;
  const withdrawnOn =
    withdrawnSession && withdrawnSession.date.getTime() <= today.getTime() ? withdrawnSession.date : null;

  let attended = 0;
  for (const session of held) {
    if (withdrawnOn && session.date.getTime() >= withdrawnOn.getTime()) break;
    const present = session.number === 1 || random.chance(0.87);
    if (present) attended += 1;
    rows.attendance.push({
      sessionId: session.id,
      enrolmentId,
      present,
      recordedAt: addHours(session.date, 19),
    });
  }

  rows.enrolments.push({
    id: enrolmentId,
    organizationId,
    courseId: course.id,
    personId,
    participantCode,
    enrolledAt: addHours(enrolledOn, 11),
    withdrawnOn,
    ...(finished && !withdrawnOn
      ? {
          followUpStatus: random.weighted({ BOOKED: 25, HELD: 40, CANCELLED: 35 }),
          followUpOn: addDays(course.startsOn, (SESSIONS_PER_COURSE - 1) * SESSION_INTERVAL_DAYS + 30),
        }
      : {}),
  });

  // Recovery (INSPIRE-O) starts near "i nogen grad" and rises by about one
  // answer category over the course; felt support from the leaders rises less.
  const recoveryBefore = random.normal(2.7, 0.55);
  const supportBefore = random.normal(3.4, 0.5);
  const firstSession = course.sessions[0];
  if (!firstSession || firstSession.date.getTime() > today.getTime()) return;
  const baseline = {
    gender,
    age,
    ...likertItems(random, 'inspire_o', recoveryBefore),
    ...likertItems(random, 'inspire', supportBefore),
  };
  rows.responses.push(
    response(random, {
      organizationId,
      courseId: course.id,
      participantCode,
      kind: 'BASELINE',
      answers: baseline,
      submittedAt: addHours(firstSession.date, 17),
    }),
  );

  const lastSession = course.sessions[SESSIONS_PER_COURSE - 1];
  // Drop-outs, and a few who finish but skip the last session, leave no end form.
  if (!finished || withdrawnOn || !lastSession || random.chance(0.05)) return;
  const end: Record<string, unknown> = {
    gender,
    sessions_attended: Math.max(1, attended),
    ...likertItems(random, 'inspire_o', recoveryBefore + random.normal(0.8, 0.45)),
    ...likertItems(random, 'inspire', supportBefore + random.normal(0.5, 0.4)),
    still_present: random.weighted({
      STOPPED: 35,
      YES_BETTER: 40,
      YES_SAME: 15,
      YES_WORSE: 5,
      LEFT_RELATION: 5,
    }),
    helped_on: random.weighted({ YES: 45, NOT_NEEDED: 35, NOT_HELPED_THOUGH_NEEDED: 20 }),
  };
  for (let i = 1; i <= 11; i++) end[`course_${i}`] = clampLikert(random.normal(4.1, 0.7));
  if (end.helped_on === 'YES')
    end.helped_on_to = [random.pick(['MUNICIPAL_OFFER', 'SUPPORT_CONTACT_PERSON', 'OWN_GP', 'QNET'])];
  rows.responses.push(
    response(random, {
      organizationId,
      courseId: course.id,
      participantCode,
      kind: 'END',
      answers: end,
      submittedAt: earliestOf(addHours(lastSession.date, 17), now),
    }),
  );
}

function earliestOf(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function response(
  random: SeededRandom,
  args: {
    organizationId: string;
    courseId: string;
    participantCode: string;
    kind: 'BASELINE' | 'END';
    answers: Record<string, unknown>;
    submittedAt: Date;
  },
): Prisma.QuestionnaireResponseCreateManyInput {
  const scores = inspireScoresFromAnswers(args.answers);
  const id = random.uuid();
  return {
    id,
    organizationId: args.organizationId,
    courseId: args.courseId,
    participantCode: args.participantCode,
    kind: args.kind,
    submittedAt: args.submittedAt,
    answers: args.answers as Prisma.InputJsonValue,
    inspireOScore: scores.inspireO,
    inspireScore: scores.inspire,
  };
}
