// The outreach user survey end to end on a real database (PGlite): the attack first (nobody can
// put a response next to a case or a person), then the link's life, the SMS, the lead's tasks
// and the evaluation's figures against hand-written SQL.
import { createHash } from 'node:crypto';
import { fieldKeyring, getDatabase } from '@vi/db';
import {
  type CountCell,
  type DisclosedCount,
  discloseCount,
  disclosedRate,
  formTokenFromFragment,
  MIN_CELL,
} from '@vi/domain';
import { getNamedType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import { evaluationUniform, keyedUniform } from '../evaluation/disclosure-key.ts';
import { outreachUserSurvey } from '../evaluation/queries/outreach-user-survey.ts';
import {
  browserFor,
  callableRows,
  createOutreachOrg,
  dataOf,
  errorCodes,
  importRows,
  type OutreachOrg,
} from '../outreach/outreach-test-fixtures.ts';
import { schema } from '../schema.ts';
import { createUser } from '../testing/fixtures.ts';
import { TestBrowser } from '../testing/graphql-client.ts';
import { DevelopmentSmsProvider, setSmsProvider } from './sms-provider.ts';

const CLAIM_NEXT = 'mutation { claimNextCase { caseId } }';
const RECORD = `mutation($id: ID!, $input: CallOutcomeInput!) {
  recordCallOutcome(caseId: $id, input: $input) { caseId status surveyLink { url expiresAt smsSent } } }`;
const OPEN = 'query($token: String!) { outreachSurvey(token: $token) { expiresAt organizationName } }';
const SUBMIT = `mutation($token: String!, $language: String!, $answers: QuestionnaireAnswers!) {
  submitOutreachSurvey(token: $token, language: $language, answers: $answers) { received followUpRecorded } }`;
const FOLLOW_UPS =
  'query($all: Boolean) { outreachSurveyFollowUps(includeDone: $all) { id channel contact createdOn doneAt } }';
const COMPLETE = 'mutation($id: ID!) { completeOutreachSurveyFollowUp(id: $id) { id contact doneAt } }';

const FREE_TEXT = 'Jeg manglede at tale med nogen om natten – hemmelig-tekst-42';
const INTERVIEW_PHONE = '+4531415926';

let org: OutreachOrg;
const sms: Array<{ to: string; text: string }> = [];
type Browser = Awaited<ReturnType<typeof browserFor>>;
type Issued = { caseId: string; url: string; token: string; smsSent: boolean };

beforeAll(async () => {
  org = await createOutreachOrg('survey');
  await importRows(org, callableRows(14));
  setSmsProvider(new DevelopmentSmsProvider((line) => sms.push(line)));
});
afterAll(() => setSmsProvider(null));

async function call(worker: Browser, surveyStatus: string): Promise<Issued | { caseId: string; url: null }> {
  const { caseId } = dataOf<{ claimNextCase: { caseId: string } }>(
    await worker.graphql(CLAIM_NEXT),
  ).claimNextCase;
  const result = dataOf<{
    recordCallOutcome: { surveyLink: { url: string; expiresAt: string; smsSent: boolean } | null };
  }>(
    await worker.graphql(RECORD, { id: caseId, input: { outcome: 'WILL_CALL_SELF', surveyStatus } }),
  ).recordCallOutcome;
  if (!result.surveyLink) return { caseId, url: null };
  const token = formTokenFromFragment(new URL(result.surveyLink.url).hash)!;
  return { caseId, url: result.surveyLink.url, token, smsSent: result.surveyLink.smsSent };
}

async function acceptedCall(worker: Browser): Promise<Issued> {
  const issued = await call(worker, 'OFFERED_ACCEPTED');
  if (issued.url === null) throw new Error('no survey link issued');
  return issued as Issued;
}

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

describe('the attack: a lead or an evaluator tries to put a response next to a case or a person', () => {
  let issued: Issued;

  beforeAll(async () => {
    const worker = await browserFor(org.users.worker);
    issued = await acceptedCall(worker);
    const person = new TestBrowser();
    dataOf(await person.graphql(OPEN, { token: issued.token }));
    const receipt = dataOf<{ submitOutreachSurvey: { followUpRecorded: boolean } }>(
      await person.graphql(SUBMIT, {
        token: issued.token,
        language: 'ar',
        answers: {
          call_rating: 'VERY_POSITIVE',
          showed_empathy: 'STRONGLY_AGREE',
          what_was_missing: ['OTHER'],
          what_was_missing_other: FREE_TEXT,
          follow_up_interview: 'PHONE',
          follow_up_phone: INTERVIEW_PHONE,
        },
      }),
    ).submitOutreachSurvey;
    expect(receipt.followUpRecorded).toBe(true);
  });

  it('finds no column on the response that names a case, a person, a link, a user or an instant', async () => {
    const columns = await prisma().$queryRawUnsafe<{ column_name: string; data_type: string }[]>(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'OutreachSurveyResponse'`,
    );
    const names = columns.map((c) => c.column_name).sort();
    expect(names).toEqual(
      [
        'answers',
        'answersSealed',
        'id',
        'language',
        'organizationId',
        'recordKey',
        'respondentCode',
        'submittedMonth',
      ].sort(),
    );
    // Only the month: no timestamp to match against the link's answeredAt.
    expect(columns.filter((c) => c.data_type.startsWith('timestamp'))).toEqual([]);
    const response = await prisma().outreachSurveyResponse.findFirstOrThrow({
      where: { organizationId: org.organizationId },
    });
    expect(response.submittedMonth.getUTCDate()).toBe(1);
    // No foreign key from the survey's tables to a case or a person except the link's.
    const keys = await prisma().$queryRawUnsafe<{ table_name: string; constraint_name: string }[]>(
      `SELECT tc.table_name, tc.constraint_name FROM information_schema.table_constraints tc
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name IN ('OutreachSurveyResponse', 'OutreachSurveyFollowUp')`,
    );
    expect(keys.map((k) => k.constraint_name).sort()).toEqual([
      'OutreachSurveyFollowUp_organizationId_fkey',
      'OutreachSurveyResponse_organizationId_fkey',
    ]);
  });

  it('finds no GraphQL path to a response, and no per-person survey instant anywhere in the schema', () => {
    const types = Object.values(schema.getTypeMap()).filter(
      (t) => isObjectType(t) && !t.name.startsWith('__'),
    );
    for (const type of types) {
      if (!isObjectType(type)) continue;
      for (const [name, field] of Object.entries(type.getFields())) {
        expect(getNamedType(field.type).name, `${type.name}.${name}`).not.toMatch(/SurveyResponse/);
        expect(name, `${type.name}.${name}`).not.toMatch(
          /^(respondentCode|sentAt|openedAt|answeredAt|submittedMonth)$/,
        );
      }
    }
    // The lead's task knows the channel and the contact, nothing that leads on.
    const followUp = schema.getType('OutreachSurveyFollowUp');
    expect(isObjectType(followUp) && Object.keys(followUp.getFields()).sort()).toEqual(
      ['channel', 'contact', 'createdOn', 'doneAt', 'id'].sort(),
    );
  });

  it('finds no plain answer text or contact in a dump of the survey tables, and the codes still countable', async () => {
    const dump = JSON.stringify([
      await prisma().$queryRawUnsafe(`SELECT row_to_json(r)::text AS row FROM "OutreachSurveyResponse" r`),
      await prisma().$queryRawUnsafe(`SELECT row_to_json(f)::text AS row FROM "OutreachSurveyFollowUp" f`),
      await prisma().$queryRawUnsafe(`SELECT row_to_json(l)::text AS row FROM "OutreachSurveyLink" l`),
      await prisma().$queryRawUnsafe(`SELECT row_to_json(a)::text AS row FROM "AuditEvent" a`),
    ]);
    expect(dump).not.toContain('hemmelig-tekst-42');
    expect(dump).not.toContain('31415926');
    expect(dump).not.toContain(issued.token);
    const response = await prisma().outreachSurveyResponse.findFirstOrThrow({
      where: { organizationId: org.organizationId },
    });
    expect(response.answers).toEqual({
      call_rating: 'VERY_POSITIVE',
      showed_empathy: 'STRONGLY_AGREE',
      what_was_missing: ['OTHER'],
    });
    expect(response.language).toBe('ar');
    // Sealed, not lost: the whole form opens with the organisation's key (the follow-up items are not in it).
    const whole = JSON.parse((await fieldKeyring().decrypt(prisma(), response.answersSealed))!);
    expect(whole.what_was_missing_other).toBe(FREE_TEXT);
    expect(Object.keys(whole).some((item) => item.startsWith('follow_up'))).toBe(false);
    const link = await prisma().outreachSurveyLink.findUniqueOrThrow({ where: { caseId: issued.caseId } });
    expect(link.tokenHash).toBe(hash(issued.token));
    expect(link.answeredAt).not.toBeNull();
  });

  it('finds no audit row that names the response, nor one request that touches the link and a response id', async () => {
    const rows = await prisma().auditEvent.findMany({ where: { organizationId: org.organizationId } });
    const responseIds = (await prisma().outreachSurveyResponse.findMany({ select: { id: true } })).map(
      (r) => r.id,
    );
    for (const row of rows) expect(responseIds).not.toContain(row.entityId);
    const created = rows.filter((r) => r.entity === 'OutreachSurveyResponse');
    expect(created.length).toBeGreaterThan(0);
    for (const row of created) {
      expect(row.entityId).toBeNull();
      expect(row.personId).toBeNull();
      expect(row.userId).toBeNull();
    }
  });

  it('lets the lead see only the chosen contact, and refuses everyone else (audited)', async () => {
    const lead = await browserFor(org.users.lead);
    const tasks = dataOf<{
      outreachSurveyFollowUps: Array<{ id: string; channel: string; contact: string }>;
    }>(await lead.graphql(FOLLOW_UPS)).outreachSurveyFollowUps;
    expect(tasks).toEqual([expect.objectContaining({ channel: 'PHONE', contact: INTERVIEW_PHONE })]);
    const read = await prisma().auditEvent.count({
      where: {
        action: 'READ',
        entity: 'OutreachSurveyFollowUp',
        entityId: tasks[0]!.id,
        userId: org.users.lead.id,
      },
    });
    expect(read).toBe(1);
    for (const who of [org.users.worker, org.users.admin, org.users.counsellor, org.users.otherWorker]) {
      const browser = await browserFor(who);
      expect(errorCodes(await browser.graphql(FOLLOW_UPS))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await browser.graphql(COMPLETE, { id: tasks[0]!.id }))).toEqual(['FORBIDDEN']);
    }
    expect(
      await prisma().auditEvent.count({ where: { action: 'DENIED', userId: org.users.worker.id } }),
    ).toBeGreaterThanOrEqual(1);
    const done = dataOf<{ completeOutreachSurveyFollowUp: { contact: string | null; doneAt: string } }>(
      await lead.graphql(COMPLETE, { id: tasks[0]!.id }),
    ).completeOutreachSurveyFollowUp;
    expect(done.contact).toBeNull();
    expect(errorCodes(await lead.graphql(COMPLETE, { id: tasks[0]!.id }))).toEqual(['CONFLICT']);
    expect(
      dataOf<{ outreachSurveyFollowUps: unknown[] }>(await lead.graphql(FOLLOW_UPS)).outreachSurveyFollowUps,
    ).toEqual([]);
    const stored = await prisma().outreachSurveyFollowUp.findUniqueOrThrow({ where: { id: tasks[0]!.id } });
    expect(stored.contact).toBeNull();
  });
});

describe('the link', () => {
  it('goes to the person’s phone through the SMS provider, and back to the worker once', async () => {
    const worker = await browserFor(org.users.worker);
    const before = sms.length;
    const issued = await acceptedCall(worker);
    expect(issued.smsSent).toBe(true);
    expect(sms.slice(before)).toHaveLength(1);
    const message = sms.at(-1)!;
    expect(message.to).toMatch(/^\+45\d{8}$/);
    expect(message.text).toContain(issued.url);
    expect(issued.url).toContain('#t=');
    const link = await prisma().outreachSurveyLink.findUniqueOrThrow({ where: { caseId: issued.caseId } });
    expect(link.tokenHash).toBe(hash(issued.token));
    const audit = JSON.stringify(
      await prisma().$queryRawUnsafe(
        `SELECT row_to_json(a)::text AS row FROM "AuditEvent" a WHERE entity = 'OutreachSurveyLink'`,
      ),
    );
    expect(audit).not.toContain(issued.token);
  });

  it('is not issued for any other survey status', async () => {
    const worker = await browserFor(org.users.worker);
    const before = sms.length;
    for (const status of ['OFFERED_DECLINED', 'NOT_APPROPRIATE_LANGUAGE', 'NOT_OFFERED']) {
      const result = await call(worker, status);
      expect(result.url).toBeNull();
      expect(await prisma().outreachSurveyLink.count({ where: { caseId: result.caseId } })).toBe(0);
    }
    expect(sms.length).toBe(before);
  });

  it('is opened, refuses bad answers without being used, then works once', async () => {
    const worker = await browserFor(org.users.worker);
    const issued = await acceptedCall(worker);
    const person = new TestBrowser();
    const page = dataOf<{ outreachSurvey: { organizationName: string } }>(
      await person.graphql(OPEN, { token: issued.token }),
    );
    expect(page.outreachSurvey.organizationName).toContain('Offerrådgivningen');
    const opened = await prisma().outreachSurveyLink.findUniqueOrThrow({ where: { caseId: issued.caseId } });
    expect(opened.openedAt).not.toBeNull();
    expect(opened.answeredAt).toBeNull();

    const bad = await person.graphql(SUBMIT, {
      token: issued.token,
      language: 'da',
      answers: { call_rating: 'SUPER' },
    });
    expect(errorCodes(bad)).toEqual(['VALIDATION']);
    expect(bad.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'answers.call_rating', code: 'UNKNOWN_OPTION' }),
    ]);
    const responsesBefore = await prisma().outreachSurveyResponse.count();
    expect(
      (await prisma().outreachSurveyLink.findUniqueOrThrow({ where: { caseId: issued.caseId } })).answeredAt,
    ).toBeNull();

    dataOf(
      await person.graphql(SUBMIT, {
        token: issued.token,
        language: 'da',
        answers: { call_rating: 'POSITIVE' },
      }),
    );
    expect(await prisma().outreachSurveyResponse.count()).toBe(responsesBefore + 1);
    const again = await person.graphql(SUBMIT, {
      token: issued.token,
      language: 'da',
      answers: { call_rating: 'NEGATIVE' },
    });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors?.[0]?.extensions?.reason).toBe('LINK_USED');
    expect(errorCodes(await person.graphql(OPEN, { token: issued.token }))).toEqual(['CONFLICT']);
    expect(await prisma().outreachSurveyResponse.count()).toBe(responsesBefore + 1);
    expect(
      await prisma().auditEvent.count({
        where: { action: 'DENIED', entity: 'OutreachSurveyLink', userId: null },
      }),
    ).toBeGreaterThanOrEqual(2);
  });

  it('expires, and a changed token matches nothing', async () => {
    const worker = await browserFor(org.users.worker);
    const issued = await acceptedCall(worker);
    const link = await prisma().outreachSurveyLink.findUniqueOrThrow({ where: { caseId: issued.caseId } });
    // A week, like the domain says.
    expect(link.expiresAt.getTime() - link.sentAt.getTime()).toBe(7 * 24 * 3_600_000);
    const person = new TestBrowser();
    const changed = `${issued.token.slice(0, -1)}${issued.token.endsWith('A') ? 'B' : 'A'}`;
    const unknown = await person.graphql(OPEN, { token: changed });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(unknown.body.errors?.[0]?.extensions?.reason).toBe('INVALID_LINK');
    await prisma().outreachSurveyLink.update({
      where: { id: link.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await person.graphql(SUBMIT, { token: issued.token, language: 'da', answers: {} });
    expect(errorCodes(expired)).toEqual(['FORBIDDEN']);
    expect(expired.body.errors?.[0]?.extensions?.reason).toBe('LINK_EXPIRED');
    expect(
      (await prisma().outreachSurveyLink.findUniqueOrThrow({ where: { id: link.id } })).answeredAt,
    ).toBeNull();
  });
});

describe('the public door', () => {
  it('is rate-limited per link, like the participant forms', async () => {
    const worker = await browserFor(org.users.worker);
    const issued = await acceptedCall(worker);
    const person = new TestBrowser();
    const codes: unknown[] = [];
    for (let i = 0; i < 31; i++)
      codes.push(...errorCodes(await person.graphql(OPEN, { token: issued.token })));
    expect(codes).toEqual(['RATE_LIMITED']);
  });
});

describe('the evaluation figures', () => {
  it('equal hand-written SQL before noise: response rate, item distributions and reasons not offered', async () => {
    // A few more answers, so some cells pass the disclosure limit.
    const worker = await browserFor(org.users.worker);
    for (let i = 0; i < 6; i++) {
      const issued = await acceptedCall(worker);
      const person = new TestBrowser();
      if (i % 3 === 2) continue; // sent, never opened
      dataOf(await person.graphql(OPEN, { token: issued.token }));
      if (i % 3 === 1) continue; // opened, not answered
      dataOf(
        await person.graphql(SUBMIT, {
          token: issued.token,
          language: i % 2 === 0 ? 'da' : 'en',
          answers: { call_rating: 'POSITIVE', what_helped: ['INFORMATION', 'SOMEONE_LISTENED'] },
        }),
      );
    }
    const db = await getDatabase();
    const uniform = keyedUniform(Buffer.alloc(32, 9));
    const filter = { organizationIds: [org.organizationId] };
    const figures = await outreachUserSurvey(db, filter, uniform);

    const cell = async (sql: string): Promise<CountCell> => {
      const rows = await db.query<{ n: number; key_sum: string | null }>(sql, [org.organizationId]);
      return { count: rows[0]!.n, keySum: rows[0]!.key_sum ?? '0' };
    };
    const links = `FROM "OutreachSurveyLink" l JOIN "OutreachCase" c ON c.id = l."caseId" WHERE l."organizationId" = $1::uuid`;
    const sent = await cell(`SELECT count(*)::int AS n, sum(c."recordKey")::bigint AS key_sum ${links}`);
    const opened = await cell(
      `SELECT count(*)::int AS n, sum(c."recordKey")::bigint AS key_sum ${links} AND l."openedAt" IS NOT NULL`,
    );
    const answered = await cell(
      `SELECT count(*)::int AS n, sum(c."recordKey")::bigint AS key_sum ${links} AND l."answeredAt" IS NOT NULL`,
    );
    expect(sent.count).toBeGreaterThan(answered.count);
    expect(figures.sent).toEqual(discloseCount(sent, uniform));
    expect(figures.opened).toEqual(discloseCount(opened, uniform));
    expect(figures.answered).toEqual(discloseCount(answered, uniform));
    expect(figures.responseRate).toEqual(disclosedRate(figures.answered, figures.sent));

    const responses = `FROM "OutreachSurveyResponse" r WHERE r."organizationId" = $1::uuid`;
    expect(figures.responses).toEqual(
      discloseCount(
        await cell(`SELECT count(*)::int AS n, sum(r."recordKey")::bigint AS key_sum ${responses}`),
        uniform,
      ),
    );
    // A distribution is shown only where its n is published as MIN_CELL or more (the zeros of a
    // smaller one would name its answers); the record keys are random, so either can happen here.
    const distributionShown = (n: DisclosedCount) => n.value !== null && n.value >= MIN_CELL;
    const rating = figures.items.find((item) => item.itemId === 'call_rating')!;
    if (!distributionShown(rating.answered)) expect(rating.options).toEqual([]);
    else
      for (const code of ['VERY_POSITIVE', 'POSITIVE', 'NEGATIVE']) {
        const truth = await cell(
          `SELECT count(*)::int AS n, sum(r."recordKey")::bigint AS key_sum ${responses} AND r.answers ->> 'call_rating' = '${code}'`,
        );
        expect(rating.options.find((o) => o.code === code)!.count, code).toEqual(
          discloseCount(truth, uniform),
        );
      }
    expect(rating.answered).toEqual(
      discloseCount(
        await cell(
          `SELECT count(*)::int AS n, sum(r."recordKey")::bigint AS key_sum ${responses} AND r.answers ? 'call_rating'`,
        ),
        uniform,
      ),
    );
    expect(rating.reportPositivePercent).toBe(98);
    const helped = figures.items.find((item) => item.itemId === 'what_helped')!;
    const listened = await cell(
      `SELECT count(*)::int AS n, sum(r."recordKey")::bigint AS key_sum ${responses}
         AND r.answers -> 'what_helped' @> '["SOMEONE_LISTENED"]'::jsonb`,
    );
    expect(listened.count).toBeGreaterThan(0);
    if (!distributionShown(helped.answered)) expect(helped.options).toEqual([]);
    else
      expect(helped.options.find((o) => o.code === 'SOMEONE_LISTENED')!.count).toEqual(
        discloseCount(listened, uniform),
      );
    if (!distributionShown(figures.responses)) expect(figures.byLanguage).toEqual([]);
    else
      expect(figures.byLanguage.find((l) => l.language === 'ar')!.count).toEqual(
        discloseCount(
          await cell(
            `SELECT count(*)::int AS n, sum(r."recordKey")::bigint AS key_sum ${responses} AND r.language = 'ar'`,
          ),
          uniform,
        ),
      );

    const reached = `FROM "OutreachCase" c WHERE c."organizationId" = $1::uuid AND c.status IN ('REFERRED', 'DECLINED', 'WILL_CALL_SELF')`;
    for (const status of ['NOT_APPROPRIATE_LANGUAGE', 'NOT_OFFERED']) {
      const truth = await cell(
        `SELECT count(*)::int AS n, sum(c."recordKey")::bigint AS key_sum ${reached} AND c."surveyStatus" = '${status}'`,
      );
      expect(truth.count, status).toBe(1);
      expect(figures.notOffered.find((s) => s.status === status)!.count).toEqual(
        discloseCount(truth, uniform),
      );
    }
    // The same figure through GraphQL, as an evaluator of the organisation (and nothing else there).
    await createUser({
      email: 'evaluator@survey.test',
      displayName: 'evaluator',
      memberships: [{ organizationId: org.organizationId, role: 'EVALUATOR' }],
    });
    const evaluator = await browserFor({ email: 'evaluator@survey.test' });
    const shown = dataOf<{
      evaluation: {
        outreachUserSurvey: {
          sent: { value: number | null };
          answered: { value: number | null };
          items: Array<{ itemId: string; source: string; options: Array<{ code: string }> }>;
          reference: {
            sent: number;
            answered: number;
            notAbleToTakeIt: number;
            followUpInterviews: number;
            sourceEn: string;
          };
        };
      };
    }>(
      await evaluator.graphql(
        `query($f: EvaluationFilterInput!) { evaluation(filter: $f) { outreachUserSurvey {
          sent { value } answered { value } responseRate { rate }
          items { itemId source answered { value suppressed } options { code count { value } } positive { rate } reportPositivePercent }
          notOffered { status count { value } } followUps { value } byLanguage { language count { value } }
          reference { sent answered notAbleToTakeIt followUpInterviews sourceDa sourceEn } ignoredFilters } } }`,
        { f: { organizationIds: [org.organizationId] } },
      ),
    ).evaluation.outreachUserSurvey;
    // The gateway uses the installation's disclosure key, not the test's.
    const installation = await outreachUserSurvey(db, filter, await evaluationUniform());
    expect(shown.sent.value).toBe(installation.sent.value);
    expect(shown.answered.value).toBe(installation.answered.value);
    expect(shown.items.map((item) => item.itemId)).toEqual(figures.items.map((item) => item.itemId));
    expect(shown.reference).toMatchObject({
      sent: 1090,
      answered: 487,
      notAbleToTakeIt: 367,
      followUpInterviews: 17,
    });
    expect(shown.reference.sourceEn).toContain('Projekt Opsøgende Indsats');
    expect(errorCodes(await evaluator.graphql(FOLLOW_UPS))).toEqual(['FORBIDDEN']);

    // A person filter cannot reach the responses: said, not silently dropped.
    const byGender = await outreachUserSurvey(db, { ...filter, genders: ['WOMAN'] }, uniform);
    expect(byGender.ignoredFilters).toContain('genders');
  });
});
