// Setups the group-course e2e tests share: the intake form's required answers, and a course with a
// participant's baseline-form link made through the gateway's API (the staff screens that do the same
// are covered by courses.e2e.test.ts).
import { labelOf, VIOLENCE_FORMS, VIOLENCE_STATUS } from '@vi/domain';
import type { Page } from 'playwright-core';
import { graphqlInPage } from './page-graphql.ts';

/** Whole days from today as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * On the intake form ("Visitation"): a woman of `age`, heard of the offer from the police, with one
 * form of violence ongoing and every other form not relevant.
 */
export async function fillIntakeAnswers(page: Page, { age, ongoing }: { age: string; ongoing: string }) {
  await page
    .getByRole('group', { name: /Hvad er borgerens køn\?/ })
    .getByRole('radio', { name: 'Kvinde' })
    .check();
  await page.getByLabel(/Hvor gammel er borgeren\?/).fill(age);
  await page
    .getByRole('group', { name: /Hvor har borgeren hørt om tilbuddet\?/ })
    .getByRole('checkbox', { name: 'Politi' })
    .check();
  for (const form of VIOLENCE_FORMS) {
    const row = page.getByRole('group', { name: labelOf(VIOLENCE_FORMS, form.code, 'da'), exact: true });
    const status = form.code === ongoing ? 'ONGOING' : 'NOT_RELEVANT';
    await row.getByRole('radio', { name: labelOf(VIOLENCE_STATUS, status, 'da'), exact: true }).check();
  }
}

/**
 * As the lead, through the gateway's API on `api` (a page of the staff browser, left logged in): a
 * course named `course` from the module-plan template with the first two group leaders and ten weekly
 * sessions from next week (so nothing has happened yet), the first person on the waiting list
 * enrolled, and a one-time link to that participant's baseline form. `groupLeaders` is how many
 * the seed has.
 */
export async function courseWithBaselineLink(
  api: Page,
  baseUrl: string,
  lead: { email: string; password: string },
  course: string,
): Promise<{ courseId: string; formLink: string; groupLeaders: number }> {
  await api.goto(`${baseUrl}/group-course/`);
  await graphqlInPage(api, 'mutation($input: LoginInput!) { login(input: $input) { id } }', {
    input: { email: lead.email, password: lead.password },
  });
  const setup = await graphqlInPage<{
    groupLeaders: Array<{ userId: string }>;
    modulePlans: Array<{ id: string; isTemplate: boolean }>;
    waitingList: Array<{ personId: string }>;
  }>(api, '{ groupLeaders { userId } modulePlans { id isTemplate } waitingList { personId } }');
  const plan = setup.modulePlans.find((p) => p.isTemplate) ?? setup.modulePlans[0];
  const person = setup.waitingList[0];
  if (!plan || !person) throw new Error('the demo seed has no module plan or nobody on the waiting list');
  const created = await graphqlInPage<{ createCourse: { course: { id: string } } }>(
    api,
    'mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }',
    {
      input: {
        name: course,
        venue: 'Frivillighuset',
        modulePlanId: plan.id,
        leaderIds: setup.groupLeaders.slice(0, 2).map((l) => l.userId),
        sessionDates: Array.from({ length: 10 }, (_, i) => dayFromToday(7 + 7 * i)),
      },
    },
  );
  const courseId = created.createCourse.course.id;
  const enrolled = await graphqlInPage<{ enrolParticipant: { enrolment: { id: string } } }>(
    api,
    'mutation($c: ID!, $p: ID!) { enrolParticipant(courseId: $c, personId: $p) { enrolment { id } } }',
    { c: courseId, p: person.personId },
  );
  const link = await graphqlInPage<{ openParticipantForm: { token: string } }>(
    api,
    'mutation($e: ID!) { openParticipantForm(enrolmentId: $e, kind: BASELINE) { token } }',
    { e: enrolled.enrolParticipant.enrolment.id },
  );
  return {
    courseId,
    formLink: `${baseUrl}/group-course/form#t=${link.openParticipantForm.token}`,
    groupLeaders: setup.groupLeaders.length,
  };
}
