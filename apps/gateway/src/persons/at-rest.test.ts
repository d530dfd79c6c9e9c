// Issue 10's acceptance, through the gateway: after the demo seed and the journeys staff and
// participants make (registration, risk assessment, police-list import, a call, a follow-up, a
// participant's own form, a second factor), a dump of the database (pg_dump on PostgreSQL, every
// table's rows on PGlite) holds none of the names, numbers or texts they typed in. The
// canaries are typed in through GraphQL exactly as a user would; each is read back through the
// API first, so the test cannot pass because a journey silently stored nothing.
import { DEMO_PASSWORD } from '@vi/db/seed';
import { dumpAsText } from '@vi/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../courses/iso-date.ts';
import { database, prisma } from '../database.ts';
import { demoBrowser, openDemoWorld } from '../input/demo-world.ts';
import { daysAgo } from '../outreach/outreach-test-fixtures.ts';
import type { GraphQLResponse } from '../testing/graphql-client.ts';
import { TestBrowser } from '../testing/graphql-client.ts';

const CANARY = {
  name: 'Kanariefugl Hemmeligsen',
  phone: '+4529876541',
  caseReference: 'KANARIE-SAG-4711',
  reachNote: 'Kanarie: ring kun tirsdag',
  safetyPlan: 'Kanarie-sikkerhedsplan med kodeord Solsikke',
  importName: 'Kanarie Importsen',
  importPhone: '29876542',
  declineText: 'Kanarie-afslag: har hjælp andetsteds',
  helpedOnToOther: 'Kanarie-jobcenter',
  comment: 'Kanarie-kommentar kun til mig',
};

const VIOLENCE_ROWS = [
  'PHYSICAL',
  'PSYCHOLOGICAL',
  'SEXUAL',
  'MATERIAL',
  'ECONOMIC',
  'DIGITAL',
  'STALKING',
  'HONOUR_RELATED',
  'OTHER',
];

function data<T>(response: GraphQLResponse): T {
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  return response.body.data as T;
}

beforeAll(async () => {
  await openDemoWorld();
}, 180_000);

describe('nothing readable at rest after the journeys', () => {
  it('stores every typed-in name, number and text encrypted', async () => {
    // Registration and risk assessment in journalised Køge.
    const intake = await demoBrowser('intake@koege.demo');
    const registered = data<{
      registerIntake: { personId: string; name: string; phone: string; reachNote: string };
    }>(
      await intake.graphql(
        `mutation($input: RegisterIntakeInput!) { registerIntake(input: $input) { personId name phone reachNote caseReference } }`,
        {
          input: {
            registeredOn: todayInDenmark(),
            name: CANARY.name,
            phone: CANARY.phone,
            caseReference: CANARY.caseReference,
            reachNote: CANARY.reachNote,
            answers: {
              gender: 'WOMAN',
              age: 41,
              heard_from: ['POLICE'],
              violence_status: Object.fromEntries(
                VIOLENCE_ROWS.map((row) => [row, row === 'PSYCHOLOGICAL' ? 'ONGOING' : 'NOT_RELEVANT']),
              ),
            },
          },
        },
      ),
    ).registerIntake;
    expect(registered).toMatchObject({ name: CANARY.name, phone: CANARY.phone, reachNote: CANARY.reachNote });
    const risk = await demoBrowser('risk@koege.demo');
    const assessed = data<{ recordRiskAssessment: { safetyPlan: string } }>(
      await risk.graphql(
        `mutation($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { safetyPlan } }`,
        {
          input: {
            personId: registered.personId,
            assessedOn: todayInDenmark(),
            riskLevel: 'LOW',
            safetyPlan: CANARY.safetyPlan,
            routes: ['GROUP_COURSE'],
          },
        },
      ),
    ).recordRiskAssessment;
    expect(assessed.safetyPlan).toBe(CANARY.safetyPlan);

    // Outreach: the police list, then a call that ends in a declined offer with a reason text.
    const worker = await demoBrowser('outreach@offerraadgivning.demo');
    data(
      await worker.graphql(
        'mutation($input: IncidentImportInput!) { importIncidents(input: $input) { summary { importedCount } } }',
        {
          input: {
            fileName: 'kanarie.csv',
            rows: [
              {
                incidentDate: daysAgo(3),
                incidentType: 'Vold',
                role: 'offer',
                name: CANARY.importName,
                phone: CANARY.importPhone,
              },
            ],
          },
        },
      ),
    );
    const claimed = data<{ claimNextCase: { caseId: string } }>(
      await worker.graphql('mutation { claimNextCase { caseId } }'),
    ).claimNextCase;
    data(
      await worker.graphql(
        'mutation($id: ID!, $input: CallOutcomeInput!) { recordCallOutcome(caseId: $id, input: $input) { status } }',
        {
          id: claimed.caseId,
          input: {
            outcome: 'DECLINED',
            declineReason: 'OTHER',
            declineReasonText: CANARY.declineText,
            surveyStatus: 'NOT_OFFERED',
          },
        },
      ),
    );

    // A group leader's follow-up and a participant's own form with a free-text comment.
    const leaderUser = await prisma().user.findUniqueOrThrow({ where: { email: 'leader@koege.demo' } });
    const enrolment = await prisma().enrolment.findFirstOrThrow({
      where: { withdrawnOn: null, course: { leaders: { some: { userId: leaderUser.id } } } },
      orderBy: { enrolledAt: 'desc' },
    });
    const leader = await demoBrowser('leader@koege.demo');
    const followUp = data<{ recordFollowUp: { helpedOnToOther: string } }>(
      await leader.graphql(
        'mutation($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { helpedOnToOther } }',
        {
          input: {
            enrolmentId: enrolment.id,
            status: 'BOOKED',
            on: todayInDenmark(),
            helpedOnTo: ['OTHER'],
            helpedOnToOther: CANARY.helpedOnToOther,
          },
        },
      ),
    ).recordFollowUp;
    expect(followUp.helpedOnToOther).toBe(CANARY.helpedOnToOther);
    await prisma().questionnaireResponse.deleteMany({
      where: { participantCode: enrolment.participantCode, kind: 'BASELINE' },
    });
    const opened = data<{ openParticipantForm: { token: string } }>(
      await leader.graphql(
        'mutation($id: ID!) { openParticipantForm(enrolmentId: $id, kind: BASELINE) { token } }',
        { id: enrolment.id },
      ),
    ).openParticipantForm;
    const participant = new TestBrowser();
    data(
      await participant.graphql(
        'mutation($token: String!, $answers: QuestionnaireAnswers!) { submitParticipantForm(token: $token, answers: $answers) { kind } }',
        {
          token: opened.token,
          answers: {
            inspire_o_1: 2,
            inspire_o_2: 3,
            inspire_o_3: 3,
            inspire_o_4: 4,
            inspire_o_5: 2,
            inspire_1: 4,
            inspire_2: 4,
            inspire_3: 5,
            inspire_4: 3,
            inspire_5: 4,
            comment: CANARY.comment,
          },
        },
      ),
    );
    const stored = await prisma().questionnaireResponse.findFirstOrThrow({
      where: { participantCode: enrolment.participantCode, kind: 'BASELINE' },
    });
    expect(stored.answersSealed).toBeTruthy();

    // A second factor: its shared secret is sealed too.
    const admin = await demoBrowser('admin@koege.demo');
    const started = data<{ startTwoFactorEnrolment: { secret: string } }>(
      await admin.graphql(
        'mutation($input: StartTwoFactorInput!) { startTwoFactorEnrolment(input: $input) { secret } }',
        { input: { currentPassword: DEMO_PASSWORD } },
      ),
    ).startTwoFactorEnrolment;

    const { tool, text } = await dumpAsText(database());
    expect(tool).toBe(process.env.DATABASE_URL ? 'pg_dump' : 'rows');
    const found = [...Object.values(CANARY), CANARY.phone.slice(3), started.secret].filter((canary) =>
      text.includes(canary),
    );
    expect(found, `found in the ${tool} dump`).toEqual([]);
  }, 240_000);
});
