// The outreach survey page lays the lead's reworded texts over the built-in catalogue (issue 14):
// its public query returns the link's organisation's overrides for the chosen language, and
// nothing of another organisation's, on a real database (PGlite).
import { formTokenFromFragment } from '@vi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserFor,
  callableRows,
  createOutreachOrg,
  dataOf,
  errorCodes,
  importRows,
  type OutreachOrg,
} from '../outreach/outreach-test-fixtures.ts';
import { createUser } from '../testing/fixtures.ts';
import { TestBrowser } from '../testing/graphql-client.ts';
import { DevelopmentSmsProvider, setSmsProvider } from './sms-provider.ts';

const CLAIM_NEXT = 'mutation { claimNextCase { caseId } }';
const RECORD = `mutation($id: ID!, $input: CallOutcomeInput!) {
  recordCallOutcome(caseId: $id, input: $input) { surveyLink { url } } }`;
const OPEN = `query($token: String!, $locale: String!) {
  outreachSurvey(token: $token) { organizationName textOverrides(locale: $locale) { key text } } }`;
const SAVE = `mutation($input: TranslationOverrideInput!) { saveTranslationOverride(input: $input) { key } }`;

let org: OutreachOrg;

beforeAll(async () => {
  org = await createOutreachOrg('survey-overrides');
  await importRows(org, callableRows(2));
  setSmsProvider(new DevelopmentSmsProvider(() => {}));
});
afterAll(() => setSmsProvider(null));

async function surveyToken(): Promise<string> {
  const worker = await browserFor(org.users.worker);
  const { caseId } = dataOf<{ claimNextCase: { caseId: string } }>(
    await worker.graphql(CLAIM_NEXT),
  ).claimNextCase;
  const { surveyLink } = dataOf<{ recordCallOutcome: { surveyLink: { url: string } | null } }>(
    await worker.graphql(RECORD, {
      id: caseId,
      input: { outcome: 'WILL_CALL_SELF', surveyStatus: 'OFFERED_ACCEPTED' },
    }),
  ).recordCallOutcome;
  if (!surveyLink) throw new Error('no survey link issued');
  const token = formTokenFromFragment(new URL(surveyLink.url).hash);
  if (!token) throw new Error('no token in the link');
  return token;
}

describe('the outreach survey page reads the organisation’s reworded texts', () => {
  it('returns the overrides of the link’s organisation in the chosen language only', async () => {
    const lead = await browserFor(org.users.lead);
    const saved = await lead.graphql(SAVE, {
      input: { locale: 'pl', key: 'survey.closing', text: 'Dziękujemy bardzo – nasz własny tekst.' },
    });
    expect(saved.body.errors).toBeUndefined();
    await lead.graphql(SAVE, {
      input: { locale: 'ar', key: 'questionnaire.next', text: 'التالي ←' },
    });
    // Another organisation's lead rewords the same text: it must not reach this organisation's link.
    const otherLead = await createUser({
      email: 'other-lead@survey-overrides.test',
      memberships: [{ organizationId: org.otherOrganizationId, role: 'PROJECT_LEAD' }],
    });
    const theirs = await browserFor(otherLead);
    const other = await theirs.graphql(SAVE, {
      input: { locale: 'pl', key: 'survey.closing', text: 'Tekst innej organizacji.' },
    });
    expect(other.body.errors).toBeUndefined();

    const token = await surveyToken();
    const person = new TestBrowser();
    const polish = await person.graphql(OPEN, { token, locale: 'pl' });
    expect(polish.body.errors).toBeUndefined();
    expect(polish.body.data).toEqual({
      outreachSurvey: {
        organizationName: 'Offerrådgivningen survey-overrides',
        textOverrides: [{ key: 'survey.closing', text: 'Dziękujemy bardzo – nasz własny tekst.' }],
      },
    });
    const arabic = await person.graphql(OPEN, { token, locale: 'ar' });
    expect(arabic.body.data).toMatchObject({
      outreachSurvey: { textOverrides: [{ key: 'questionnaire.next', text: 'التالي ←' }] },
    });
    const turkish = await person.graphql(OPEN, { token, locale: 'tr' });
    expect(turkish.body.data).toMatchObject({ outreachSurvey: { textOverrides: [] } });
    expect(errorCodes(await person.graphql(OPEN, { token, locale: 'de' }))).toEqual(['VALIDATION']);
  });
});
