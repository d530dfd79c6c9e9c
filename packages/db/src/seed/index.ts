// The demo seed: three organisations, a login for every role and a few
// hundred synthetic cases whose proportions follow the seeds' figures
// (DOMAIN 2.1 and 2.2). Deterministic for a given "now", idempotent, and in
// one transaction so a failed run leaves nothing half-made.
import { hash } from '@node-rs/argon2';
import { fieldKeyring } from '../field-encryption.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { startOfDay } from './calendar.ts';
import { buildCostInputs } from './costs.ts';
import { buildGroupCourseDemo, type CourseDemoPlan, type GroupCourseDemoRows } from './group-course.ts';
import { buildHateCrimeDemo } from './hate-crime.ts';
import { DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, type DemoOrgSlug } from './organizations.ts';
import { buildOutreachDemo } from './outreach.ts';
import { SeededRandom } from './random.ts';
import { buildReachDemo } from './reach.ts';
import { sealAnswerRows, sealColumns, sealContactRows } from './sealed-rows.ts';
import { buildShelterDemo } from './shelter.ts';

export {
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_USERS,
  type DemoOrganization,
  type DemoOrgSlug,
  type DemoUser,
  demoMembershipSlugs,
} from './organizations.ts';

export interface SeedSummary {
  /** False when the demo organisations already existed and nothing was written. */
  seeded: boolean;
  organizations: number;
  users: number;
  memberships: number;
  outreachCases: number;
  callAttempts: number;
  referrals: number;
  intakes: number;
  riskAssessments: number;
  courses: number;
  enrolments: number;
  questionnaireResponses: number;
  costInputs: number;
  shelterStays: number;
  hateCrimeCases: number;
}

export interface SeedOptions {
  /** The moment the demo is built around (default: now). Same value, same data. */
  now?: Date;
}

/** Table 2.1 of seed 002, exactly as printed. */
export const MODULE_PLAN_TEMPLATES = [
  {
    name: 'Odense',
    modules: [
      'Præsentation',
      'Hvad er vold',
      'Voldens følgevirkninger del 1',
      'Voldens følgevirkninger del 2',
      'Vold i familien',
      'Sikkerhed og modstandshandlinger',
      'Skyld og skam',
      'Håb og drømme',
      'Netværk og fritid',
      'Afslutning',
    ],
  },
  {
    name: 'Køge',
    modules: [
      'Velkommen og voldsformerne',
      'Voldsspiralen og voldens cyklus',
      'Responser (følgevirkninger)',
      'Modstand og voldens modgift',
      'Skyld og skam som et etisk moralsk kompas',
      'Vold i familien',
      'Netværk og relationer',
      'Energi og fokus',
      'Risikofaktorer og sårbarhedsfaktorer',
      'Afslutning og opsamling på forløb',
    ],
  },
] as const;

// Seed 002: over 40% to a group course in both; Odense 27% individual (Køge
// 5%); 10-12% shelter; about a quarter other support; 3-5% no risk; 21%
// declined in Køge vs 5% in Odense. The shares below are of primary routes.
const ODENSE_PLAN: CourseDemoPlan = {
  intakeCount: 60,
  routeShares: {
    GROUP_COURSE: 0.45,
    INDIVIDUAL_COURSE: 0.22,
    SHELTER: 0.1,
    OTHER_SUPPORT: 0.13,
    NO_RISK_NO_REFERRAL: 0.05,
    DECLINED: 0.05,
  },
  menOutsideCourses: 0.16,
  // Two overlapping courses: each starts when the one before is half-way. The newest is at its
  // last sessions today (ninth 3 days ago, tenth in 11 days), so the demo can hand out end forms.
  courseStartDays: [-241, -178, -115],
  venue: 'Mødelokale 2, Borgerservice Syd, Odense (demo)',
  caseReferencePrefix: 'ODENSE',
};
const KOEGE_PLAN: CourseDemoPlan = {
  intakeCount: 32,
  routeShares: {
    GROUP_COURSE: 0.5,
    INDIVIDUAL_COURSE: 0.06,
    SHELTER: 0.12,
    OTHER_SUPPORT: 0.06,
    NO_RISK_NO_REFERRAL: 0.03,
    DECLINED: 0.23,
  },
  menOutsideCourses: 0.12,
  courseStartDays: [-200, -60],
  venue: 'Lokale 4, Sundhedshuset Køge (demo)',
  caseReferencePrefix: 'KOEGE-SAG',
};

const SEED = 20_260_401;

export async function seedDemo(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedSummary> {
  const slugs = DEMO_ORGANIZATIONS.map((organization) => organization.slug);
  const existing = await prisma.organization.count({ where: { slug: { in: slugs } } });
  if (existing > 0) {
    return {
      seeded: false,
      organizations: 0,
      users: 0,
      memberships: 0,
      outreachCases: 0,
      callAttempts: 0,
      referrals: 0,
      intakes: 0,
      riskAssessments: 0,
      courses: 0,
      enrolments: 0,
      questionnaireResponses: 0,
      costInputs: 0,
      shelterStays: 0,
      hateCrimeCases: 0,
    };
  }

  const now = options.now ?? new Date();
  const today = startOfDay(now);
  const random = new SeededRandom(SEED);

  // Organisations and logins added after the first demo take their ids from a stream of their own:
  // the main stream then draws exactly as before, so every person, case and date stays the same.
  const later = new SeededRandom(SEED + 1);
  const idFor = (entry: { addedLater?: true }) => (entry.addedLater ? later.uuid() : random.uuid());
  const orgIds = new Map<DemoOrgSlug, string>(DEMO_ORGANIZATIONS.map((o) => [o.slug, idFor(o)]));
  const orgId = (slug: DemoOrgSlug) => orgIds.get(slug) as string;
  const organizations = DEMO_ORGANIZATIONS.map((organization) => ({
    id: orgId(organization.slug),
    slug: organization.slug,
    name: organization.name,
    kind: organization.kind,
    stance: organization.stance,
    createdAt: new Date(today.getTime() - 365 * 86_400_000),
  }));

  // argon2id with the library's defaults: the gateway verifies with the same library. Every demo
  // user has the same published password, so one hash serves them all (one hash per user cost a
  // second of the first start).
  const passwordHash = await hash(DEMO_PASSWORD);
  const users = DEMO_USERS.map((user) => ({
    id: idFor(user),
    email: user.email,
    displayName: user.displayName,
    passwordHash,
    user,
  }));
  const memberships = users.flatMap(({ id, user }) =>
    [user.orgSlug, ...user.alsoMemberOf].map((slug) => ({
      id: idFor(user),
      userId: id,
      organizationId: orgId(slug),
      role: user.role,
    })),
  );
  memberships.push(
    ...users.flatMap(({ id, user }) =>
      (user.laterMemberOf ?? []).map((slug) => ({
        id: later.uuid(),
        userId: id,
        organizationId: orgId(slug),
        role: user.role,
      })),
    ),
  );
  const userId = (email: string) => {
    const found = users.find((user) => user.email === email);
    if (!found) throw new Error(`Demo user ${email} is not defined`);
    return found.id;
  };

  const templates = MODULE_PLAN_TEMPLATES.map((template) => ({
    id: random.uuid(),
    organizationId: null,
    name: template.name,
    modules: [...template.modules],
  }));

  const outreach = buildOutreachDemo({
    random,
    now,
    today,
    organizationId: orgId('offerraadgivning'),
    workerIds: [userId('outreach@offerraadgivning.demo'), userId('outreach2@offerraadgivning.demo')],
    counsellorId: userId('counsellor@offerraadgivning.demo'),
    rules: { callDelayDays: 2, callWindowDays: 30, maxCallAttempts: 3, contactRetentionDays: 90 },
  });
  const municipalities = (['odense', 'koege'] as const).map((slug, index) =>
    buildGroupCourseDemo({
      random,
      now,
      today,
      organization: {
        id: orgId(slug),
        stance: slug === 'odense' ? 'ANONYMOUS' : 'JOURNALISED',
        riskLevels: ['LOW', 'MODERATE', 'HIGH'],
      },
      staff: {
        intakeId: userId(`intake@${slug}.demo`),
        riskId: userId(`risk@${slug}.demo`),
        leaderIds: [userId(`leader@${slug}.demo`), userId(`leader2@${slug}.demo`)],
      },
      modulePlan: templates[index] as { id: string; modules: string[] },
      plan: slug === 'odense' ? ODENSE_PLAN : KOEGE_PLAN,
    }),
  );
  const all = <K extends keyof GroupCourseDemoRows>(key: K): GroupCourseDemoRows[K] =>
    municipalities.flatMap((rows) => rows[key] as unknown[]) as GroupCourseDemoRows[K];

  // Its own stream too: the shelter's rows leave every other demo row as it was.
  const shelter = buildShelterDemo({
    random: new SeededRandom(SEED + 2),
    today,
    organizationId: orgId('krisecenter'),
  });

  // Its own stream: the answers on who we reach leave every other demo row as it was.
  const reachAnswers = buildReachDemo({
    random: new SeededRandom(SEED + 3),
    outreachCases: outreach.cases,
    intakes: all('intakes'),
  });

  // Its own stream (SEED + 12, for issue 12, clear of the streams above and of any added next to
  // them): the psychology organisation's group and the aftercare cases leave every other demo row
  // as it was.
  const hateCrime = buildHateCrimeDemo({
    random: new SeededRandom(SEED + 12),
    now,
    today,
    psychologyOrganizationId: orgId('psykisk-sundhed'),
    psychologistId: userId('psychologist@psykisk-sundhed.demo'),
    senderOrganizationId: orgId('offerraadgivning'),
    legalOrganizationId: orgId('raadgivning-had'),
    senderUserIds: [
      userId('outreach@offerraadgivning.demo'),
      userId('outreach2@offerraadgivning.demo'),
      userId('counsellor@offerraadgivning.demo'),
    ],
    adviserId: userId('adviser@raadgivning-had.demo'),
    outreachPersons: outreach.persons,
  });

  const costInputs = buildCostInputs({
    year: today.getUTCFullYear(),
    outreachOrgId: orgId('offerraadgivning'),
    odenseId: orgId('odense'),
    koegeId: orgId('koege'),
  });

  const keyring = fieldKeyring();
  await prisma.$transaction(
    async (tx) => {
      await tx.organization.createMany({ data: organizations });
      await tx.user.createMany({
        data: users.map(({ id, email, displayName, passwordHash }) => ({
          id,
          email,
          displayName,
          passwordHash,
        })),
      });
      await tx.membership.createMany({ data: memberships });
      await tx.incidentTypeSetting.createMany({ data: outreach.incidentTypeSettings });
      await tx.modulePlan.createMany({ data: templates });
      await tx.importBatch.createMany({ data: outreach.importBatches });
      await tx.incident.createMany({
        data: await sealColumns(keyring, tx, outreach.incidents, ['hateMotive']),
      });
      await tx.person.createMany({ data: [...outreach.persons, ...all('persons')] });
      await tx.personContact.createMany({
        data: await sealContactRows(keyring, tx, [...outreach.contacts, ...all('contacts')]),
      });
      await tx.outreachCase.createMany({
        data: await sealColumns(keyring, tx, outreach.cases, ['declineReasonText']),
      });
      await tx.callAttempt.createMany({ data: outreach.attempts });
      await tx.referral.createMany({ data: outreach.referrals });
      await tx.intakeRegistration.createMany({ data: await sealAnswerRows(keyring, tx, all('intakes')) });
      await tx.riskAssessment.createMany({
        data: await sealColumns(keyring, tx, all('riskAssessments'), ['safetyPlan', 'otherSupport']),
      });
      await tx.waitingListEntry.createMany({ data: all('waitingList') });
      await tx.course.createMany({ data: all('courses') });
      await tx.courseLeader.createMany({ data: all('leaders') });
      await tx.courseSession.createMany({ data: all('sessions') });
      await tx.enrolment.createMany({
        data: await sealColumns(keyring, tx, all('enrolments'), ['helpedOnToOther']),
      });
      await tx.attendance.createMany({ data: all('attendance') });
      await tx.questionnaireResponse.createMany({
        data: await sealAnswerRows(keyring, tx, all('responses')),
      });
      await tx.costInput.createMany({ data: costInputs });
      await tx.person.createMany({ data: shelter.persons });
      await tx.shelterStay.createMany({ data: shelter.stays });
      await tx.shelterStayChild.createMany({ data: shelter.children });
      await tx.counsellingItem.createMany({ data: shelter.counsellingItems });
      await tx.psychologistHours.createMany({ data: shelter.hours });
      await tx.civilSocietyReferral.createMany({ data: shelter.civilSociety });
      await tx.reachAnswers.createMany({ data: reachAnswers });
      await tx.course.createMany({ data: hateCrime.courses });
      await tx.courseLeader.createMany({ data: hateCrime.leaders });
      await tx.courseSession.createMany({ data: hateCrime.sessions });
      await tx.person.createMany({ data: hateCrime.persons });
      await tx.personContact.createMany({ data: await sealContactRows(keyring, tx, hateCrime.contacts) });
      await tx.hateCrimeAftercareCase.createMany({
        data: await sealColumns(keyring, tx, hateCrime.cases, ['otherEntryText']),
      });
      await tx.hateCrimeNeedsAssessment.createMany({ data: hateCrime.needs });
      // The hand-over under the receiving organisation's key (the row's organizationId), as the
      // gateway seals it; the motive too (special-category data, encrypted at rest).
      await tx.hateCrimeReferral.createMany({
        data: await sealColumns(keyring, tx, hateCrime.referrals, [
          'alias',
          'phone',
          'contactTimes',
          'preferredLanguage',
          'policeJournalNumber',
          'hateMotive',
        ]),
      });
      await tx.hateCrimeLegalTask.createMany({ data: hateCrime.legalTasks });
      await tx.hateCrimePsychologicalSupport.createMany({ data: hateCrime.support });
    },
    { maxWait: 30_000, timeout: 120_000 },
  );

  return {
    seeded: true,
    organizations: organizations.length,
    users: users.length,
    memberships: memberships.length,
    outreachCases: outreach.cases.length,
    callAttempts: outreach.attempts.length,
    referrals: outreach.referrals.length,
    intakes: all('intakes').length,
    riskAssessments: all('riskAssessments').length,
    courses: all('courses').length + hateCrime.courses.length,
    enrolments: all('enrolments').length,
    questionnaireResponses: all('responses').length,
    costInputs: costInputs.length,
    shelterStays: shelter.stays.length,
    hateCrimeCases: hateCrime.cases.length,
  };
}
