// Issue 13, the outreach worker's and counsellor's day: earlier attempts on the call screen (also
// on another incident with the same phone number), the counsellor's own call-back log, the retired
// "registered as other", and settings errors that name the allowed range.
import { beforeAll, describe, expect, it } from 'vitest';
import { database, prisma } from '../database.ts';
import {
  browserFor,
  createOutreachOrg,
  dataOf,
  daysAgo,
  errorCodes,
  importRows,
  type OutreachOrg,
} from './outreach-test-fixtures.ts';
import { runRetention } from './retention.ts';

const CLAIM_NEXT = 'mutation { claimNextCase { caseId } }';
const CALL_CASE = `query($id: ID!) { callCase(caseId: $id) { id phone attempts { at outcome otherIncident } } }`;
const RECORD = `mutation($id: ID!, $input: CallOutcomeInput!) {
  recordCallOutcome(caseId: $id, input: $input) { caseId status referralId } }`;
const TAKE =
  'mutation($id: ID!) { takeReferral(referralId: $id) { id status occurredOn attempts { kind } } }';
const LOG = `mutation($id: ID!, $input: ReferralAttemptInput!) {
  logReferralAttempt(referralId: $id, input: $input) { id status attempts { kind note at } } }`;
const MINE = 'query { myReferrals { id occurredOn attempts { kind note } } }';
const RESULT = `mutation($id: ID!, $input: ReferralResultInput!) {
  recordReferralResult(referralId: $id, input: $input) { id status } }`;

let org: OutreachOrg;

type Attempt = { at: string; outcome: string; otherIncident: boolean };

beforeAll(async () => {
  org = await createOutreachOrg('day');
  // One phone number, two incidents (the older one is called first), and two other people.
  await importRows(org, [
    {
      incidentDate: daysAgo(6),
      incidentType: 'Vold',
      role: 'offer',
      name: 'Alfa',
      phone: '99 99 76 82',
      age: '30',
      gender: 'kvinde',
    },
    {
      incidentDate: daysAgo(5),
      incidentType: 'Vold',
      role: 'offer',
      name: 'Alfa',
      phone: '+4599997682',
      age: '30',
      gender: 'kvinde',
    },
    {
      incidentDate: daysAgo(3),
      incidentType: 'Vold',
      role: 'vidne',
      name: 'Beta',
      phone: '31425364',
      age: '52',
      gender: 'mand',
    },
    {
      incidentDate: daysAgo(3),
      incidentType: 'Vold',
      role: 'vidne',
      name: 'Gamma',
      phone: '41526374',
      age: '52',
      gender: 'mand',
    },
  ]);
});

describe('earlier attempts on the call screen', () => {
  it('lists this case’s attempts and a "not safe to talk" on another incident with the same number', async () => {
    const worker = await browserFor(org.users.worker);
    const first = dataOf<{ claimNextCase: { caseId: string } }>(await worker.graphql(CLAIM_NEXT))
      .claimNextCase.caseId;
    const before = dataOf<{ callCase: { phone: string; attempts: Attempt[] } }>(
      await worker.graphql(CALL_CASE, { id: first }),
    ).callCase;
    expect(before.phone).toBe('+4599997682');
    expect(before.attempts).toEqual([]);
    dataOf(await worker.graphql(RECORD, { id: first, input: { outcome: 'NOT_SAFE_TO_TALK' } }));

    // Save and take next: the next claim is the same number's other incident.
    const second = dataOf<{ claimNextCase: { caseId: string } }>(await worker.graphql(CLAIM_NEXT))
      .claimNextCase.caseId;
    expect(second).not.toBe(first);
    const next = dataOf<{ callCase: { phone: string; attempts: Attempt[] } }>(
      await worker.graphql(CALL_CASE, { id: second }),
    ).callCase;
    expect(next.phone).toBe('+4599997682');
    expect(next.attempts).toEqual([
      { at: expect.any(String), outcome: 'NOT_SAFE_TO_TALK', otherIncident: true },
    ]);
    // Within a second of now: the instant was read as UTC, not shifted by the server's zone.
    expect(Math.abs(Date.parse(next.attempts[0]!.at) - Date.now())).toBeLessThan(60_000);

    dataOf(await worker.graphql(RECORD, { id: second, input: { outcome: 'NOT_REACHED' } }));
    const third = dataOf<{ claimNextCase: { caseId: string } }>(await worker.graphql(CLAIM_NEXT))
      .claimNextCase.caseId;
    const other = dataOf<{ callCase: { phone: string; attempts: Attempt[] } }>(
      await worker.graphql(CALL_CASE, { id: third }),
    ).callCase;
    // Another person's number: none of the attempts above. Which of the two others comes next is
    // the queue's tie-break on random ids (same priority, day and import instant).
    expect(['+4531425364', '+4541526374']).toContain(other.phone);
    expect(other.attempts).toEqual([]);
  });
});

describe("the counsellor's own call-back log", () => {
  let referralId = '';

  beforeAll(async () => {
    const worker = await browserFor(org.users.worker2);
    const caseId = dataOf<{ claimNextCase: { caseId: string } }>(await worker.graphql(CLAIM_NEXT))
      .claimNextCase.caseId;
    referralId = dataOf<{ recordCallOutcome: { referralId: string } }>(
      await worker.graphql(RECORD, {
        id: caseId,
        input: { outcome: 'WANTS_CALL', surveyStatus: 'OFFERED_ACCEPTED', referralConsent: true },
      }),
    ).recordCallOutcome.referralId;
    expect(referralId).toBeTruthy();
  });

  it('logs attempts and notes on a referral the counsellor holds, audited without the note', async () => {
    const counsellor = await browserFor(org.users.counsellor);
    const taken = dataOf<{ takeReferral: { occurredOn: string; attempts: unknown[] } }>(
      await counsellor.graphql(TAKE, { id: referralId }),
    ).takeReferral;
    expect(taken.occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(taken.attempts).toEqual([]);

    dataOf(await counsellor.graphql(LOG, { id: referralId, input: { kind: 'NOT_REACHED' } }));
    const logged = dataOf<{
      logReferralAttempt: { status: string; attempts: { kind: string; note: string | null }[] };
    }>(
      await counsellor.graphql(LOG, {
        id: referralId,
        input: { kind: 'NEW_TIME_AGREED', note: 'Ring torsdag efter kl. 16.' },
      }),
    ).logReferralAttempt;
    expect(logged.status).toBe('TAKEN');
    expect(logged.attempts.map((a) => a.kind).sort()).toEqual(['NEW_TIME_AGREED', 'NOT_REACHED']);
    expect(logged.attempts.find((a) => a.kind === 'NEW_TIME_AGREED')?.note).toBe(
      'Ring torsdag efter kl. 16.',
    );

    // The note is stored encrypted and never in the audit trail.
    const stored = await prisma().referralAttempt.findMany({ where: { referralId } });
    expect(stored).toHaveLength(2);
    expect(stored.some((a) => a.note?.includes('torsdag'))).toBe(false);
    const audit = await prisma().auditEvent.findMany({ where: { entity: 'ReferralAttempt' } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain('torsdag');

    const mine = dataOf<{ myReferrals: { id: string; attempts: unknown[] }[] }>(
      await counsellor.graphql(MINE),
    );
    expect(mine.myReferrals.find((r) => r.id === referralId)?.attempts).toHaveLength(2);
  });

  it('refuses an empty note, a note over 500 characters, and changes nothing', async () => {
    const counsellor = await browserFor(org.users.counsellor);
    const empty = await counsellor.graphql(LOG, { id: referralId, input: { kind: 'NOTE', note: '  ' } });
    expect(empty.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'note', code: 'REQUIRED' }),
    ]);
    const long = await counsellor.graphql(LOG, {
      id: referralId,
      input: { kind: 'NOTE', note: 'x'.repeat(501) },
    });
    expect(long.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'note', code: 'TOO_LONG' }),
    ]);
    expect(await prisma().referralAttempt.count({ where: { referralId } })).toBe(2);
  });

  it('refuses another counsellor (audited as DENIED) and the other roles', async () => {
    const counsellor2 = await browserFor(org.users.counsellor2);
    expect(
      errorCodes(await counsellor2.graphql(LOG, { id: referralId, input: { kind: 'NOT_REACHED' } })),
    ).toEqual(['CONFLICT']);
    const denied = await prisma().auditEvent.findMany({
      where: { entity: 'Referral', entityId: referralId, action: 'DENIED', userId: org.users.counsellor2.id },
    });
    expect(denied).toHaveLength(1);
    for (const who of [org.users.worker, org.users.lead, org.users.admin, org.users.otherWorker]) {
      const browser = await browserFor(who);
      const codes = errorCodes(
        await browser.graphql(LOG, { id: referralId, input: { kind: 'NOT_REACHED' } }),
      );
      expect(codes).toEqual(['FORBIDDEN']);
    }
    expect(await prisma().referralAttempt.count({ where: { referralId } })).toBe(2);
  });

  it('no longer accepts "registered as other" for a closure, then closes as conversation held', async () => {
    const counsellor = await browserFor(org.users.counsellor);
    const other = await counsellor.graphql(RESULT, { id: referralId, input: { result: 'REGISTERED_OTHER' } });
    expect(other.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'result', code: 'UNKNOWN_OPTION' }),
    ]);
    expect((await prisma().referral.findUniqueOrThrow({ where: { id: referralId } })).status).toBe('TAKEN');
    const closed = dataOf<{ recordReferralResult: { status: string } }>(
      await counsellor.graphql(RESULT, { id: referralId, input: { result: 'CONVERSATION_HELD' } }),
    ).recordReferralResult;
    expect(closed.status).toBe('CONVERSATION_HELD');
    // Closed: no more attempts.
    expect(
      errorCodes(await counsellor.graphql(LOG, { id: referralId, input: { kind: 'NOT_REACHED' } })),
    ).toEqual(['CONFLICT']);
  });

  it('clears the notes when the retention job erases the contact details', async () => {
    await runRetention(database(), new Date(Date.now() + 400 * 86_400_000));
    const stored = await prisma().referralAttempt.findMany({ where: { referralId } });
    expect(stored).toHaveLength(2);
    expect(stored.every((a) => a.note === null)).toBe(true);
  });
});

describe('settings errors', () => {
  it('name the allowed range in Danish and English', async () => {
    const lead = await browserFor(org.users.lead);
    const bad = await lead.graphql(
      `mutation($input: OutreachSettingsInput!) { updateOutreachSettings(input: $input) { callWindowDays } }`,
      {
        input: {
          callWindowDays: 400,
          incidentTypes: [{ type: 'THREATS', activeForOutreach: true, priority: 500 }],
        },
      },
    );
    expect(bad.body.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({
        field: 'callWindowDays',
        code: 'OUT_OF_RANGE',
        message: {
          da: 'Værdien skal være et helt tal mellem 1 og 365 dage.',
          en: 'The value must be a whole number between 1 and 365 days.',
        },
      }),
      expect.objectContaining({
        field: 'incidentTypes.0.priority',
        message: expect.objectContaining({ da: 'Værdien skal være et helt tal mellem -100 og 100.' }),
      }),
    ]);
  });
});
