// The police list's motive carried from the outreach call's incident to the referral form
// (issue 12): the case's own sending staff read it (audited, without the value); the receiving
// organisations and a third organisation, each with only what they have, cannot read it through
// the case. And who acted on a referral as foreign keys to "User" (migration 0331).
// Runs on PGlite by default and on PostgreSQL with DATABASE_URL.
import type { Role } from '@vi/db';
import { getNamedType, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInDenmark } from '../courses/iso-date.ts';
import { openDatabase, prisma } from '../database.ts';
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
// Used by no other case of this file's world, so finding it in an answer is this incident's leak.
const MOTIVE = 'GENDER_IDENTITY';

type Who = 'worker' | 'counsellor' | 'lead' | 'adviser' | 'psychologist' | 'psychWorker' | 'third';
const w = {
  org: { sender: '', legal: '', psych: '', third: '' },
  user: {} as Record<Who, { id: string; organizationId: string }>,
  incidentId: '',
  personId: '',
  caseId: '',
  selfCaseId: '',
  psychReferralId: '',
};

function as(who: Who): Promise<TestBrowser> {
  const user = w.user[who];
  return browserWithSession(user.id, user.organizationId);
}

function dataOf<T>(response: GraphQLResponse): T {
  if (response.body.errors?.length) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data as T;
}

const MOTIVE_QUERY = `query($id: ID!) { hateCrimeCase(id: $id) { id incidentMotive } }`;

/** Every READ of the incident's motive recorded so far. */
function motiveReads() {
  return prisma().auditEvent.findMany({
    where: { action: 'READ', entity: 'Incident', entityId: w.incidentId },
    orderBy: { id: 'asc' },
  });
}

beforeAll(async () => {
  await openDatabase();
  const org = (name: string, slug: string) =>
    createOrganization({ name, slug, kind: 'NGO' }).then((o) => o.id);
  w.org.sender = await org('Offerrådgivningen HCM', 'hcm-sender');
  w.org.legal = await org('Retshjælpen HCM', 'hcm-legal');
  w.org.psych = await org('Psykisk Sundhed HCM', 'hcm-psych');
  w.org.third = await org('Tredje HCM', 'hcm-third');
  const make = async (who: string, organizationId: string, roles: Role[]) => {
    const user = await createUser({
      email: `${who}@hcm.test`,
      memberships: roles.map((role) => ({ organizationId, role })),
    });
    return { id: user.id, organizationId };
  };
  w.user = {
    worker: await make('worker', w.org.sender, ['OUTREACH_WORKER']),
    counsellor: await make('counsellor', w.org.sender, ['COUNSELLOR']),
    lead: await make('lead', w.org.sender, ['PROJECT_LEAD', 'ADMIN']),
    adviser: await make('adviser', w.org.legal, ['LEGAL_FINANCIAL_ADVISER']),
    psychologist: await make('psychologist', w.org.psych, ['PSYCHOLOGIST']),
    // The receiving organisation also runs outreach of its own: sender roles there give nothing here.
    psychWorker: await make('psych-worker', w.org.psych, ['OUTREACH_WORKER', 'COUNSELLOR', 'PSYCHOLOGIST']),
    third: await make('third', w.org.third, ['OUTREACH_WORKER', 'COUNSELLOR', 'PROJECT_LEAD']),
  };
  // The call's incident as the import stores it: the motive encrypted under the sender's key.
  const person = await prisma().person.create({ data: { organizationId: w.org.sender, pseudonym: 'HCM-1' } });
  w.personId = person.id;
  const incident = await prisma().incident.create({
    data: {
      organizationId: w.org.sender,
      occurredOn: new Date(`${today}T00:00:00Z`),
      type: 'HATE_CRIME',
      hateMotive: await sealText(w.org.sender, MOTIVE),
    },
  });
  w.incidentId = incident.id;
  const outreach = await prisma().outreachCase.create({
    data: {
      organizationId: w.org.sender,
      personId: person.id,
      incidentId: incident.id,
      role: 'VICTIM',
      incidentType: 'HATE_CRIME',
      status: 'REFERRED',
      callableFrom: new Date(`${today}T00:00:00Z`),
      callableUntil: new Date(`${today}T00:00:00Z`),
    },
  });
  const worker = await as('worker');
  const start = (input: Record<string, unknown>) =>
    worker
      .graphql(
        `mutation($input: StartHateCrimeAftercareInput!) { startHateCrimeAftercare(input: $input) { id } }`,
        { input },
      )
      .then((r) => dataOf<{ startHateCrimeAftercare: { id: string } }>(r).startHateCrimeAftercare.id);
  w.caseId = await start({ entryPoint: 'OUTREACH_CALL', outreachCaseId: outreach.id, openedOn: today });
  w.selfCaseId = await start({ entryPoint: 'SELF', openedOn: today, alias: 'Kim' });
  dataOf(
    await worker.graphql(
      `mutation($id: ID!, $input: HateCrimeNeedsInput!) { recordHateCrimeNeeds(hateCrimeCaseId: $id, input: $input) { id } }`,
      {
        id: w.caseId,
        input: { assessedOn: today, individualPsychologist: 'CERTAINLY', legalFinancial: 'NO', group: 'NO' },
      },
    ),
  );
  w.psychReferralId = dataOf<{ referHateCrimeCase: { id: string } }>(
    await (await as('counsellor')).graphql(
      `mutation($id: ID!, $input: HateCrimeReferralInput!) { referHateCrimeCase(hateCrimeCaseId: $id, input: $input) { id } }`,
      {
        id: w.caseId,
        input: {
          track: 'PSYCHOLOGICAL',
          receiverOrganizationId: w.org.psych,
          consentGiven: true,
          alias: 'Kim',
          phone: '+4526112233',
          psychologicalForms: ['INDIVIDUAL_SESSIONS'],
        },
      },
    ),
  ).referHateCrimeCase.id;
});

describe('the incident’s motive on the aftercare case', () => {
  it('the case’s outreach worker and counsellor read it, each read audited without the value', async () => {
    const before = (await motiveReads()).length;
    for (const who of ['worker', 'counsellor'] as const) {
      const answer = dataOf<{ hateCrimeCase: { incidentMotive: string | null } }>(
        await (await as(who)).graphql(MOTIVE_QUERY, { id: w.caseId }),
      );
      expect(answer.hateCrimeCase.incidentMotive).toBe(MOTIVE);
    }
    const reads = (await motiveReads()).slice(before);
    expect(reads.map((r) => r.userId)).toEqual([w.user.worker.id, w.user.counsellor.id]);
    for (const read of reads) {
      expect(read.organizationId).toBe(w.org.sender);
      expect(read.personId).toBe(w.personId);
      expect(JSON.stringify(read.detail)).not.toContain(MOTIVE);
    }
  });

  it('a case not started from the call has none, and nothing is read', async () => {
    const before = (await motiveReads()).length;
    const answer = dataOf<{ hateCrimeCase: { incidentMotive: string | null } }>(
      await (await as('worker')).graphql(MOTIVE_QUERY, { id: w.selfCaseId }),
    );
    expect(answer.hateCrimeCase.incidentMotive).toBeNull();
    expect((await motiveReads()).length).toBe(before);
  });

  it('the receiving organisations, the sender’s lead and a third organisation cannot read it through the case', async () => {
    const before = (await motiveReads()).length;
    const refused: Array<[Who, string]> = [
      ['adviser', 'FORBIDDEN'],
      ['psychologist', 'FORBIDDEN'],
      ['lead', 'FORBIDDEN'],
      // Sender roles held in another organisation: the case's id reads as unknown there.
      ['psychWorker', 'NOT_FOUND'],
      ['third', 'NOT_FOUND'],
    ];
    for (const [who, code] of refused) {
      const browser = await as(who);
      for (const query of [MOTIVE_QUERY, '{ hateCrimeCases { id incidentMotive } }']) {
        const response = await browser.graphql(query, { id: w.caseId });
        expect(JSON.stringify(response.body), who).not.toContain(MOTIVE);
        if (query === MOTIVE_QUERY) expect(errorCodes(response), who).toEqual([code]);
      }
    }
    // The receiving psychologist gets the referral without the motive: the sender did not put it on.
    const received = dataOf<{ receivedHateCrimeReferrals: Array<{ id: string; hateMotive: string | null }> }>(
      await (await as('psychologist')).graphql('{ receivedHateCrimeReferrals { id hateMotive } }'),
    ).receivedHateCrimeReferrals;
    expect(received).toEqual([{ id: w.psychReferralId, hateMotive: null }]);
    // None of them read the incident, and the refusals of the case are on the audit trail.
    expect((await motiveReads()).length).toBe(before);
    const denied = await prisma().auditEvent.count({
      where: {
        action: 'DENIED',
        entityId: w.caseId,
        userId: { in: [w.user.psychWorker.id, w.user.third.id] },
      },
    });
    expect(denied).toBeGreaterThanOrEqual(2);
  });

  it('no type but the sender’s case leads to the motive of an incident', async () => {
    const { schema } = await import('../schema.ts');
    const holders: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === 'HateCrimeCase') holders.push(`${type.name}.${field.name}`);
      }
    }
    // Only the sender's own operations return a case; no referral view links back to it.
    expect(holders.filter((h) => !h.startsWith('Query.') && !h.startsWith('Mutation.'))).toEqual([]);
  });
});

describe('who acted on a referral, as foreign keys to "User" (migration 0331)', () => {
  it('keeps the user who recorded consent and sent: deleting that login is refused, the referral unchanged', async () => {
    const before = await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: w.psychReferralId } });
    expect(before.consentRecordedById).toBe(w.user.counsellor.id);
    await expect(prisma().user.delete({ where: { id: w.user.counsellor.id } })).rejects.toThrow();
    expect(await prisma().user.count({ where: { id: w.user.counsellor.id } })).toBe(1);
    expect(await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: w.psychReferralId } })).toEqual(
      before,
    );
  });

  it('refuses an id that names no user in each of the three columns', async () => {
    const ghost = '00000000-0000-4000-8000-000000000abc';
    for (const column of ['consentRecordedById', 'sentById', 'handlerId'] as const) {
      await expect(
        prisma().hateCrimeReferral.update({ where: { id: w.psychReferralId }, data: { [column]: ghost } }),
      ).rejects.toThrow();
    }
    const after = await prisma().hateCrimeReferral.findUniqueOrThrow({ where: { id: w.psychReferralId } });
    expect([after.consentRecordedById, after.sentById, after.handlerId]).toEqual([
      w.user.counsellor.id,
      w.user.counsellor.id,
      null,
    ]);
  });
});
