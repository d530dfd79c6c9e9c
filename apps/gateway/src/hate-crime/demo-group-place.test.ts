// The demo's psychology organisation has a psychologist-led group (seed part hate-crime.ts), and
// its psychologist can give a referred person a place in it (issue 12): the demo seed in this
// file's database, the demo logins, the referral sent by the victim-counselling service.
// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../courses/iso-date.ts';
import { prisma } from '../database.ts';
import { demoBrowser, openDemoWorld } from '../input/demo-world.ts';
import type { GraphQLResponse } from '../testing/graphql-client.ts';
import './index.ts';

const today = todayInDenmark();

function dataOf<T>(response: GraphQLResponse): T {
  if (response.body.errors?.length) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data as T;
}

beforeAll(async () => {
  await openDemoWorld();
}, 120_000);

describe('the demo psychology organisation’s group', () => {
  it('is offered to its psychologist, who places a referred person in it through the course machinery', async () => {
    const group = await prisma().course.findFirstOrThrow({
      where: { organization: { slug: 'psykisk-sundhed' } },
      select: { id: true, name: true, organizationId: true },
    });

    const counsellor = await demoBrowser('counsellor@offerraadgivning.demo');
    const caseId = dataOf<{ startHateCrimeAftercare: { id: string } }>(
      await counsellor.graphql(
        `mutation($input: StartHateCrimeAftercareInput!) { startHateCrimeAftercare(input: $input) { id } }`,
        { input: { entryPoint: 'SELF', openedOn: today, alias: 'Noor', phone: '+4526778899' } },
      ),
    ).startHateCrimeAftercare.id;
    const offer = dataOf<{
      recordHateCrimeNeeds: { offer: { tracks: Array<{ track: string; forms: string[] }> } };
    }>(
      await counsellor.graphql(
        `mutation($id: ID!, $input: HateCrimeNeedsInput!) {
          recordHateCrimeNeeds(hateCrimeCaseId: $id, input: $input) { offer { tracks { track forms } } } }`,
        {
          id: caseId,
          input: {
            assessedOn: today,
            individualPsychologist: 'NO',
            legalFinancial: 'NO',
            group: 'CERTAINLY',
          },
        },
      ),
    ).recordHateCrimeNeeds.offer;
    expect(offer.tracks).toEqual([{ track: 'PSYCHOLOGICAL', forms: ['GROUP_PLACE'] }]);
    const receivers = dataOf<{ hateCrimeReceivers: Array<{ id: string; name: string }> }>(
      await counsellor.graphql(`{ hateCrimeReceivers(track: PSYCHOLOGICAL) { id name } }`),
    ).hateCrimeReceivers;
    expect(receivers.map((r) => r.id)).toContain(group.organizationId);
    const referralId = dataOf<{ referHateCrimeCase: { id: string } }>(
      await counsellor.graphql(
        `mutation($id: ID!, $input: HateCrimeReferralInput!) { referHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id } }`,
        {
          id: caseId,
          input: {
            track: 'PSYCHOLOGICAL',
            receiverOrganizationId: group.organizationId,
            consentGiven: true,
            psychologicalForms: ['GROUP_PLACE'],
          },
        },
      ),
    ).referHateCrimeCase.id;

    const psychologist = await demoBrowser('psychologist@psykisk-sundhed.demo');
    const groups = dataOf<{ hateCrimeGroupCourses: Array<{ id: string; name: string }> }>(
      await psychologist.graphql('{ hateCrimeGroupCourses { id name } }'),
    ).hateCrimeGroupCourses;
    expect(groups).toEqual([{ id: group.id, name: group.name }]);
    dataOf(
      await psychologist.graphql(
        `mutation($id: ID!, $input: HateCrimeReferralStatusInput!) {
          changePsychologicalReferralStatus(hateCrimeReferralId: $id, input: $input) { id } }`,
        { id: referralId, input: { status: 'ACCEPTED', on: today } },
      ),
    );
    const placed = dataOf<{
      placeHateCrimeInGroup: {
        status: string;
        psychologicalSupport: Array<{ form: string; groupName: string }>;
      };
    }>(
      await psychologist.graphql(
        `mutation($id: ID!, $input: HateCrimeGroupPlaceInput!) {
          placeHateCrimeInGroup(hateCrimeReferralId: $id, input: $input) { status psychologicalSupport { form groupName } } }`,
        { id: referralId, input: { courseId: group.id, on: today } },
      ),
    ).placeHateCrimeInGroup;
    expect(placed).toEqual({
      status: 'STARTED',
      psychologicalSupport: [{ form: 'GROUP_PLACE', groupName: group.name }],
    });

    // In the database: one enrolment in the demo group, under a person of the psychology
    // organisation (not the sender's), linked from the support row.
    const support = await prisma().hateCrimePsychologicalSupport.findFirstOrThrow({
      where: { referralId },
      include: { enrolment: { include: { person: true } } },
    });
    expect(support.enrolment?.courseId).toBe(group.id);
    expect(support.enrolment?.organizationId).toBe(group.organizationId);
    expect(support.enrolment?.person.organizationId).toBe(group.organizationId);
    expect(await prisma().enrolment.count({ where: { courseId: group.id } })).toBe(1);
  });
});
