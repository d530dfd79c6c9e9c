// Hate-crime aftercare attacked by hostile logged-in users, each with only what that user has
// (its own session, ids it saw or guessed), and what they learn compared with the truth in the
// database: the sending organisation trying every path to the handed-over content and the
// receivers' work, a third organisation, a psychologist and an adviser of one organisation
// reaching for each other's track, and the motive (special-category data) kept out of every
// type it is not needed in, out of the audit trail and out of the evaluation.
// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
import { isEncryptedValue, type Role } from '@vi/db';
import { dumpAsText } from '@vi/db/testing';
import {
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../courses/iso-date.ts';
import { database, openDatabase, prisma } from '../database.ts';
import { sealText } from '../persons/field-crypto.ts';
import { createOrganization, createUser } from '../testing/fixtures.ts';
import {
  browserWithSession,
  errorCodes,
  type GraphQLResponse,
  type TestBrowser,
} from '../testing/graphql-client.ts';
import './index.ts';

const today = todayInDenmark();
// Markers typed in by the sender; none may reach anyone but the receiver of the track.
const SECRET = {
  alias: 'Kanarie-Alias',
  contactTimes: 'Kanarie: kun torsdag aften',
  language: 'Kanarie-sprog',
  journal: 'KANARIE-0100-4711',
};
// A motive no other test file of this world uses, so finding it anywhere is this referral's leak.
const MOTIVE = 'SEXUAL_ORIENTATION';

type Who =
  | 'worker'
  | 'dual'
  | 'lead'
  | 'admin'
  | 'adviser'
  | 'psychologist'
  | 'bothAdviser'
  | 'bothPsychologist'
  | 'third'
  | 'legalLead';
const w = {
  org: { sender: '', legal: '', psych: '', both: '', third: '' },
  user: {} as Record<Who, { id: string; organizationId: string }>,
  caseId: '',
  legalId: '',
  psychId: '',
  bothCaseId: '',
  bothLegalId: '',
  bothPsychId: '',
  taskId: '',
  supportId: '',
};

function as(who: Who): Promise<TestBrowser> {
  const user = w.user[who];
  return browserWithSession(user.id, user.organizationId);
}

function dataOf<T>(response: GraphQLResponse): T {
  if (response.body.errors?.length) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data as T;
}

const START = `mutation($input: StartHateCrimeAftercareInput!) { startHateCrimeAftercare(input: $input) { id } }`;
const NEEDS = `mutation($id: ID!, $input: HateCrimeNeedsInput!) {
  recordHateCrimeNeeds(hateCrimeCaseId: $id, input: $input) { id } }`;
const REFER = `mutation($id: ID!, $input: HateCrimeReferralInput!) {
  referHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id track status } }`;
const WITHDRAW = `mutation($id: ID!, $input: WithdrawHateCrimeReferralInput!) {
  withdrawHateCrimeReferral(hateCrimeReferralId: $id, input: $input) { id status } }`;
const CLOSE = `mutation($id: ID!, $input: CloseHateCrimeCaseInput!) {
  closeHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id closedOn } }`;
const CASE = `query($id: ID!) { hateCrimeCase(id: $id) { id referrals { id track status receiverName } } }`;
const RECEIVED_FIELDS = `id track status alias phone contactTimes preferredLanguage policeJournalNumber hateMotive
  legalTasks { id kind status outcome } psychologicalSupport { id form sessionsHeld }`;
const RECEIVED = `query($track: HateCrimeTrack) { receivedHateCrimeReferrals(track: $track) { ${RECEIVED_FIELDS} } }`;
const LEGAL_STATUS = `mutation($id: ID!, $input: HateCrimeReferralStatusInput!) {
  changeLegalReferralStatus(hateCrimeReferralId: $id, input: $input) { id status } }`;
const PSYCH_STATUS = `mutation($id: ID!, $input: HateCrimeReferralStatusInput!) {
  changePsychologicalReferralStatus(hateCrimeReferralId: $id, input: $input) { id status } }`;
const OPEN_TASK = `mutation($id: ID!, $input: OpenHateCrimeLegalTaskInput!) {
  openHateCrimeLegalTask(hateCrimeReferralId: $id, input: $input) { id } }`;
const TASK_STATUS = `mutation($id: ID!, $input: HateCrimeLegalTaskStatusInput!) {
  changeHateCrimeLegalTaskStatus(legalTaskId: $id, input: $input) { id } }`;
const SESSIONS = `mutation($id: ID!, $input: HateCrimeSessionsInput!) {
  recordHateCrimeSessions(hateCrimeReferralId: $id, input: $input) { id } }`;
const GROUP = `mutation($id: ID!, $input: HateCrimeGroupPlaceInput!) {
  placeHateCrimeInGroup(hateCrimeReferralId: $id, input: $input) { id } }`;

const LEGAL_INPUT = {
  track: 'LEGAL_FINANCIAL',
  consentGiven: true,
  alias: SECRET.alias,
  contactTimes: SECRET.contactTimes,
  preferredLanguage: SECRET.language,
  policeReportFiled: true,
  policeJournalNumber: SECRET.journal,
  legalTaskKinds: ['REPORT_AND_CRIMINAL_CASE'],
  hateMotive: MOTIVE,
};
const PSYCH_INPUT = {
  track: 'PSYCHOLOGICAL',
  consentGiven: true,
  alias: SECRET.alias,
  contactTimes: SECRET.contactTimes,
  psychologicalForms: ['INDIVIDUAL_SESSIONS'],
  ageGroup: 'AGE_30_39',
  hateMotive: MOTIVE,
};

async function caseWithReferrals(worker: TestBrowser, legalTo: string, psychTo: string) {
  const id = dataOf<{ startHateCrimeAftercare: { id: string } }>(
    await worker.graphql(START, {
      input: { entryPoint: 'SELF', openedOn: today, alias: SECRET.alias, phone: '+4526112233' },
    }),
  ).startHateCrimeAftercare.id;
  dataOf(
    await worker.graphql(NEEDS, {
      id,
      input: {
        assessedOn: today,
        individualPsychologist: 'CERTAINLY',
        legalFinancial: 'CERTAINLY',
        group: 'NO',
      },
    }),
  );
  const refer = async (input: Record<string, unknown>) =>
    dataOf<{ referHateCrimeCase: { id: string } }>(await worker.graphql(REFER, { id, input }))
      .referHateCrimeCase.id;
  return {
    id,
    legalId: await refer({ ...LEGAL_INPUT, receiverOrganizationId: legalTo }),
    psychId: await refer({ ...PSYCH_INPUT, receiverOrganizationId: psychTo }),
  };
}

/** Everything any of these attacks could change, as stored. */
async function truth() {
  return {
    cases: await prisma().hateCrimeAftercareCase.findMany({ orderBy: { id: 'asc' } }),
    referrals: await prisma().hateCrimeReferral.findMany({ orderBy: { id: 'asc' } }),
    tasks: await prisma().hateCrimeLegalTask.findMany({ orderBy: { id: 'asc' } }),
    support: await prisma().hateCrimePsychologicalSupport.findMany({ orderBy: { id: 'asc' } }),
    enrolments: await prisma().enrolment.count(),
  };
}

beforeAll(async () => {
  await openDatabase();
  const org = (name: string, slug: string, kind: 'NGO' | 'MUNICIPALITY') =>
    createOrganization({ name, slug, kind }).then((o) => o.id);
  w.org.sender = await org('Offerrådgivningen HCA', 'hca-sender', 'NGO');
  w.org.legal = await org('Retshjælpen HCA', 'hca-legal', 'NGO');
  w.org.psych = await org('Mental Sundhed HCA', 'hca-psych', 'MUNICIPALITY');
  w.org.both = await org('Begge spor HCA', 'hca-both', 'MUNICIPALITY');
  w.org.third = await org('Tredje HCA', 'hca-third', 'NGO');
  const make = async (who: Who, organizationId: string, roles: Role[]) => {
    const user = await createUser({
      email: `${who}@hca.test`,
      memberships: roles.map((role) => ({ organizationId, role })),
    });
    w.user[who] = { id: user.id, organizationId };
  };
  await make('worker', w.org.sender, ['OUTREACH_WORKER']);
  // A sender who also holds both receiving roles in the sending organisation.
  await make('dual', w.org.sender, ['COUNSELLOR', 'LEGAL_FINANCIAL_ADVISER', 'PSYCHOLOGIST']);
  await make('lead', w.org.sender, ['PROJECT_LEAD']);
  await make('admin', w.org.sender, ['ADMIN']);
  await make('adviser', w.org.legal, ['LEGAL_FINANCIAL_ADVISER']);
  await make('legalLead', w.org.legal, ['PROJECT_LEAD', 'ADMIN']);
  await make('psychologist', w.org.psych, ['PSYCHOLOGIST']);
  await make('bothAdviser', w.org.both, ['LEGAL_FINANCIAL_ADVISER']);
  await make('bothPsychologist', w.org.both, ['PSYCHOLOGIST']);
  await make('third', w.org.third, [
    'OUTREACH_WORKER',
    'COUNSELLOR',
    'PROJECT_LEAD',
    'LEGAL_FINANCIAL_ADVISER',
    'PSYCHOLOGIST',
    'ADMIN',
  ]);

  const worker = await as('worker');
  const one = await caseWithReferrals(worker, w.org.legal, w.org.psych);
  [w.caseId, w.legalId, w.psychId] = [one.id, one.legalId, one.psychId];
  // One organisation that receives both tracks: its adviser and psychologist must stay apart.
  const two = await caseWithReferrals(worker, w.org.both, w.org.both);
  [w.bothCaseId, w.bothLegalId, w.bothPsychId] = [two.id, two.legalId, two.psychId];

  // The receivers work their referrals, so there are tasks and sessions to reach for.
  const adviser = await as('adviser');
  dataOf(await adviser.graphql(LEGAL_STATUS, { id: w.legalId, input: { status: 'ACCEPTED', on: today } }));
  dataOf(
    await adviser.graphql(OPEN_TASK, {
      id: w.legalId,
      input: { kind: 'REPORT_AND_CRIMINAL_CASE', openedOn: today },
    }),
  );
  const psychologist = await as('psychologist');
  dataOf(
    await psychologist.graphql(PSYCH_STATUS, { id: w.psychId, input: { status: 'ACCEPTED', on: today } }),
  );
  dataOf(
    await psychologist.graphql(SESSIONS, { id: w.psychId, input: { sessionsHeld: 2, lastSessionOn: today } }),
  );
  w.taskId = (await prisma().hateCrimeLegalTask.findFirstOrThrow({ where: { referralId: w.legalId } })).id;
  w.supportId = (
    await prisma().hateCrimePsychologicalSupport.findFirstOrThrow({ where: { referralId: w.psychId } })
  ).id;
}, 120_000);

/** Every receiver-side mutation aimed at the referral (and task) ids the attacker holds. */
function receiverCalls(referralIds: string[]): Array<[string, Record<string, unknown>]> {
  const calls: Array<[string, Record<string, unknown>]> = [];
  for (const id of referralIds) {
    calls.push(
      [LEGAL_STATUS, { id, input: { status: 'WITHDRAWN', on: today } }],
      [PSYCH_STATUS, { id, input: { status: 'WITHDRAWN', on: today } }],
      [OPEN_TASK, { id, input: { kind: 'COMPENSATION_CLAIM', openedOn: today } }],
      [SESSIONS, { id, input: { sessionsHeld: 9, lastSessionOn: today } }],
      [GROUP, { id, input: { courseId: '00000000-0000-4000-8000-000000000001', on: today } }],
    );
  }
  calls.push([TASK_STATUS, { id: w.taskId, input: { status: 'CLOSED', on: today, outcome: 'HELP_GIVEN' } }]);
  return calls;
}

describe('the sending organisation reaches for the content it handed over', () => {
  it('every query path, alias and nested field gives statuses only, never content or the motive', async () => {
    const worker = await as('worker');
    // Its own case, with aliases and every field the status view has, twice over.
    const own = await worker.graphql(
      `query($id: ID!) {
        a: hateCrimeCase(id: $id) { id referrals { id track status sentOn statusChangedOn receiverName } }
        b: hateCrimeCases { id referrals { id track status } }
      }`,
      { id: w.caseId },
    );
    const text = JSON.stringify(own.body);
    expect(own.body.errors).toBeUndefined();
    expect(text).toContain(w.legalId);
    for (const secret of [
      MOTIVE,
      SECRET.contactTimes,
      SECRET.language,
      SECRET.journal,
      w.taskId,
      w.supportId,
    ]) {
      expect(text).not.toContain(secret);
    }
    // Asking the status view for content is not even a valid document.
    const content = await worker.graphql(
      `query($id: ID!) { hateCrimeCase(id: $id) { referrals { id hateMotive contactTimes legalTasks { id } } } }`,
      { id: w.caseId },
    );
    expect(errorCodes(content)[0]).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(content.body)).not.toContain(MOTIVE);
    // The receivers' list, asked for beside its own case under an alias: refused, audited.
    const mixed = await worker.graphql(
      `query($id: ID!) { mine: hateCrimeCase(id: $id) { id } theirs: receivedHateCrimeReferrals { ${RECEIVED_FIELDS} } }`,
      { id: w.caseId },
    );
    expect(errorCodes(mixed)).toContain('FORBIDDEN');
    expect(JSON.stringify(mixed.body)).not.toContain(MOTIVE);
    expect(JSON.stringify(mixed.body)).not.toContain(SECRET.contactTimes);
  });

  it('a sender who also holds both receiving roles sees none of its sent referrals as received, and works none', async () => {
    const before = await truth();
    const dual = await as('dual');
    for (const track of [null, 'LEGAL_FINANCIAL', 'PSYCHOLOGICAL']) {
      const list = dataOf<{ receivedHateCrimeReferrals: unknown[] }>(await dual.graphql(RECEIVED, { track }));
      expect(list.receivedHateCrimeReferrals).toEqual([]);
    }
    for (const [document, variables] of receiverCalls([w.legalId, w.psychId, w.bothLegalId, w.bothPsychId])) {
      const refused = await dual.graphql(document, variables);
      expect(errorCodes(refused), document).toEqual(['NOT_FOUND']);
      expect(JSON.stringify(refused.body)).not.toContain(MOTIVE);
    }
    expect(await truth()).toEqual(before);
  });

  it('the lead and the administrator of the sending organisation read no case and no referral', async () => {
    for (const who of ['lead', 'admin'] as const) {
      const browser = await as(who);
      expect(errorCodes(await browser.graphql(CASE, { id: w.caseId }))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await browser.graphql('{ hateCrimeCases { id } }'))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await browser.graphql(RECEIVED, {}))).toEqual(['FORBIDDEN']);
    }
  });
});

describe('the receiving organisation’s lead and administrator', () => {
  it('read no referral it received and work none (the adviser’s and psychologist’s alone)', async () => {
    const before = await truth();
    const lead = await as('legalLead');
    expect(errorCodes(await lead.graphql(RECEIVED, {}))).toEqual(['FORBIDDEN']);
    for (const [document, variables] of receiverCalls([w.legalId])) {
      const refused = await lead.graphql(document, variables);
      expect(errorCodes(refused), document).toEqual(['FORBIDDEN']);
    }
    // Its lead view counts what it sent (nothing), not what it received.
    const view = await lead.graphql(
      'query($y: Int!) { hateCrimeLeadView(year: $y) { casesOpened victimsWithAftercare } }',
      {
        y: Number(today.slice(0, 4)),
      },
    );
    expect(view.body.data).toEqual({ hateCrimeLeadView: { casesOpened: 0, victimsWithAftercare: 0 } });
    expect(await truth()).toEqual(before);
  });
});

describe('a third organisation, with every role, holding the real ids', () => {
  it('reads nothing and changes nothing: NOT_FOUND everywhere, each refusal audited as DENIED', async () => {
    const before = await truth();
    const deniedBefore = await prisma().auditEvent.count({
      where: { userId: w.user.third.id, action: 'DENIED' },
    });
    const third = await as('third');
    const calls: Array<[string, Record<string, unknown>]> = [
      [CASE, { id: w.caseId }],
      [
        NEEDS,
        {
          id: w.caseId,
          input: { assessedOn: today, individualPsychologist: 'NO', legalFinancial: 'NO', group: 'NO' },
        },
      ],
      [REFER, { id: w.caseId, input: { ...PSYCH_INPUT, receiverOrganizationId: w.org.psych } }],
      [CLOSE, { id: w.caseId, input: { closedOn: today } }],
      [WITHDRAW, { id: w.legalId, input: { on: today } }],
      ...receiverCalls([w.legalId, w.psychId]),
    ];
    for (const [document, variables] of calls) {
      const refused = await third.graphql(document, variables);
      expect(errorCodes(refused), document).toEqual(['NOT_FOUND']);
      const text = JSON.stringify(refused.body);
      for (const secret of [MOTIVE, SECRET.contactTimes, 'Offerrådgivningen HCA'])
        expect(text).not.toContain(secret);
    }
    for (const track of [null, 'LEGAL_FINANCIAL', 'PSYCHOLOGICAL']) {
      expect(
        dataOf<{ receivedHateCrimeReferrals: unknown[] }>(await third.graphql(RECEIVED, { track }))
          .receivedHateCrimeReferrals,
      ).toEqual([]);
    }
    expect(
      dataOf<{ hateCrimeCases: unknown[] }>(await third.graphql('{ hateCrimeCases { id } }')).hateCrimeCases,
    ).toEqual([]);
    expect(await truth()).toEqual(before);
    // Each refused id is on the audit trail (never with a person id: the caller must not learn whose).
    const denied = await prisma().auditEvent.findMany({
      where: { userId: w.user.third.id, action: 'DENIED' },
      orderBy: { at: 'asc' },
    });
    expect(denied.length - deniedBefore).toBe(calls.length);
    expect(denied.every((d) => d.personId === null)).toBe(true);
    const refusedIds = new Set(denied.map((d) => d.entityId));
    for (const id of [w.caseId, w.legalId, w.psychId, w.taskId]) expect(refusedIds).toContain(id);
  });
});

describe('a third organisation names the sender’s outreach call', () => {
  it('cannot start aftercare from another organisation’s outreach case: NOT_FOUND whatever its type, audited', async () => {
    const outreachCase = async (type: 'HATE_CRIME' | 'VIOLENCE') => {
      const person = await prisma().person.create({
        data: { organizationId: w.org.sender, pseudonym: `HCA-CALL-${type}` },
      });
      const incident = await prisma().incident.create({
        data: {
          organizationId: w.org.sender,
          occurredOn: new Date(`${today}T00:00:00Z`),
          type,
          // Stored as the import stores it: encrypted.
          hateMotive: type === 'HATE_CRIME' ? await sealText(w.org.sender, MOTIVE) : null,
        },
      });
      return (
        await prisma().outreachCase.create({
          data: {
            organizationId: w.org.sender,
            personId: person.id,
            incidentId: incident.id,
            role: 'VICTIM',
            incidentType: type,
            status: 'REFERRED',
            callableFrom: new Date(`${today}T00:00:00Z`),
            callableUntil: new Date(`${today}T00:00:00Z`),
          },
        })
      ).id;
    };
    const hate = await outreachCase('HATE_CRIME');
    const violence = await outreachCase('VIOLENCE');
    const before = await truth();
    const third = await as('third');
    const answers = [];
    for (const id of [hate, violence]) {
      const refused = await third.graphql(START, {
        input: { entryPoint: 'OUTREACH_CALL', outreachCaseId: id, openedOn: today },
      });
      answers.push(refused.body.errors?.map((e) => [e.extensions?.code, e.extensions?.fields ?? null]));
      expect(JSON.stringify(refused.body)).not.toContain('HCA-CALL');
      const denied = await prisma().auditEvent.findMany({
        where: { userId: w.user.third.id, action: 'DENIED', entityId: id },
      });
      expect(denied.map((d) => [d.entity, d.personId])).toEqual([['OutreachCase', null]]);
    }
    // The same answer for a hate crime and a violence case: no oracle on the incident type.
    expect(answers[0]).toEqual([['NOT_FOUND', null]]);
    expect(answers[1]).toEqual(answers[0]);
    expect(await truth()).toEqual(before);
  });
});

describe('one organisation works both tracks: the adviser and the psychologist stay apart', () => {
  it('each sees and works only its own track’s referral, and no motive of the other', async () => {
    const adviser = await as('bothAdviser');
    const psychologist = await as('bothPsychologist');
    const seen = async (browser: TestBrowser, track: string | null) =>
      dataOf<{ receivedHateCrimeReferrals: Array<{ id: string; track: string }> }>(
        await browser.graphql(RECEIVED, { track }),
      ).receivedHateCrimeReferrals.map((r) => r.id);
    expect(await seen(adviser, null)).toEqual([w.bothLegalId]);
    expect(await seen(adviser, 'PSYCHOLOGICAL')).toEqual([]);
    expect(await seen(psychologist, null)).toEqual([w.bothPsychId]);
    expect(await seen(psychologist, 'LEGAL_FINANCIAL')).toEqual([]);

    const before = await truth();
    // The other track's mutations are refused by role; the own track's mutations, aimed at the
    // other track's referral of the same organisation, read it as unknown.
    expect(
      errorCodes(
        await psychologist.graphql(LEGAL_STATUS, {
          id: w.bothLegalId,
          input: { status: 'ACCEPTED', on: today },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await psychologist.graphql(PSYCH_STATUS, {
          id: w.bothLegalId,
          input: { status: 'ACCEPTED', on: today },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await psychologist.graphql(SESSIONS, {
          id: w.bothLegalId,
          input: { sessionsHeld: 1, lastSessionOn: today },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await adviser.graphql(PSYCH_STATUS, { id: w.bothPsychId, input: { status: 'ACCEPTED', on: today } }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await adviser.graphql(LEGAL_STATUS, { id: w.bothPsychId, input: { status: 'ACCEPTED', on: today } }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(
        await adviser.graphql(OPEN_TASK, {
          id: w.bothPsychId,
          input: { kind: 'COMPENSATION_CLAIM', openedOn: today },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    // Another organisation's task id, through the adviser's own mutation.
    expect(
      errorCodes(
        await adviser.graphql(TASK_STATUS, {
          id: w.taskId,
          input: { status: 'CLOSED', on: today, outcome: 'HELP_GIVEN' },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(await truth()).toEqual(before);
  });
});

describe('the motive (special-category data) appears only where a track needs it', () => {
  it('is reachable in the schema only from the received referral, the sender’s own case and the referral input', async () => {
    const { schema } = await import('../schema.ts');
    const outputs: string[] = [];
    const inputs: string[] = [];
    const named: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (getNamedType(field.type).name === 'HateCrimeMotive') outputs.push(`${type.name}.${field.name}`);
          if (/motive/i.test(field.name)) named.push(`${type.name}.${field.name}`);
          for (const arg of field.args) {
            if (getNamedType(arg.type).name === 'HateCrimeMotive' || /motive/i.test(arg.name))
              inputs.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (getNamedType(field.type).name === 'HateCrimeMotive' || /motive/i.test(field.name))
            inputs.push(`${type.name}.${field.name}`);
        }
      }
    }
    // The sender's case carries the police list's motive of the call's incident (the sender imported
    // it; pre-selected on the referral form, read audited: incident-motive.test.ts).
    const expected = ['HateCrimeCase.incidentMotive', 'ReceivedHateCrimeReferral.hateMotive'];
    expect(outputs.sort()).toEqual(expected);
    expect(named.sort()).toEqual(expected);
    // Where it enters: the police's list import (the incident's motive) and the referral.
    expect(inputs.sort()).toEqual(['HateCrimeReferralInput.hateMotive', 'IncidentRowInput.motive']);
  });

  it('no type the sender, the lead or an evaluator reaches leads to the content, the receivers’ work or the motive', async () => {
    const { schema } = await import('../schema.ts');
    const reachable = (from: string[]) => reach(schema, from);
    const forbidden = [
      'ReceivedHateCrimeReferral',
      'HateCrimeLegalTask',
      'HateCrimePsychologicalSupport',
      'HateCrimeMotive',
    ];
    const sender = reachable(['HateCrimeCase', 'HateCrimeReferralStatusView']);
    expect(sender.has('HateCrimeCase')).toBe(true);
    // The motive the sender reaches is its own incident's (HateCrimeCase.incidentMotive, see above).
    for (const type of forbidden.filter((f) => f !== 'HateCrimeMotive'))
      expect(sender.has(type), type).toBe(false);
    expect(reachable(['HateCrimeReferralStatusView']).has('HateCrimeMotive')).toBe(false);
    const query = schema.getQueryType();
    const roots = ['evaluation', 'hateCrimeLeadView']
      .map((name) => query?.getFields()[name])
      .map((field) => (field ? getNamedType(field.type).name : ''));
    expect(roots.every((r) => r !== '')).toBe(true);
    const evaluation = reachable(roots);
    for (const type of forbidden) expect(evaluation.has(type), type).toBe(false);
  });

  it('is on no audit row, in no refusal, and the handed-over text is not readable at rest', async () => {
    const rows = await prisma().auditEvent.findMany({
      where: { entity: { startsWith: 'HateCrime' } },
      select: { detail: true },
    });
    expect(rows.length).toBeGreaterThan(5);
    const audit = JSON.stringify(rows);
    for (const secret of [MOTIVE, SECRET.alias, SECRET.contactTimes, SECRET.language, SECRET.journal]) {
      expect(audit).not.toContain(secret);
    }
    const { text: dumped } = await dumpAsText(database());
    // pg_dump's CREATE TYPE lists the motive enum's labels: the schema's vocabulary, not a row.
    const text = dumped.replace(/CREATE TYPE [^;]* AS ENUM \([^;]*\);/g, '');
    for (const secret of [MOTIVE, SECRET.alias, SECRET.contactTimes, SECRET.language, SECRET.journal]) {
      expect(text).not.toContain(secret);
    }
    // The motive is a code, not text, and as telling: each stored one is ciphertext.
    const motives = await database().query<{ motive: string }>(
      `SELECT "hateMotive" AS motive FROM "HateCrimeReferral" WHERE "hateMotive" IS NOT NULL`,
    );
    expect(motives.length).toBeGreaterThan(0);
    for (const { motive } of motives) {
      expect(isEncryptedValue(motive)).toBe(true);
      expect(motive).not.toContain(MOTIVE);
    }
  });
});

/** Every named type reachable from `from` through output fields (and their arguments). */
function reach(schema: GraphQLSchema, from: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...from];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const type: GraphQLNamedType | undefined = schema.getType(name) ?? undefined;
    if (!type) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        queue.push(getNamedType(field.type).name);
        for (const arg of field.args) queue.push(getNamedType(arg.type).name);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) queue.push(getNamedType(field.type).name);
    } else if (isEnumType(type)) {
      // a leaf
    }
  }
  return seen;
}
