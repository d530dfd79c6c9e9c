// Demo data for hate-crime aftercare (DOMAIN 2.3).
//
// 1. A psychologist-led group at the psychology organisation, so the psychologist's "place in a
//    group" can be shown. "Mandagsmail til BIU: Orientering om undersøgelse af evt. efterværn til
//    ofre for hadforbrydelser" says victims ask for group sessions led by psychologists or
//    therapists (32 % would use them), and that the mental-health centre already runs such groups
//    and could set up courses for this group of people. The group runs on the course machinery (a
//    Course with its sessions); nobody is enrolled yet: places come from referrals.
// 2. About two years of aftercare cases at the victim-counselling service (hate-crime-cases.ts):
//    the model's first two years at demo scale, so the evaluation's hate-crime figures and the
//    lead's view have something above the disclosure threshold to show.
import { SESSIONS_PER_COURSE } from '@vi/domain';
import type { Prisma } from '../generated/prisma/client.ts';
import { addDays } from './calendar.ts';
import { buildHateCrimeCases, type HateCrimeCaseRows, type HateCrimeCasesInput } from './hate-crime-cases.ts';
import type { SeededRandom } from './random.ts';

/** Days from today to the group's first session: far enough ahead that a referral can still join. */
const GROUP_STARTS_IN_DAYS = 21;
/** The course machinery's rhythm (group courses meet at least every 14 days). */
const SESSION_INTERVAL_DAYS = 14;

export interface HateCrimeDemoRows extends HateCrimeCaseRows {
  courses: Prisma.CourseCreateManyInput[];
  leaders: Prisma.CourseLeaderCreateManyInput[];
  sessions: Prisma.CourseSessionCreateManyInput[];
}

/**
 * Builds the psychology organisation's group, then the cases. Draws from its own random stream
 * (the caller's `random` is dedicated to it), so every other demo row stays exactly as it was; the
 * group draws first, so it is the same group as before the cases were added.
 */
export function buildHateCrimeDemo(
  args: {
    random: SeededRandom;
    today: Date;
    psychologyOrganizationId: string;
    psychologistId: string;
  } & Omit<HateCrimeCasesInput, 'random' | 'today' | 'psychologicalOrganizationId' | 'psychologistId'>,
): HateCrimeDemoRows {
  const { random, today, psychologyOrganizationId, psychologistId } = args;
  const courseId = random.uuid();
  const startsOn = addDays(today, GROUP_STARTS_IN_DAYS);
  const group = {
    courses: [
      {
        id: courseId,
        organizationId: psychologyOrganizationId,
        modulePlanId: null,
        name: 'Psykologledet gruppe for ofre for hadforbrydelser (demo)',
        venue: 'Gruppelokalet, Center for Psykisk Sundhed (demo)',
        startsOn,
        createdAt: addDays(today, -14),
      },
    ],
    leaders: [{ courseId, userId: psychologistId }],
    sessions: Array.from({ length: SESSIONS_PER_COURSE }, (_, n) => ({
      id: random.uuid(),
      courseId,
      number: n + 1,
      date: addDays(startsOn, n * SESSION_INTERVAL_DAYS),
      title: `Gruppesamtale ${n + 1}`,
    })),
  };
  const cases = buildHateCrimeCases({
    ...args,
    psychologicalOrganizationId: psychologyOrganizationId,
    psychologistId,
  });
  return { ...group, ...cases };
}
