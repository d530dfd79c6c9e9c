// Hate-crime aftercare through the gateway (issue 12): the whole flow from the outreach call to
// both tracks at two other organisations, what each organisation can see, and typed refusals.
// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
import { fieldKeyring, isEncryptedValue, type Role } from '@vi/db';
import { referralFieldsFor } from '@vi/domain';
import type { GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../courses/iso-date.ts';
import { openDatabase, prisma } from '../database.ts';
import { sealContact } from '../persons/field-crypto.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import type { GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';
import './index.ts';

type User = { id: string; email: string };
const w = {} as {
  sender: string;
  legal: string;
  psych: string;
  third: string;
  users: Record<
    | 'worker'
    | 'counsellor'
    | 'lead'
    | 'adviser'
    | 'psychologist'
    | 'thirdAdviser'
    | 'thirdPsychologist'
    | 'thirdWorker',
    User
  >;
  outreachCaseId: string;
  violenceCaseId: string;
  personId: string;
};

const today = todayInDenmark();
const year = Number(today.slice(0, 4));
const MARKERS = { name: 'Hadoffer Testesen', pseudonym: 'HC-PERSON-1', alias: 'Sami', phone: '+4522334455' };

async function browserFor(user: User): Promise<TestBrowser> {
  const { TestBrowser } = await import('../testing/graphql-client.ts');
  const browser = new TestBrowser();
  await browser.login(user.email, TEST_PASSWORD);
  return browser;
}

function codes(response: GraphQLResponse): unknown[] {
  return (response.body.errors ?? []).map((e) => e.extensions?.code);
}

function fields(response: GraphQLResponse): Array<{ field: string; code: string }> {
  return (
    (response.body.errors?.[0]?.extensions?.fields ?? []) as Array<{
      field: string;
      code: string;
      message: { da: string; en: string };
    }>
  ).map((f) => {
    expect(f.message.da).toBeTruthy();
    expect(f.message.en).toBeTruthy();
    return { field: f.field, code: f.code };
  });
}

function dataOf<T>(response: GraphQLResponse): T {
  if (response.body.errors?.length) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data as T;
}

async function outreachCase(organizationId: string, type: 'HATE_CRIME' | 'VIOLENCE', n: number) {
  const person = await prisma().person.create({
    data: { organizationId, pseudonym: `HC-PERSON-${n}` },
  });
  await prisma().personContact.create({
    data: {
      personId: person.id,
      organizationId,
      ...(await sealContact(organizationId, {
        name: MARKERS.name,
        alias: MARKERS.alias,
        phone: MARKERS.phone,
      })),
    },
  });
  const incident = await prisma().incident.create({
    data: {
      organizationId,
      occurredOn: new Date(`${today}T00:00:00Z`),
      type,
      hateMotive: type === 'HATE_CRIME' ? 'RELIGION' : null,
    },
  });
  const row = await prisma().outreachCase.create({
    data: {
      organizationId,
      personId: person.id,
      incidentId: incident.id,
      role: 'VICTIM',
      incidentType: type,
      status: 'REFERRED',
      callableFrom: new Date(`${today}T00:00:00Z`),
      callableUntil: new Date(`${today}T00:00:00Z`),
    },
  });
  return { personId: person.id, caseId: row.id };
}

beforeAll(async () => {
  await openDatabase();
  const org = (name: string, slug: string, kind: 'NGO' | 'MUNICIPALITY') =>
    createOrganization({ name, slug, kind }).then((o) => o.id);
  w.sender = await org('Offerrådgivningen HC', 'hc-sender', 'NGO');
  w.legal = await org('Retshjælpen HC', 'hc-legal', 'NGO');
  w.psych = await org('Center for Mental Sundhed HC', 'hc-psych', 'MUNICIPALITY');
  w.third = await org('Tredje organisation HC', 'hc-third', 'NGO');
  const make = async (who: string, organizationId: string, roles: Role[]) => {
    const email = `${who}@hc.test`;
    const user = await createUser({ email, memberships: roles.map((role) => ({ organizationId, role })) });
    return { id: user.id, email };
  };
  w.users = {
    worker: await make('worker', w.sender, ['OUTREACH_WORKER']),
    counsellor: await make('counsellor', w.sender, ['COUNSELLOR']),
    lead: await make('lead', w.sender, ['PROJECT_LEAD']),
    adviser: await make('adviser', w.legal, ['LEGAL_FINANCIAL_ADVISER']),
    psychologist: await make('psychologist', w.psych, ['PSYCHOLOGIST']),
    thirdAdviser: await make('third-adviser', w.third, ['LEGAL_FINANCIAL_ADVISER', 'PSYCHOLOGIST']),
    thirdPsychologist: await make('third-psychologist', w.third, ['PSYCHOLOGIST']),
    thirdWorker: await make('third-worker', w.third, ['OUTREACH_WORKER', 'COUNSELLOR', 'PROJECT_LEAD']),
  };
  const hate = await outreachCase(w.sender, 'HATE_CRIME', 1);
  w.outreachCaseId = hate.caseId;
  w.personId = hate.personId;
  w.violenceCaseId = (await outreachCase(w.sender, 'VIOLENCE', 2)).caseId;
});

const START = `mutation($input: StartHateCrimeAftercareInput!) {
  startHateCrimeAftercare(input: $input) { id pseudonym alias entryPoint outreachCaseId openedOn } }`;
const NEEDS = `mutation($id: ID!, $input: HateCrimeNeedsInput!) {
  recordHateCrimeNeeds(hateCrimeCaseId: $id, input: $input) { id offer { noOffer tracks { track firmness forms } } } }`;
const REFER = `mutation($id: ID!, $input: HateCrimeReferralInput!) {
  referHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id track status sentOn statusChangedOn receiverName } }`;
const CASE = `query($id: ID!) { hateCrimeCase(id: $id) { id pseudonym needs { legalFinancial } referrals { id track status receiverName } } }`;
const RECEIVED_FIELDS = `id pseudonym senderName track status nextStatuses sentOn startedOn consentGivenAt alias phone contactTimes
  preferredLanguage interpreterNeeded needFirmness incidentDate policeReportFiled policeJournalNumber legalTaskKinds
  psychologicalForms ageGroup hateMotive legalTasks { id kind status outcome closedOn possibleOutcomes }
  psychologicalSupport { form sessionsHeld groupName }`;
const RECEIVED = `{ receivedHateCrimeReferrals { ${RECEIVED_FIELDS} } }`;
const LEGAL_STATUS = `mutation($id: ID!, $input: HateCrimeReferralStatusInput!) {
  changeLegalReferralStatus(hateCrimeReferralId: $id, input: $input) { id status startedOn } }`;
const PSYCH_STATUS = `mutation($id: ID!, $input: HateCrimeReferralStatusInput!) {
  changePsychologicalReferralStatus(hateCrimeReferralId: $id, input: $input) { id status startedOn } }`;

/** The one received referral with this id, from the receiver's list (undefined when not in it). */
async function received(browser: TestBrowser, id: string): Promise<Record<string, unknown> | undefined> {
  const list = dataOf<{ receivedHateCrimeReferrals: Array<Record<string, unknown>> }>(
    await browser.graphql(RECEIVED),
  ).receivedHateCrimeReferrals;
  return list.find((r) => r.id === id);
}
const OPEN_TASK = `mutation($id: ID!, $input: OpenHateCrimeLegalTaskInput!) {
  openHateCrimeLegalTask(hateCrimeReferralId: $id, input: $input) { id status legalTasks { id kind status } } }`;
const TASK_STATUS = `mutation($id: ID!, $input: HateCrimeLegalTaskStatusInput!) {
  changeHateCrimeLegalTaskStatus(legalTaskId: $id, input: $input) { id legalTasks { id status outcome } } }`;
const SESSIONS = `mutation($id: ID!, $input: HateCrimeSessionsInput!) {
  recordHateCrimeSessions(hateCrimeReferralId: $id, input: $input) { id status psychologicalSupport { form sessionsHeld } } }`;

const LEGAL_INPUT = {
  track: 'LEGAL_FINANCIAL',
  consentGiven: true,
  contactTimes: 'Hverdage efter kl. 16',
  preferredLanguage: 'dansk',
  interpreterNeeded: false,
  incidentDate: today,
  policeReportFiled: true,
  policeJournalNumber: '0100-70101-00042-26',
  legalTaskKinds: ['COMPENSATION_CLAIM', 'REPORT_AND_CRIMINAL_CASE'],
  hateMotive: 'RELIGION',
};
const PSYCH_INPUT = {
  track: 'PSYCHOLOGICAL',
  consentGiven: true,
  contactTimes: 'Formiddag',
  psychologicalForms: ['INDIVIDUAL_SESSIONS', 'GROUP_PLACE'],
  ageGroup: 'AGE_30_39',
  hateMotive: 'RELIGION',
};

let caseId = '';
let legalReferralId = '';
let psychReferralId = '';

describe('hate-crime aftercare, the whole flow', () => {
  it('starts from the outreach call, assesses, refers with consent to both tracks, each closes its part, the sender sees statuses only', async () => {
    const worker = await browserFor(w.users.worker);
    const started = dataOf<{ startHateCrimeAftercare: { id: string; pseudonym: string; alias: string } }>(
      await worker.graphql(START, {
        input: { entryPoint: 'OUTREACH_CALL', outreachCaseId: w.outreachCaseId, openedOn: today },
      }),
    ).startHateCrimeAftercare;
    caseId = started.id;
    expect(started).toMatchObject({ pseudonym: 'HC-PERSON-1', alias: MARKERS.alias });
    // A second start from the same call is a conflict, not a second case.
    expect(
      codes(
        await worker.graphql(START, {
          input: { entryPoint: 'OUTREACH_CALL', outreachCaseId: w.outreachCaseId, openedOn: today },
        }),
      ),
    ).toEqual(['CONFLICT']);

    const offer = dataOf<{ recordHateCrimeNeeds: { offer: { tracks: unknown[] } } }>(
      await worker.graphql(NEEDS, {
        id: caseId,
        input: {
          assessedOn: today,
          individualPsychologist: 'CERTAINLY',
          legalFinancial: 'CERTAINLY',
          group: 'MAYBE',
        },
      }),
    ).recordHateCrimeNeeds.offer;
    expect(offer.tracks).toEqual([
      { track: 'LEGAL_FINANCIAL', firmness: 'CERTAINLY', forms: [] },
      { track: 'PSYCHOLOGICAL', firmness: 'CERTAINLY', forms: ['INDIVIDUAL_SESSIONS', 'GROUP_PLACE'] },
    ]);

    const receivers = dataOf<{ hateCrimeReceivers: Array<{ id: string }> }>(
      await worker.graphql('query($t: HateCrimeTrack!) { hateCrimeReceivers(track: $t) { id name } }', {
        t: 'PSYCHOLOGICAL',
      }),
    ).hateCrimeReceivers.map((r) => r.id);
    expect(receivers).toContain(w.psych);
    expect(receivers).not.toContain(w.sender);
    expect(receivers).not.toContain(w.legal);

    const legal = dataOf<{ referHateCrimeCase: Record<string, unknown> }>(
      await worker.graphql(REFER, { id: caseId, input: { ...LEGAL_INPUT, receiverOrganizationId: w.legal } }),
    ).referHateCrimeCase;
    expect(legal).toMatchObject({ track: 'LEGAL_FINANCIAL', status: 'SENT', receiverName: 'Retshjælpen HC' });
    legalReferralId = String(legal.id);
    const counsellor = await browserFor(w.users.counsellor);
    const psych = dataOf<{ referHateCrimeCase: Record<string, unknown> }>(
      await counsellor.graphql(REFER, {
        id: caseId,
        input: { ...PSYCH_INPUT, receiverOrganizationId: w.psych },
      }),
    ).referHateCrimeCase;
    psychReferralId = String(psych.id);
    const consent = await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: psychReferralId } });
    expect(consent.consentRecordedById).toBe(w.users.counsellor.id);
    expect(Date.now() - consent.consentGivenAt.getTime()).toBeLessThan(60_000);

    // The legal adviser: accept, open two tasks, close them with outcomes, complete.
    const adviser = await browserFor(w.users.adviser);
    const inbox = dataOf<{ receivedHateCrimeReferrals: Array<{ id: string }> }>(
      await adviser.graphql(RECEIVED),
    ).receivedHateCrimeReferrals;
    expect(inbox.map((r) => r.id)).toEqual([legalReferralId]);
    dataOf(
      await adviser.graphql(LEGAL_STATUS, { id: legalReferralId, input: { status: 'ACCEPTED', on: today } }),
    );
    dataOf(
      await adviser.graphql(OPEN_TASK, {
        id: legalReferralId,
        input: { kind: 'COMPENSATION_CLAIM', openedOn: today },
      }),
    );
    const opened = dataOf<{
      openHateCrimeLegalTask: { status: string; legalTasks: Array<{ id: string; kind: string }> };
    }>(
      await adviser.graphql(OPEN_TASK, {
        id: legalReferralId,
        input: { kind: 'REPORT_AND_CRIMINAL_CASE', openedOn: today },
      }),
    ).openHateCrimeLegalTask;
    expect(opened.status).toBe('STARTED');
    const [claim, report] = opened.legalTasks;
    dataOf(
      await adviser.graphql(TASK_STATUS, { id: claim?.id, input: { status: 'IN_PROGRESS', on: today } }),
    );
    dataOf(
      await adviser.graphql(TASK_STATUS, {
        id: claim?.id,
        input: { status: 'CLOSED', on: today, outcome: 'GRANTED' },
      }),
    );
    const closed = dataOf<{
      changeHateCrimeLegalTaskStatus: { legalTasks: Array<{ status: string; outcome: string }> };
    }>(
      await adviser.graphql(TASK_STATUS, {
        id: report?.id,
        input: { status: 'CLOSED', on: today, outcome: 'HELP_GIVEN' },
      }),
    ).changeHateCrimeLegalTaskStatus.legalTasks;
    expect(closed.map((t) => [t.status, t.outcome])).toEqual([
      ['CLOSED', 'GRANTED'],
      ['CLOSED', 'HELP_GIVEN'],
    ]);
    dataOf(
      await adviser.graphql(LEGAL_STATUS, { id: legalReferralId, input: { status: 'COMPLETED', on: today } }),
    );

    // The psychologist: accept, count sessions, complete.
    const psychologist = await browserFor(w.users.psychologist);
    dataOf(
      await psychologist.graphql(PSYCH_STATUS, {
        id: psychReferralId,
        input: { status: 'ACCEPTED', on: today },
      }),
    );
    const sessions = dataOf<{ recordHateCrimeSessions: { status: string; psychologicalSupport: unknown[] } }>(
      await psychologist.graphql(SESSIONS, {
        id: psychReferralId,
        input: { sessionsHeld: 4, lastSessionOn: today },
      }),
    ).recordHateCrimeSessions;
    expect(sessions).toMatchObject({
      status: 'STARTED',
      psychologicalSupport: [{ form: 'INDIVIDUAL_SESSIONS', sessionsHeld: 4 }],
    });
    dataOf(
      await psychologist.graphql(PSYCH_STATUS, {
        id: psychReferralId,
        input: { status: 'COMPLETED', on: today },
      }),
    );

    // The sender: both statuses, nothing else.
    const seen = dataOf<{ hateCrimeCase: { referrals: unknown[] } }>(
      await worker.graphql(CASE, { id: caseId }),
    ).hateCrimeCase.referrals;
    expect(seen).toEqual([
      { id: legalReferralId, track: 'LEGAL_FINANCIAL', status: 'COMPLETED', receiverName: 'Retshjælpen HC' },
      {
        id: psychReferralId,
        track: 'PSYCHOLOGICAL',
        status: 'COMPLETED',
        receiverName: 'Center for Mental Sundhed HC',
      },
    ]);
    const closedRows = await prisma().hateCrimeReferral.findMany({ where: { caseId } });
    expect(closedRows.every((r) => r.eraseAfter !== null)).toBe(true);

    // The lead: capacity and budget from the year's counts.
    const lead = await browserFor(w.users.lead);
    const view = dataOf<{ hateCrimeLeadView: Record<string, unknown> }>(
      await lead.graphql(
        `query($y: Int!) { hateCrimeLeadView(year: $y) { casesOpened victimsWithAftercare capacityStatus inputsEntered
          tracks { track sent started completed } yearlyCost yearlyBudget costPerVictim } }`,
        { y: year },
      ),
    ).hateCrimeLeadView;
    expect(view).toMatchObject({
      casesOpened: 1,
      victimsWithAftercare: 1,
      capacityStatus: 'BELOW_START_UP',
      inputsEntered: false,
      tracks: [
        { track: 'LEGAL_FINANCIAL', sent: 1, started: 1, completed: 1 },
        { track: 'PSYCHOLOGICAL', sent: 1, started: 1, completed: 1 },
      ],
    });
    const saved = dataOf<{ saveHateCrimeBudget: Record<string, unknown> }>(
      await lead.graphql(
        `mutation($y: Int!, $i: HateCrimeBudgetInput!) { saveHateCrimeBudget(year: $y, input: $i) {
          inputsEntered capacityPerYear yearlyCost yearlyBudget budgetUse overBudget costPerVictim } }`,
        {
          y: year,
          i: {
            capacityPerYear: 60,
            legalFinancialYearly: 400000,
            psychologicalYearly: 600000,
            otherYearly: 200000,
            yearlyBudget: 1000000,
            budgetYears: 2,
          },
        },
      ),
    ).saveHateCrimeBudget;
    expect(saved).toEqual({
      inputsEntered: true,
      capacityPerYear: 60,
      yearlyCost: 1200000,
      yearlyBudget: 1000000,
      budgetUse: 1.2,
      overBudget: true,
      costPerVictim: 1200000,
    });
  });
});

describe('what each organisation sees', () => {
  it('the receiving organisation gets exactly the handed-over fields of its track, as stored (encrypted) in the database', async () => {
    const adviser = await browserFor(w.users.adviser);
    const got = (await received(adviser, legalReferralId)) as Record<string, unknown>;
    expect(got).toBeDefined();
    const row = await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: legalReferralId } });
    const open = (v: string | null) => fieldKeyring().decrypt(prisma(), v);
    // Contact text is encrypted at rest, under the receiver's key, and equals what is shown.
    for (const column of [
      'alias',
      'phone',
      'contactTimes',
      'preferredLanguage',
      'policeJournalNumber',
    ] as const) {
      expect(isEncryptedValue(String(row[column]))).toBe(true);
      expect(got[column]).toBe(await open(row[column]));
    }
    expect(row.organizationId).toBe(w.legal);
    expect(got).toMatchObject({
      alias: MARKERS.alias,
      phone: MARKERS.phone,
      contactTimes: LEGAL_INPUT.contactTimes,
      policeJournalNumber: LEGAL_INPUT.policeJournalNumber,
      incidentDate: today,
      policeReportFiled: true,
      legalTaskKinds: LEGAL_INPUT.legalTaskKinds,
      hateMotive: 'RELIGION',
      needFirmness: 'CERTAINLY',
      psychologicalForms: [],
      ageGroup: null,
      senderName: 'Offerrådgivningen HC',
    });
    // The handed-over values present are the domain's allow-list for this track, no more.
    const handed = [
      'alias',
      'phone',
      'contactTimes',
      'preferredLanguage',
      'interpreterNeeded',
      'needFirmness',
      'incidentDate',
      'policeReportFiled',
      'policeJournalNumber',
      'legalTaskKinds',
      'psychologicalForms',
      'ageGroup',
      'hateMotive',
    ];
    const present = handed.filter(
      (f) => got[f] !== null && !(Array.isArray(got[f]) && (got[f] as unknown[]).length === 0),
    );
    expect(present.sort()).toEqual(
      [...referralFieldsFor('LEGAL_FINANCIAL', ['REPORT_AND_CRIMINAL_CASE'])].sort(),
    );
    // Nothing the sender holds beyond the hand-over: no name, no pseudonym, no person or case id.
    const text = JSON.stringify(got);
    for (const secret of [MARKERS.name, MARKERS.pseudonym, w.personId, caseId, w.outreachCaseId]) {
      expect(text).not.toContain(secret);
    }

    const psychologist = await browserFor(w.users.psychologist);
    const psych = await received(psychologist, psychReferralId);
    expect(psych).toMatchObject({
      incidentDate: null,
      policeReportFiled: null,
      policeJournalNumber: null,
      legalTaskKinds: [],
      psychologicalForms: ['INDIVIDUAL_SESSIONS', 'GROUP_PLACE'],
      ageGroup: 'AGE_30_39',
      legalTasks: [],
    });
    const psychRow = await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: psychReferralId } });
    expect([psychRow.incidentDate, psychRow.policeReportFiled, psychRow.policeJournalNumber]).toEqual([
      null,
      null,
      null,
    ]);

    const audit = await prisma().auditEvent.findFirst({
      where: {
        action: 'READ',
        entity: 'HateCrimeReferral',
        entityId: legalReferralId,
        userId: w.users.adviser.id,
      },
    });
    expect(audit?.detail).toEqual({ view: 'received' });
  });

  it('the sender cannot read the content of its referrals, and the refusal is audited', async () => {
    const worker = await browserFor(w.users.worker);
    const refused = await worker.graphql(RECEIVED);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.body.data).toBeNull();
    expect(
      codes(
        await worker.graphql(LEGAL_STATUS, {
          id: legalReferralId,
          input: { status: 'WITHDRAWN', on: today },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    // The status view has no content field to ask for.
    const { schema } = await import('../schema.ts');
    const statusView = schema.getType('HateCrimeReferralStatusView') as GraphQLObjectType;
    expect(Object.keys(statusView.getFields()).sort()).toEqual([
      'id',
      'receiverName',
      'sentOn',
      'status',
      'statusChangedOn',
      'track',
    ]);
    const denied = await prisma().auditEvent.count({
      where: { action: 'DENIED', userId: w.users.worker.id, entityId: 'receivedHateCrimeReferrals' },
    });
    expect(denied).toBe(1);
    // The adviser and the psychologist each see only their own track's referral.
    const adviser = await browserFor(w.users.adviser);
    expect(await received(adviser, psychReferralId)).toBeUndefined();
    expect(
      codes(
        await adviser.graphql(PSYCH_STATUS, {
          id: psychReferralId,
          input: { status: 'WITHDRAWN', on: today },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    const psychologist = await browserFor(w.users.psychologist);
    expect(
      codes(
        await psychologist.graphql(LEGAL_STATUS, {
          id: legalReferralId,
          input: { status: 'WITHDRAWN', on: today },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await adviser.graphql(CASE, { id: caseId }))).toEqual(['FORBIDDEN']);
  });

  it('a third organisation sees nothing and changes nothing', async () => {
    const before = await prisma().hateCrimeReferral.findMany({ orderBy: { id: 'asc' } });
    const third = await browserFor(w.users.thirdAdviser);
    expect(
      dataOf<{ receivedHateCrimeReferrals: unknown[] }>(await third.graphql(RECEIVED))
        .receivedHateCrimeReferrals,
    ).toEqual([]);
    for (const id of [legalReferralId, psychReferralId]) {
      for (const mutation of [LEGAL_STATUS, PSYCH_STATUS]) {
        expect(
          codes(await third.graphql(mutation, { id, input: { status: 'WITHDRAWN', on: today } })),
        ).toEqual(['NOT_FOUND']);
      }
    }
    const worker = await browserFor(w.users.thirdWorker);
    expect(codes(await worker.graphql(CASE, { id: caseId }))).toEqual(['NOT_FOUND']);
    expect(
      dataOf<{ hateCrimeCases: unknown[] }>(await worker.graphql('{ hateCrimeCases { id } }')).hateCrimeCases,
    ).toEqual([]);
    expect(
      codes(
        await worker.graphql(REFER, {
          id: caseId,
          input: { ...PSYCH_INPUT, receiverOrganizationId: w.psych },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    const view = dataOf<{ hateCrimeLeadView: { casesOpened: number; victimsWithAftercare: number } }>(
      await worker.graphql(
        'query($y: Int!) { hateCrimeLeadView(year: $y) { casesOpened victimsWithAftercare } }',
        { y: year },
      ),
    ).hateCrimeLeadView;
    expect(view).toEqual({ casesOpened: 0, victimsWithAftercare: 0 });
    expect(await prisma().hateCrimeReferral.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });
});

describe('bad input: typed errors naming the field, nothing changed', () => {
  let newCaseId = '';

  beforeAll(async () => {
    const worker = await browserFor(w.users.worker);
    newCaseId = dataOf<{ startHateCrimeAftercare: { id: string } }>(
      await worker.graphql(START, {
        input: { entryPoint: 'POLICE_HATE_CRIME_UNIT', openedOn: today, alias: 'Jo', phone: '22 33 44 66' },
      }),
    ).startHateCrimeAftercare.id;
    dataOf(
      await worker.graphql(NEEDS, {
        id: newCaseId,
        input: {
          assessedOn: today,
          individualPsychologist: 'NO',
          legalFinancial: 'MAYBE',
          group: 'CERTAINLY',
        },
      }),
    );
  });

  it('refuses a start from an outreach case that is not a hate crime, a future date, a bad phone', async () => {
    const worker = await browserFor(w.users.worker);
    const before = await prisma().hateCrimeAftercareCase.count();
    const notHate = await worker.graphql(START, {
      input: { entryPoint: 'OUTREACH_CALL', outreachCaseId: w.violenceCaseId, openedOn: today },
    });
    expect(fields(notHate)).toEqual([{ field: 'outreachCaseId', code: 'NOT_APPLICABLE' }]);
    const bad = await worker.graphql(START, {
      input: { entryPoint: 'SELF', openedOn: '2999-01-01', phone: '123' },
    });
    expect(codes(bad)).toEqual(['VALIDATION']);
    expect(fields(bad)).toEqual(
      expect.arrayContaining([
        { field: 'openedOn', code: 'DATE_IN_FUTURE' },
        { field: 'alias', code: 'REQUIRED' },
        { field: 'phone', code: 'INVALID_PHONE' },
      ]),
    );
    expect(await prisma().hateCrimeAftercareCase.count()).toBe(before);
  });

  it('refuses a referral without consent, to a track not offered, with fields the track may not receive, or to itself', async () => {
    const worker = await browserFor(w.users.worker);
    const refer = (input: Record<string, unknown>) => worker.graphql(REFER, { id: newCaseId, input });
    const noConsent = await refer({
      track: 'LEGAL_FINANCIAL',
      receiverOrganizationId: w.legal,
      consentGiven: false,
    });
    expect(fields(noConsent)).toEqual([{ field: 'consentGiven', code: 'CONSENT_REQUIRED' }]);
    const motive = await refer({
      track: 'LEGAL_FINANCIAL',
      receiverOrganizationId: w.legal,
      consentGiven: true,
      legalTaskKinds: ['COMPENSATION_CLAIM'],
      hateMotive: 'RELIGION',
    });
    expect(fields(motive)).toEqual([{ field: 'hateMotive', code: 'MOTIVE_NOT_FOR_TRACK' }]);
    const wrongFields = await refer({
      track: 'PSYCHOLOGICAL',
      receiverOrganizationId: w.psych,
      consentGiven: true,
      policeJournalNumber: '1234',
      legalTaskKinds: ['LOST_EARNINGS'],
    });
    expect(fields(wrongFields)).toEqual(
      expect.arrayContaining([
        { field: 'policeJournalNumber', code: 'FIELD_NOT_FOR_TRACK' },
        { field: 'legalTaskKinds', code: 'FIELD_NOT_FOR_TRACK' },
      ]),
    );
    const self = await refer({
      track: 'LEGAL_FINANCIAL',
      receiverOrganizationId: w.sender,
      consentGiven: true,
    });
    expect(fields(self)).toEqual([{ field: 'receiverOrganizationId', code: 'RECEIVER_IS_SENDER' }]);
    const unknown = await refer({
      track: 'LEGAL_FINANCIAL',
      receiverOrganizationId: w.psych,
      consentGiven: true,
    });
    expect(fields(unknown)).toEqual([{ field: 'receiverOrganizationId', code: 'UNKNOWN_OPTION' }]);
    const badEnum = await refer({ track: 'HOUSING', receiverOrganizationId: w.legal, consentGiven: true });
    expect(fields(badEnum)).toEqual([{ field: 'track', code: 'UNKNOWN_OPTION' }]);
    expect(await prisma().hateCrimeReferral.count({ where: { caseId: newCaseId } })).toBe(0);
  });

  it('refuses a closing without an outcome, an outcome that does not fit, and too many sessions', async () => {
    const worker = await browserFor(w.users.worker);
    const legal = dataOf<{ referHateCrimeCase: { id: string } }>(
      await worker.graphql(REFER, {
        id: newCaseId,
        input: {
          track: 'LEGAL_FINANCIAL',
          receiverOrganizationId: w.legal,
          consentGiven: true,
          legalTaskKinds: ['REPORT_AND_CRIMINAL_CASE'],
        },
      }),
    ).referHateCrimeCase.id;
    const adviser = await browserFor(w.users.adviser);
    // Not accepted yet: it cannot be worked.
    expect(
      codes(
        await adviser.graphql(OPEN_TASK, {
          id: legal,
          input: { kind: 'REPORT_AND_CRIMINAL_CASE', openedOn: today },
        }),
      ),
    ).toEqual(['CONFLICT']);
    dataOf(await adviser.graphql(LEGAL_STATUS, { id: legal, input: { status: 'ACCEPTED', on: today } }));
    const backwards = await adviser.graphql(LEGAL_STATUS, {
      id: legal,
      input: { status: 'SENT', on: today },
    });
    expect(fields(backwards)).toEqual([{ field: 'status', code: 'STATUS_CHANGE_NOT_ALLOWED' }]);
    const task = dataOf<{ openHateCrimeLegalTask: { legalTasks: Array<{ id: string }> } }>(
      await adviser.graphql(OPEN_TASK, {
        id: legal,
        input: { kind: 'REPORT_AND_CRIMINAL_CASE', openedOn: today },
      }),
    ).openHateCrimeLegalTask.legalTasks[0]?.id;
    const noOutcome = await adviser.graphql(TASK_STATUS, {
      id: task,
      input: { status: 'CLOSED', on: today },
    });
    expect(fields(noOutcome)).toEqual([{ field: 'outcome', code: 'OUTCOME_REQUIRED' }]);
    const wrongOutcome = await adviser.graphql(TASK_STATUS, {
      id: task,
      input: { status: 'CLOSED', on: today, outcome: 'GRANTED' },
    });
    expect(fields(wrongOutcome)).toEqual([{ field: 'outcome', code: 'OUTCOME_NOT_FOR_TASK' }]);
    const row = await prisma().hateCrimeLegalTask.findUniqueOrThrow({ where: { id: String(task) } });
    expect([row.status, row.outcome, row.closedOn]).toEqual(['OPENED', null, null]);

    const psych = dataOf<{ referHateCrimeCase: { id: string } }>(
      await worker.graphql(REFER, {
        id: newCaseId,
        input: {
          track: 'PSYCHOLOGICAL',
          receiverOrganizationId: w.psych,
          consentGiven: true,
          psychologicalForms: ['GROUP_PLACE'],
        },
      }),
    ).referHateCrimeCase.id;
    const psychologist = await browserFor(w.users.psychologist);
    dataOf(await psychologist.graphql(PSYCH_STATUS, { id: psych, input: { status: 'ACCEPTED', on: today } }));
    const tooMany = await psychologist.graphql(SESSIONS, {
      id: psych,
      input: { sessionsHeld: 60, lastSessionOn: today },
    });
    expect(fields(tooMany)).toEqual([{ field: 'sessionsHeld', code: 'OUT_OF_RANGE' }]);
    const badCourse = await psychologist.graphql(
      `mutation($id: ID!, $input: HateCrimeGroupPlaceInput!) { placeHateCrimeInGroup(hateCrimeReferralId: $id, input: $input) { id } }`,
      { id: psych, input: { courseId: '00000000-0000-4000-8000-000000000000', on: today } },
    );
    expect(fields(badCourse)).toEqual([{ field: 'courseId', code: 'UNKNOWN_OPTION' }]);
    expect(await prisma().hateCrimePsychologicalSupport.count({ where: { referralId: psych } })).toBe(0);
    expect((await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: psych } })).status).toBe(
      'ACCEPTED',
    );
  });
});

describe('a group place, and erasure after the retention period', () => {
  it('gives a place in one of the receiving organisation’s own groups through the course machinery', async () => {
    const worker = await browserFor(w.users.worker);
    const id = dataOf<{ startHateCrimeAftercare: { id: string } }>(
      await worker.graphql(START, {
        input: { entryPoint: 'SELF', openedOn: today, alias: 'Kim', phone: '22334477' },
      }),
    ).startHateCrimeAftercare.id;
    dataOf(
      await worker.graphql(NEEDS, {
        id,
        input: { assessedOn: today, individualPsychologist: 'NO', legalFinancial: 'NO', group: 'CERTAINLY' },
      }),
    );
    const referralId = dataOf<{ referHateCrimeCase: { id: string } }>(
      await worker.graphql(REFER, {
        id,
        input: {
          track: 'PSYCHOLOGICAL',
          receiverOrganizationId: w.psych,
          consentGiven: true,
          psychologicalForms: ['GROUP_PLACE'],
        },
      }),
    ).referHateCrimeCase.id;
    const course = await prisma().course.create({
      data: {
        organizationId: w.psych,
        name: 'Gruppe efter hadforbrydelser',
        venue: 'Center for Mental Sundhed',
        startsOn: new Date(`${today}T00:00:00Z`),
      },
    });
    const psychologist = await browserFor(w.users.psychologist);
    const groups = dataOf<{ hateCrimeGroupCourses: Array<{ id: string }> }>(
      await psychologist.graphql('{ hateCrimeGroupCourses { id name } }'),
    ).hateCrimeGroupCourses;
    expect(groups.map((g) => g.id)).toEqual([course.id]);
    dataOf(
      await psychologist.graphql(PSYCH_STATUS, { id: referralId, input: { status: 'ACCEPTED', on: today } }),
    );
    const placed = dataOf<{ placeHateCrimeInGroup: { status: string; psychologicalSupport: unknown[] } }>(
      await psychologist.graphql(
        `mutation($id: ID!, $input: HateCrimeGroupPlaceInput!) { placeHateCrimeInGroup(hateCrimeReferralId: $id, input: $input) {
          status psychologicalSupport { form sessionsHeld groupName } } }`,
        { id: referralId, input: { courseId: course.id, on: today } },
      ),
    ).placeHateCrimeInGroup;
    expect(placed).toEqual({
      status: 'STARTED',
      psychologicalSupport: [
        { form: 'GROUP_PLACE', sessionsHeld: null, groupName: 'Gruppe efter hadforbrydelser' },
      ],
    });
    // The enrolment and its person belong to the receiving organisation, under a pseudonym of its own.
    const enrolment = await prisma().enrolment.findFirstOrThrow({
      where: { courseId: course.id },
      include: { person: true },
    });
    expect(enrolment.organizationId).toBe(w.psych);
    expect(enrolment.person.organizationId).toBe(w.psych);
    expect(enrolment.person.pseudonym).toMatch(/^P-/);
    expect(await prisma().personContact.count({ where: { personId: enrolment.personId } })).toBe(0);
    // A second place for the same referral is a conflict.
    expect(
      codes(
        await psychologist.graphql(
          `mutation($id: ID!, $input: HateCrimeGroupPlaceInput!) { placeHateCrimeInGroup(hateCrimeReferralId: $id, input: $input) { id } }`,
          { id: referralId, input: { courseId: course.id, on: today } },
        ),
      ),
    ).toEqual(['CONFLICT']);
  });

  it('erases a closed referral’s handed-over contact text after the retention period; statuses and codes stay', async () => {
    const { applyHateCrimeRetention } = await import('./retention.ts');
    const row = await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: legalReferralId } });
    expect(row.eraseAfter).not.toBeNull();
    const eraseAfter = row.eraseAfter as Date;
    const before = await prisma().$transaction((tx) =>
      applyHateCrimeRetention(tx, new Date(eraseAfter.getTime() - 1000)),
    );
    expect(before.erasedReferrals).toBe(0);
    const result = await prisma().$transaction((tx) => applyHateCrimeRetention(tx, eraseAfter));
    expect(result.erasedReferrals).toBeGreaterThanOrEqual(1);
    const after = await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: legalReferralId } });
    expect([
      after.alias,
      after.phone,
      after.contactTimes,
      after.preferredLanguage,
      after.policeJournalNumber,
    ]).toEqual([null, null, null, null, null]);
    expect([after.status, after.legalTaskKinds, after.hateMotive]).toEqual([
      row.status,
      row.legalTaskKinds,
      row.hateMotive,
    ]);
    const audit = await prisma().auditEvent.findFirst({
      where: { action: 'DELETE', entity: 'HateCrimeReferral', entityId: legalReferralId },
    });
    expect(audit?.organizationId).toBe(w.legal);
    // An open referral keeps its text.
    const open = await prisma().hateCrimeReferral.findFirstOrThrow({ where: { status: 'ACCEPTED' } });
    expect(open.alias).not.toBeNull();
  });
});

describe('the sender withdraws a referral when consent is withdrawn, and closes the case', () => {
  it('withdraws only its own open referral, the receiver then sees it withdrawn; the case closes once nothing is open', async () => {
    const worker = await browserFor(w.users.worker);
    const id = dataOf<{ startHateCrimeAftercare: { id: string } }>(
      await worker.graphql(START, {
        input: { entryPoint: 'SELF', openedOn: today, alias: 'Noor', phone: '22334488' },
      }),
    ).startHateCrimeAftercare.id;
    dataOf(
      await worker.graphql(NEEDS, {
        id,
        input: { assessedOn: today, individualPsychologist: 'MAYBE', legalFinancial: 'NO', group: 'NO' },
      }),
    );
    const referralId = dataOf<{ referHateCrimeCase: { id: string } }>(
      await worker.graphql(REFER, {
        id,
        input: { track: 'PSYCHOLOGICAL', receiverOrganizationId: w.psych, consentGiven: true },
      }),
    ).referHateCrimeCase.id;
    const CLOSE = `mutation($id: ID!, $input: CloseHateCrimeCaseInput!) { closeHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id closedOn } }`;
    const WITHDRAW = `mutation($id: ID!, $input: WithdrawHateCrimeReferralInput!) {
      withdrawHateCrimeReferral(hateCrimeReferralId: $id, input: $input) { id status } }`;
    // Open referral: the case cannot close yet.
    expect(codes(await worker.graphql(CLOSE, { id, input: { closedOn: today } }))).toEqual(['CONFLICT']);
    // Neither the receiver's staff nor a third organisation's sender can withdraw it.
    const third = await browserFor(w.users.thirdWorker);
    expect(codes(await third.graphql(WITHDRAW, { id: referralId, input: { on: today } }))).toEqual([
      'NOT_FOUND',
    ]);
    const psychologist = await browserFor(w.users.psychologist);
    expect(codes(await psychologist.graphql(WITHDRAW, { id: referralId, input: { on: today } }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(fields(await worker.graphql(WITHDRAW, { id: referralId, input: { on: '2999-01-01' } }))).toEqual([
      { field: 'on', code: 'DATE_IN_FUTURE' },
    ]);

    expect(
      dataOf<{ withdrawHateCrimeReferral: { status: string } }>(
        await worker.graphql(WITHDRAW, { id: referralId, input: { on: today } }),
      ).withdrawHateCrimeReferral.status,
    ).toBe('WITHDRAWN');
    const row = await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: referralId } });
    expect(row.eraseAfter).not.toBeNull();
    expect((await received(psychologist, referralId))?.status).toBe('WITHDRAWN');
    // A withdrawn referral stays withdrawn.
    expect(fields(await worker.graphql(WITHDRAW, { id: referralId, input: { on: today } }))).toEqual([
      { field: 'status', code: 'STATUS_CHANGE_NOT_ALLOWED' },
    ]);

    expect(fields(await worker.graphql(CLOSE, { id, input: { closedOn: '2999-01-01' } }))).toEqual([
      { field: 'closedOn', code: 'DATE_IN_FUTURE' },
    ]);
    expect(
      dataOf<{ closeHateCrimeCase: { closedOn: string } }>(
        await worker.graphql(CLOSE, { id, input: { closedOn: today } }),
      ).closeHateCrimeCase.closedOn,
    ).toBe(today);
    const open = dataOf<{ hateCrimeCases: Array<{ id: string }> }>(
      await worker.graphql('{ hateCrimeCases { id } }'),
    ).hateCrimeCases;
    expect(open.map((c) => c.id)).not.toContain(id);
    expect(codes(await worker.graphql(CLOSE, { id, input: { closedOn: today } }))).toEqual(['CONFLICT']);
  });
});
