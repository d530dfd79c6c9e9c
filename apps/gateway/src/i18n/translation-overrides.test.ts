import { generateFormToken } from '@vi/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashFormToken } from '../courses/form-link.ts';
import { openDatabase, prisma } from '../database.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../testing/fixtures.ts';
import { errorCodes, type GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';

const SAVE = `mutation Save($input: TranslationOverrideInput!) {
  saveTranslationOverride(input: $input) { locale key text source } }`;
const DELETE = `mutation Delete($locale: String!, $key: String!) {
  deleteTranslationOverride(locale: $locale, key: $key) { key text } }`;
const LIST = `query List($locale: String) { translationOverrides(locale: $locale) { locale key text } }`;
const FORM = `query Form($token: String!, $locale: String!) {
  participantForm(token: $token) { kind textOverrides(locale: $locale) { key text } } }`;
const SUBMIT = `mutation Submit($token: String!, $answers: QuestionnaireAnswers!, $locale: String) {
  submitParticipantForm(token: $token, answers: $answers, locale: $locale) { kind } }`;

type Users = Record<'lead' | 'admin' | 'leader' | 'evaluator' | 'otherLead', { id: string; email: string }>;
let orgId: string;
let otherOrgId: string;
let users: Users;

async function browserFor(user: { email: string }): Promise<TestBrowser> {
  const browser = new TestBrowser();
  await browser.login(user.email, TEST_PASSWORD);
  return browser;
}

/** A one-time baseline link of the organisation, made as openParticipantForm makes it. */
async function linkOf(organizationId: string, code: string): Promise<string> {
  const token = generateFormToken();
  await prisma().formLink.create({
    data: {
      tokenHash: hashFormToken(token),
      organizationId,
      participantCode: code,
      kind: 'BASELINE',
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return token;
}

function fieldsOf(response: GraphQLResponse): string[] {
  const fields = response.body.errors?.[0]?.extensions?.fields as
    | { field: string; code: string; message: { da: string; en: string } }[]
    | undefined;
  for (const f of fields ?? []) expect(f.message.da && f.message.en).toBeTruthy();
  return (fields ?? []).map((f) => `${f.field}:${f.code}`);
}

async function stored() {
  return prisma().translationOverride.findMany({
    where: { organizationId: orgId },
    select: { locale: true, key: true, text: true },
    orderBy: [{ locale: 'asc' }, { key: 'asc' }],
  });
}

async function auditOf(action: string) {
  return prisma().auditEvent.findMany({
    where: { organizationId: orgId, entity: 'TranslationOverride', action },
    select: { userId: true, detail: true },
    orderBy: { id: 'asc' },
  });
}

beforeAll(async () => {
  await openDatabase();
  const org = await createOrganization({ name: 'Oversættelser Kommune', slug: 'oversaet' });
  const other = await createOrganization({ name: 'Anden Kommune', slug: 'oversaet-anden' });
  orgId = org.id;
  otherOrgId = other.id;
  const make = async (
    who: string,
    role: 'PROJECT_LEAD' | 'ADMIN' | 'GROUP_LEADER' | 'EVALUATOR',
    at = orgId,
  ) => {
    const email = `${who}@oversaet.test`;
    const user = await createUser({ email, memberships: [{ organizationId: at, role }] });
    return { id: user.id, email };
  };
  users = {
    lead: await make('lead', 'PROJECT_LEAD'),
    admin: await make('admin', 'ADMIN'),
    leader: await make('leader', 'GROUP_LEADER'),
    evaluator: await make('evaluator', 'EVALUATOR'),
    otherLead: await make('other-lead', 'PROJECT_LEAD', otherOrgId),
  };
});

describe('a lead replaces a participant translation without a code change', () => {
  it('saves, changes and lists an override, each write audited with the text before and after', async () => {
    const lead = await browserFor(users.lead);
    const first = await lead.graphql(SAVE, {
      input: { locale: 'ar', key: 'questionnaire.page', text: ' صفحة {page} من أصل {pages} ' },
    });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data).toEqual({
      saveTranslationOverride: [
        {
          locale: 'ar',
          key: 'questionnaire.page',
          text: 'صفحة {page} من أصل {pages}',
          source: 'Side {page} af {pages}',
        },
      ],
    });
    const admin = await browserFor(users.admin);
    const changed = await admin.graphql(SAVE, {
      input: { locale: 'ar', key: 'questionnaire.page', text: 'الصفحة {page} من {pages}' },
    });
    expect(changed.body.errors).toBeUndefined();
    await lead.graphql(SAVE, { input: { locale: 'pl', key: 'questionnaire.next', text: 'Dalej →' } });
    expect(await stored()).toEqual([
      { locale: 'ar', key: 'questionnaire.page', text: 'الصفحة {page} من {pages}' },
      { locale: 'pl', key: 'questionnaire.next', text: 'Dalej →' },
    ]);
    const list = await lead.graphql(LIST, { locale: 'pl' });
    expect(list.body.data).toEqual({
      translationOverrides: [{ locale: 'pl', key: 'questionnaire.next', text: 'Dalej →' }],
    });
    expect((await auditOf('CREATE')).map((a) => [a.userId, a.detail])).toEqual([
      [users.lead.id, { locale: 'ar', key: 'questionnaire.page', after: 'صفحة {page} من أصل {pages}' }],
      [users.lead.id, { locale: 'pl', key: 'questionnaire.next', after: 'Dalej →' }],
    ]);
    expect((await auditOf('UPDATE')).map((a) => [a.userId, a.detail])).toEqual([
      [
        users.admin.id,
        {
          locale: 'ar',
          key: 'questionnaire.page',
          before: 'صفحة {page} من أصل {pages}',
          after: 'الصفحة {page} من {pages}',
        },
      ],
    ]);
  });

  it('refuses broken text, an unknown key or an unoffered language with field errors, storing nothing', async () => {
    const before = await stored();
    const lead = await browserFor(users.lead);
    const cases: Array<[Record<string, string>, string[]]> = [
      [{ locale: 'ar', key: 'questionnaire.page', text: 'صفحة {page}' }, ['text:PLACEHOLDERS_DIFFER']],
      [{ locale: 'ar', key: 'questionnaire.page', text: 'صفحة {page من {pages}' }, ['text:ICU_SYNTAX']],
      [{ locale: 'de', key: 'no.such.key', text: 'x' }, ['locale:UNKNOWN_LOCALE', 'key:UNKNOWN_KEY']],
      [{ locale: 'tr', key: 'questionnaire.next', text: '  ' }, ['text:EMPTY_TEXT']],
    ];
    for (const [input, expected] of cases) {
      const response = await lead.graphql(SAVE, { input });
      expect(errorCodes(response)).toEqual(['VALIDATION']);
      expect(fieldsOf(response)).toEqual(expected);
    }
    expect(errorCodes(await lead.graphql(LIST, { locale: 'xx' }))).toEqual(['VALIDATION']);
    expect(await stored()).toEqual(before);
  });

  it('is refused to other roles (audited) and never reaches another organisation', async () => {
    const before = await stored();
    for (const user of [users.leader, users.evaluator]) {
      const browser = await browserFor(user);
      const save = await browser.graphql(SAVE, {
        input: { locale: 'ar', key: 'questionnaire.next', text: 'x' },
      });
      expect(errorCodes(save)).toEqual(['FORBIDDEN']);
      expect(errorCodes(await browser.graphql(DELETE, { locale: 'ar', key: 'questionnaire.page' }))).toEqual([
        'FORBIDDEN',
      ]);
    }
    const denied = await prisma().auditEvent.findMany({
      where: {
        organizationId: orgId,
        action: 'DENIED',
        entityId: { in: ['saveTranslationOverride', 'deleteTranslationOverride'] },
      },
      select: { userId: true },
    });
    expect(denied).toHaveLength(4);
    const otherLead = await browserFor(users.otherLead);
    expect((await otherLead.graphql(LIST, {})).body.data).toEqual({ translationOverrides: [] });
    await otherLead.graphql(DELETE, { locale: 'ar', key: 'questionnaire.page' });
    expect(await stored()).toEqual(before);
  });

  it("reaches the participant page of the organisation's own links only, in the language asked for", async () => {
    const anonymous = new TestBrowser();
    const ours = await linkOf(orgId, 'OVS-0001');
    const theirs = await linkOf(otherOrgId, 'OVS-0002');
    const form = await anonymous.graphql(FORM, { token: ours, locale: 'ar' });
    expect(form.body.data).toEqual({
      participantForm: {
        kind: 'BASELINE',
        textOverrides: [{ key: 'questionnaire.page', text: 'الصفحة {page} من {pages}' }],
      },
    });
    const polish = await anonymous.graphql(FORM, { token: ours, locale: 'pl' });
    expect(polish.body.data).toEqual({
      participantForm: { kind: 'BASELINE', textOverrides: [{ key: 'questionnaire.next', text: 'Dalej →' }] },
    });
    const other = await anonymous.graphql(FORM, { token: theirs, locale: 'ar' });
    expect(other.body.data).toEqual({ participantForm: { kind: 'BASELINE', textOverrides: [] } });
    expect(errorCodes(await anonymous.graphql(FORM, { token: ours, locale: 'xx' }))).toEqual(['VALIDATION']);
  });

  it('goes back to the built-in text when deleted, audited', async () => {
    const lead = await browserFor(users.lead);
    const response = await lead.graphql(DELETE, { locale: 'ar', key: 'questionnaire.page' });
    expect(response.body.data).toEqual({ deleteTranslationOverride: [] });
    // A second delete finds nothing: nothing changes, nothing more is audited.
    await lead.graphql(DELETE, { locale: 'ar', key: 'questionnaire.page' });
    expect((await auditOf('DELETE')).map((a) => a.detail)).toEqual([
      { locale: 'ar', key: 'questionnaire.page', before: 'الصفحة {page} من {pages}' },
    ]);
  });
});

describe('the language of a participant form is recorded with the answers', () => {
  it('stores the offered language the form was answered in', async () => {
    const token = await linkOf(orgId, 'OVS-0101');
    const anonymous = new TestBrowser();
    const response = await anonymous.graphql(SUBMIT, { token, answers: { age: 40 }, locale: 'ar' });
    expect(response.body.errors).toBeUndefined();
    const row = await prisma().questionnaireResponse.findFirstOrThrow({
      where: { participantCode: 'OVS-0101' },
      select: { locale: true },
    });
    expect(row.locale).toBe('ar');
  });

  it('refuses a language the forms do not offer, naming the field, and leaves the link unused', async () => {
    const token = await linkOf(orgId, 'OVS-0102');
    const anonymous = new TestBrowser();
    const response = await anonymous.graphql(SUBMIT, { token, answers: { age: 40 }, locale: 'de' });
    expect(errorCodes(response)).toEqual(['VALIDATION']);
    expect(fieldsOf(response)).toEqual(['locale:UNKNOWN_LOCALE']);
    expect(await prisma().questionnaireResponse.count({ where: { participantCode: 'OVS-0102' } })).toBe(0);
    const link = await prisma().formLink.findFirstOrThrow({
      where: { participantCode: 'OVS-0102' },
      select: { usedAt: true },
    });
    expect(link.usedAt).toBeNull();
  });

  it('leaves the language unrecorded when the page does not send it (pages from before issue 14)', async () => {
    const token = await linkOf(orgId, 'OVS-0103');
    const response = await new TestBrowser().graphql(SUBMIT, { token, answers: {} });
    expect(response.body.errors).toBeUndefined();
    const row = await prisma().questionnaireResponse.findFirstOrThrow({
      where: { participantCode: 'OVS-0103' },
      select: { locale: true },
    });
    expect(row.locale).toBeNull();
  });
});

describe('the outreach survey page’s own sentences can be reworded too', () => {
  it('saves and lists an override of a survey page sentence with its Danish source', async () => {
    const lead = await browserFor(users.otherLead);
    const saved = await lead.graphql(SAVE, {
      input: { locale: 'ar', key: 'survey.page.thanks', text: 'شكرًا جزيلًا! وصلتنا إجاباتك.' },
    });
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data).toEqual({
      saveTranslationOverride: [
        {
          locale: 'ar',
          key: 'survey.page.thanks',
          text: 'شكرًا جزيلًا! وصلتنا إجاباتك.',
          source: 'Tak! Dine svar er modtaget.',
        },
      ],
    });
    const wrong = await lead.graphql(SAVE, {
      input: { locale: 'ar', key: 'survey.page.expires', text: 'الرابط صالح.' },
    });
    expect(fieldsOf(wrong)).toEqual(['text:PLACEHOLDERS_DIFFER']);
  });
});
