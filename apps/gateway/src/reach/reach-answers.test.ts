// Who we reach, recorded where staff already learn it: with the call's outcome (one transaction)
// and with the intake registration, corrected later by the same roles; read only by the roles
// the authorisation matrix names; every write and read audited. Real database (PGlite).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import {
  browserFor,
  callableRows,
  createOutreachOrg,
  dataOf,
  errorCodes,
  importRows,
  type OutreachOrg,
} from '../outreach/outreach-test-fixtures.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { type GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';

const REACH =
  'preferredLanguage interpreterNeeded interpreterUsed childrenAffected sameSexRelationship mutualViolence';
const CLAIM_NEXT = 'mutation { claimNextCase { caseId } }';
const CALL_CASE = `query($id: ID!) { callCase(caseId: $id) { id reach { ${REACH} } } }`;
const RECORD = `mutation($id: ID!, $input: CallOutcomeInput!) {
  recordCallOutcome(caseId: $id, input: $input) { caseId status } }`;
const SAVE_OUTREACH = `mutation($input: SaveOutreachReachAnswersInput!) {
  saveOutreachReachAnswers(input: $input) { ${REACH} updatedAt } }`;
const PERSON_CASES = `query($id: ID!) { person(id: $id) { outreachCases { id reach { ${REACH} } } } }`;

const REGISTER = `mutation($input: RegisterIntakeInput!) {
  registerIntake(input: $input) { id personId reach { ${REACH} } } }`;
const INTAKES = `query { intakes { id reach { ${REACH} } } }`;
const INTAKES_WITHOUT_REACH = 'query { intakes { id } }';
const SAVE_INTAKE = `mutation($input: SaveIntakeReachAnswersInput!) {
  saveIntakeReachAnswers(input: $input) { ${REACH} } }`;

type Field = { field: string; code: string; message?: { da: string; en: string } };

function fieldsOf(response: GraphQLResponse): Field[] {
  return (response.body.errors?.[0]?.extensions?.fields ?? []) as Field[];
}

function refusedPaths(response: GraphQLResponse): string[] {
  return (response.body.errors ?? [])
    .filter((e) => e.extensions?.code === 'FORBIDDEN')
    .map((e) => (e.path ?? []).filter((p) => typeof p === 'string').join('.'));
}

async function reachAudit(entityId: string) {
  return prisma().auditEvent.findMany({
    where: { entity: 'ReachAnswers', entityId },
    orderBy: { id: 'asc' },
    select: { action: true, personId: true, userId: true, detail: true },
  });
}

describe('who we reach in outreach', () => {
  let org: OutreachOrg;
  type Browser = Awaited<ReturnType<typeof browserFor>>;
  let worker: Browser;

  async function claim(): Promise<{ caseId: string; personId: string }> {
    const { caseId } = dataOf<{ claimNextCase: { caseId: string } }>(
      await worker.graphql(CLAIM_NEXT),
    ).claimNextCase;
    const { personId } = await prisma().outreachCase.findUniqueOrThrow({
      where: { id: caseId },
      select: { personId: true },
    });
    return { caseId, personId };
  }

  beforeAll(async () => {
    org = await createOutreachOrg('reach');
    await importRows(org, callableRows(6));
    worker = await browserFor(org.users.worker);
  });

  it('saves the answers with the outcome, shows them on the call screen and audits write and read', async () => {
    const { caseId, personId } = await claim();
    const before = dataOf<{ callCase: { reach: unknown } }>(await worker.graphql(CALL_CASE, { id: caseId }));
    expect(before.callCase.reach).toBeNull();

    dataOf(
      await worker.graphql(RECORD, {
        id: caseId,
        input: {
          outcome: 'WILL_CALL_SELF',
          surveyStatus: 'NOT_OFFERED',
          reach: { preferredLanguage: 'ar', interpreterNeeded: 'YES', childrenAffected: 'NOT_KNOWN' },
        },
      }),
    );
    const row = await prisma().reachAnswers.findUniqueOrThrow({ where: { outreachCaseId: caseId } });
    expect(row).toMatchObject({
      organizationId: org.organizationId,
      preferredLanguage: 'ar',
      interpreterNeeded: 'YES',
      interpreterUsed: null,
      childrenAffected: 'NOT_KNOWN',
      sameSexRelationship: null,
      mutualViolence: null,
      recordedById: org.users.worker.id,
    });
    // The write is audited with the person, naming which answers exist but never their values.
    expect(await reachAudit(row.id)).toEqual([
      {
        action: 'CREATE',
        personId,
        userId: org.users.worker.id,
        detail: { recorded: ['preferredLanguage', 'interpreterNeeded', 'childrenAffected'] },
      },
    ]);

    // The lead reads them on the person's case; the read is audited like any person read.
    const lead = await browserFor(org.users.lead);
    const read = dataOf<{ person: { outreachCases: Array<{ id: string; reach: Record<string, unknown> }> } }>(
      await lead.graphql(PERSON_CASES, { id: personId }),
    );
    expect(read.person.outreachCases.find((c) => c.id === caseId)?.reach).toMatchObject({
      preferredLanguage: 'ar',
      interpreterNeeded: 'YES',
      childrenAffected: 'NOT_KNOWN',
    });
    const reads = (await reachAudit(row.id)).filter((a) => a.action === 'READ');
    expect(reads).toEqual([{ action: 'READ', personId, userId: org.users.lead.id, detail: null }]);
  });

  it('refuses a bad code naming the field in Danish and English, and stores neither answers nor outcome', async () => {
    const { caseId } = await claim();
    const attempts = await prisma().callAttempt.count({ where: { caseId } });
    const refused = await worker.graphql(RECORD, {
      id: caseId,
      input: { outcome: 'WILL_CALL_SELF', surveyStatus: 'NOT_OFFERED', reach: { mutualViolence: 'MAYBE' } },
    });
    expect(errorCodes(refused)).toEqual(['VALIDATION']);
    const [field] = fieldsOf(refused);
    expect(field).toMatchObject({ field: 'reach.mutualViolence', code: 'UNKNOWN_OPTION' });
    expect(field?.message?.da).toContain('MAYBE');
    expect(field?.message?.en).toContain('MAYBE');
    expect(field?.message?.da).not.toBe(field?.message?.en);
    expect(await prisma().callAttempt.count({ where: { caseId } })).toBe(attempts);
    expect(await prisma().outreachCase.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
      status: 'OPEN',
      outcome: null,
    });
    expect(await prisma().reachAnswers.count({ where: { outreachCaseId: caseId } })).toBe(0);

    // The other way round: a refused outcome (no consent for a counsellor's call) leaves no answers.
    const badOutcome = await worker.graphql(RECORD, {
      id: caseId,
      input: { outcome: 'WANTS_CALL', reach: { preferredLanguage: 'pl' } },
    });
    expect(errorCodes(badOutcome)).toEqual(['VALIDATION']);
    expect(await prisma().reachAnswers.count({ where: { outreachCaseId: caseId } })).toBe(0);

    // The gateway's own callers meet the domain's check (GraphQL's enums stop it above).
    const { recordCallOutcome } = await import('../outreach/outreach-case.ts');
    await expect(
      recordCallOutcome(
        {
          organizationId: org.organizationId,
          user: { id: org.users.worker.id },
          requestId: 'reach-test',
          audit: () => {},
        } as never,
        caseId,
        {
          outcome: 'WILL_CALL_SELF',
          surveyStatus: 'NOT_OFFERED',
          reach: { childrenAffected: 'SOMETIMES' as never },
        } as never,
      ),
    ).rejects.toMatchObject({ extensions: { code: 'VALIDATION' } });
    expect(await prisma().callAttempt.count({ where: { caseId } })).toBe(attempts);

    // Released for the next test's claim.
    await worker.graphql('mutation($id: ID!) { releaseCase(caseId: $id) }', { id: caseId });
  });

  it('lets the outreach workers correct the answers later, removes them when all are empty, and refuses everyone else', async () => {
    const { caseId, personId } = await claim();
    dataOf(
      await worker.graphql(RECORD, {
        id: caseId,
        input: {
          outcome: 'DECLINED',
          declineReason: 'NO_NEED',
          surveyStatus: 'NOT_OFFERED',
          reach: { preferredLanguage: 'tr' },
        },
      }),
    );
    const row = await prisma().reachAnswers.findUniqueOrThrow({ where: { outreachCaseId: caseId } });

    // Another worker of the same organisation, after the case closed.
    const worker2 = await browserFor(org.users.worker2);
    const corrected = dataOf<{ saveOutreachReachAnswers: Record<string, unknown> }>(
      await worker2.graphql(SAVE_OUTREACH, {
        input: { outreachCaseId: caseId, reach: { preferredLanguage: 'tr', mutualViolence: 'NO' } },
      }),
    );
    expect(corrected.saveOutreachReachAnswers).toMatchObject({
      preferredLanguage: 'tr',
      mutualViolence: 'NO',
    });

    const unchanged = async () =>
      expect(
        await prisma().reachAnswers.findUniqueOrThrow({ where: { outreachCaseId: caseId } }),
      ).toMatchObject({
        preferredLanguage: 'tr',
        mutualViolence: 'NO',
      });
    // A worker of another organisation: as if the case did not exist.
    const other = await browserFor(org.users.otherWorker);
    const foreign = await other.graphql(SAVE_OUTREACH, {
      input: { outreachCaseId: caseId, reach: { mutualViolence: 'YES' } },
    });
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    await unchanged();
    // The counsellor and the lead do not write them; the counsellor does not read them either.
    for (const user of [org.users.counsellor, org.users.lead]) {
      const refused = await (await browserFor(user)).graphql(SAVE_OUTREACH, {
        input: { outreachCaseId: caseId, reach: { mutualViolence: 'YES' } },
      });
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    }
    await unchanged();
    const counsellorRead = await (await browserFor(org.users.counsellor)).graphql(PERSON_CASES, {
      id: personId,
    });
    expect(refusedPaths(counsellorRead)).toEqual(['person.outreachCases.reach']);
    expect(JSON.stringify(counsellorRead.body.data ?? null)).not.toContain('"tr"');
    // A bad code: the field named, nothing changed.
    const bad = await worker2.graphql(SAVE_OUTREACH, {
      input: { outreachCaseId: caseId, reach: { preferredLanguage: 'klingon' } },
    });
    expect(fieldsOf(bad).map((f) => f.field)).toEqual(['reach.preferredLanguage']);
    await unchanged();

    // All empty: the row goes, the answer is null.
    const cleared = dataOf<{ saveOutreachReachAnswers: unknown }>(
      await worker2.graphql(SAVE_OUTREACH, {
        input: { outreachCaseId: caseId, reach: { preferredLanguage: null, mutualViolence: null } },
      }),
    );
    expect(cleared.saveOutreachReachAnswers).toBeNull();
    expect(await prisma().reachAnswers.count({ where: { outreachCaseId: caseId } })).toBe(0);
    const writes = (await reachAudit(row.id)).filter((a) => a.action !== 'READ');
    expect(writes.map((a) => [a.action, a.personId, a.detail])).toEqual([
      ['CREATE', personId, { recorded: ['preferredLanguage'] }],
      ['UPDATE', personId, { recorded: ['preferredLanguage', 'mutualViolence'] }],
      ['DELETE', personId, { recorded: [] }],
    ]);
    // The refusals are audited too (another organisation's attempt on the case).
    expect(
      await prisma().auditEvent.count({
        where: {
          action: 'DENIED',
          entity: 'OutreachCase',
          entityId: caseId,
          userId: org.users.otherWorker.id,
        },
      }),
    ).toBe(1);
  });
});

describe('who we reach at intake', () => {
  const users: Record<string, { id: string; email: string }> = {};
  let organizationId = '';

  async function as(who: string): Promise<TestBrowser> {
    const browser = new TestBrowser();
    await browser.login(users[who]!.email, TEST_PASSWORD);
    return browser;
  }

  const registration = {
    registeredOn: new Date().toISOString().slice(0, 10),
    alias: 'Amira',
    answers: {
      gender: 'WOMAN',
      age: 31,
      heard_from: ['POLICE'],
      violence_status: Object.fromEntries(
        [
          'PHYSICAL',
          'PSYCHOLOGICAL',
          'SEXUAL',
          'MATERIAL',
          'ECONOMIC',
          'DIGITAL',
          'STALKING',
          'HONOUR_RELATED',
          'OTHER',
        ].map((row) => [row, row === 'PHYSICAL' ? 'ONGOING' : 'NOT_RELEVANT']),
      ),
    },
  };

  beforeAll(async () => {
    const org = await createOrganization({ name: 'Kursuskommunen', slug: 'reach-intake' });
    const other = await createOrganization({ name: 'Nabokommunen', slug: 'reach-intake-other' });
    organizationId = org.id;
    for (const [who, role, orgId] of [
      ['intake', 'INTAKE_COORDINATOR', org.id],
      ['risk', 'RISK_ASSESSOR', org.id],
      ['leader', 'GROUP_LEADER', org.id],
      ['lead', 'PROJECT_LEAD', org.id],
      ['otherIntake', 'INTAKE_COORDINATOR', other.id],
    ] as const) {
      const email = `${who}@reach-intake.test`;
      const user = await createUser({
        email,
        displayName: who,
        memberships: [{ organizationId: orgId, role }],
      });
      users[who] = { id: user.id, email };
    }
  });

  it('saves the answers with the registration and refuses a bad code without registering anyone', async () => {
    const intake = await as('intake');
    const refused = await intake.graphql(REGISTER, {
      input: { ...registration, reach: { preferredLanguage: 'ar', childrenAffected: 'PERHAPS' } },
    });
    expect(errorCodes(refused)).toEqual(['VALIDATION']);
    expect(fieldsOf(refused).map((f) => [f.field, f.code])).toEqual([
      ['reach.childrenAffected', 'UNKNOWN_OPTION'],
    ]);
    expect(await prisma().intakeRegistration.count({ where: { organizationId } })).toBe(0);
    expect(await prisma().reachAnswers.count({ where: { organizationId } })).toBe(0);

    const registered = dataOf<{
      registerIntake: { id: string; personId: string; reach: Record<string, unknown> };
    }>(
      await intake.graphql(REGISTER, {
        input: {
          ...registration,
          reach: { preferredLanguage: 'ar', interpreterNeeded: 'YES', sameSexRelationship: 'NO' },
        },
      }),
    ).registerIntake;
    expect(registered.reach).toEqual({
      preferredLanguage: 'ar',
      interpreterNeeded: 'YES',
      interpreterUsed: null,
      childrenAffected: null,
      sameSexRelationship: 'NO',
      mutualViolence: null,
    });
    const row = await prisma().reachAnswers.findUniqueOrThrow({
      where: { intakeRegistrationId: registered.id },
    });
    const audit = await reachAudit(row.id);
    expect(audit.map((a) => [a.action, a.personId, a.userId])).toEqual([
      ['CREATE', registered.personId, users.intake!.id],
      ['READ', registered.personId, users.intake!.id],
    ]);
    expect(audit[0]!.detail).toEqual({
      recorded: ['preferredLanguage', 'interpreterNeeded', 'sameSexRelationship'],
    });

    // Registered without answers: no row at all.
    const plain = dataOf<{ registerIntake: { id: string; reach: unknown } }>(
      await intake.graphql(REGISTER, { input: { ...registration, alias: 'Bo' } }),
    ).registerIntake;
    expect(plain.reach).toBeNull();
    expect(await prisma().reachAnswers.count({ where: { intakeRegistrationId: plain.id } })).toBe(0);
  });

  it('shows them to the coordinator and the lead, never to a group leader or the risk assessor; others cannot write', async () => {
    const intake = await as('intake');
    const [registered] = await prisma().intakeRegistration.findMany({
      where: { organizationId, reach: { isNot: null } },
      select: { id: true, personId: true },
    });
    const { id } = registered!;

    const lead = dataOf<{ intakes: Array<{ id: string; reach: { preferredLanguage: string } | null }> }>(
      await (await as('lead')).graphql(INTAKES),
    );
    expect(lead.intakes.find((i) => i.id === id)?.reach?.preferredLanguage).toBe('ar');

    // The risk assessor reads the registrations, but not these answers.
    const risk = await (await as('risk')).graphql(INTAKES);
    expect(refusedPaths(risk).every((p) => p === 'intakes.reach')).toBe(true);
    expect(refusedPaths(risk).length).toBeGreaterThan(0);
    expect(JSON.stringify(risk.body.data ?? null)).not.toContain('"ar"');
    expect(errorCodes(await (await as('risk')).graphql(INTAKES_WITHOUT_REACH))).toEqual([]);
    // A group leader reaches no registration at all, and cannot write.
    const leader = await as('leader');
    expect(errorCodes(await leader.graphql(INTAKES))).toContain('FORBIDDEN');
    expect(
      errorCodes(
        await leader.graphql(SAVE_INTAKE, {
          input: { intakeRegistrationId: id, reach: { mutualViolence: 'YES' } },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    // Another organisation's coordinator: as if it did not exist.
    expect(
      errorCodes(
        await (await as('otherIntake')).graphql(SAVE_INTAKE, {
          input: { intakeRegistrationId: id, reach: { mutualViolence: 'YES' } },
        }),
      ),
    ).toEqual(['NOT_FOUND']);
    expect(
      await prisma().reachAnswers.findUniqueOrThrow({ where: { intakeRegistrationId: id } }),
    ).toMatchObject({
      mutualViolence: null,
    });

    // The coordinator corrects, then clears.
    const saved = dataOf<{ saveIntakeReachAnswers: { mutualViolence: string } }>(
      await intake.graphql(SAVE_INTAKE, {
        input: { intakeRegistrationId: id, reach: { preferredLanguage: 'ar', mutualViolence: 'YES' } },
      }),
    );
    expect(saved.saveIntakeReachAnswers.mutualViolence).toBe('YES');
    const cleared = dataOf<{ saveIntakeReachAnswers: unknown }>(
      await intake.graphql(SAVE_INTAKE, { input: { intakeRegistrationId: id, reach: {} } }),
    );
    expect(cleared.saveIntakeReachAnswers).toBeNull();
    expect(await prisma().reachAnswers.count({ where: { intakeRegistrationId: id } })).toBe(0);
    expect(
      await prisma().auditEvent.count({
        where: { entity: 'ReachAnswers', action: 'DELETE', personId: registered!.personId },
      }),
    ).toBe(1);
  });
});
