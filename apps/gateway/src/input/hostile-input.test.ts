// The abuse from issue 9 ("Hostile input reaches the database"), sent the way a
// logged-in staff member with the right role would send it.
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../database.ts';
import { errorCodes, type GraphQLResponse, TestBrowser } from '../testing/graphql-client.ts';
import { databaseFingerprint, demoBrowser, openDemoWorld } from './demo-world.ts';

let worker: TestBrowser;
let counsellor: TestBrowser;
let lead: TestBrowser;
let outreachLead: TestBrowser;
let intake: TestBrowser;
let leader: TestBrowser;
let openCaseId: string;

beforeAll(async () => {
  await openDemoWorld();
  worker = await demoBrowser('outreach@offerraadgivning.demo');
  counsellor = await demoBrowser('counsellor@offerraadgivning.demo');
  outreachLead = await demoBrowser('lead@offerraadgivning.demo');
  lead = await demoBrowser('lead@koege.demo');
  intake = await demoBrowser('intake@koege.demo');
  leader = await demoBrowser('leader@koege.demo');
  openCaseId = (await prisma().outreachCase.findFirstOrThrow({ where: { status: 'OPEN' } })).id;
});

/** `field:code` of a VALIDATION answer, and nothing else in the answer. */
function fieldCodes(response: GraphQLResponse): string[] {
  expect(errorCodes(response)).toEqual(['VALIDATION']);
  const error = response.body.errors?.[0];
  const fields = (error?.extensions?.fields ?? []) as Array<{
    field: string;
    code: string;
    message: unknown;
  }>;
  for (const field of fields) {
    expect(field.message).toEqual({ da: expect.any(String), en: expect.any(String) });
  }
  return fields.map((f) => `${f.field}:${f.code}`);
}

/** Runs `send` and checks that the database is exactly as before. */
async function refusedWithoutWrite(send: () => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
  const before = await databaseFingerprint();
  const response = await send();
  expect(await databaseFingerprint()).toEqual(before);
  return response;
}

const MODULES = Array.from({ length: 10 }, (_, i) => `Modul ${i + 1}`);
const SAVE_PLAN =
  'mutation($input: SaveModulePlanInput!) { saveModulePlan(input: $input) { id name modules } }';
const IMPORT = `mutation($input: IncidentImportInput!) {
  importIncidents(input: $input) { batchId summary { importedCount rejectedCount } } }`;
const REGISTER = `mutation($input: RegisterIntakeInput!) { registerIntake(input: $input) { id name alias } }`;

function importRow(name: string) {
  return { incidentDate: '01-11-2026', incidentType: 'Vold', role: 'offer', name, phone: '22334455' };
}

function intakeInput(contact: { name?: string; alias?: string; reachNote?: string }, answers?: object) {
  return {
    registeredOn: '2026-11-02',
    answers: answers ?? { gender: 'WOMAN', age: 40, heard_from: ['POLICE'] },
    ...contact,
  };
}

describe('ids are checked as uuids before any SQL', () => {
  const NOT_IDS = [
    'nope',
    '1 OR 1=1',
    '\'; DROP TABLE "Person"; --',
    '00000000-0000-0000-0000-00000000000g',
    '',
  ];

  it.each([
    ['callCase', 'query($id: ID!) { callCase(caseId: $id) { id } }', 'caseId'],
    ['claimCase', 'mutation($id: ID!) { claimCase(caseId: $id) { caseId } }', 'caseId'],
    ['releaseCase', 'mutation($id: ID!) { releaseCase(caseId: $id) }', 'caseId'],
    [
      'recordCallOutcome',
      'mutation($id: ID!) { recordCallOutcome(caseId: $id, input: { outcome: NOT_REACHED }) { caseId } }',
      'caseId',
    ],
    ['takeReferral', 'mutation($id: ID!) { takeReferral(referralId: $id) { id } }', 'referralId'],
    [
      'recordReferralResult',
      'mutation($id: ID!) { recordReferralResult(referralId: $id, input: { result: CONVERSATION_HELD }) { id } }',
      'referralId',
    ],
  ] as const)('%s: VALIDATION naming the argument, never INTERNAL', async (_name, query, argument) => {
    // Referrals are the counsellor's, cases the outreach worker's.
    const browser = argument === 'referralId' ? counsellor : worker;
    for (const id of NOT_IDS) {
      const response = await refusedWithoutWrite(() => browser.graphql(query, { id }));
      expect(fieldCodes(response), id).toEqual([`${argument}:INVALID_ID`]);
    }
  });

  it('refuses a malformed id written into the document, as a string or a number', async () => {
    for (const literal of ['"nope"', '42', '"2a1f"']) {
      const response = await worker.graphql(`mutation { claimCase(caseId: ${literal}) { caseId } }`);
      expect(fieldCodes(response), literal).toEqual(['caseId:INVALID_ID']);
    }
    // A real id still reaches the resolver (and is claimed).
    const ok = await worker.graphql(`mutation { claimCase(caseId: "${openCaseId}") { caseId } }`);
    expect(ok.body.errors).toBeUndefined();
    await worker.graphql('mutation($id: ID!) { releaseCase(caseId: $id) }', { id: openCaseId });
  });

  it('checks ids inside input objects and lists, naming the path', async () => {
    const leaderIds = (await prisma().user.findMany({ where: { email: { startsWith: 'leader' } } })).map(
      (u) => u.id,
    );
    const plan = await prisma().modulePlan.findFirstOrThrow({ where: { organizationId: null } });
    const course = await lead.graphql(
      'mutation($input: CreateCourseInput!) { createCourse(input: $input) { course { id } } }',
      {
        input: {
          name: 'Hold',
          venue: 'Lokale 1',
          modulePlanId: plan.id,
          leaderIds: [leaderIds[0], 'x'],
          sessionDates: Array.from({ length: 10 }, (_, i) => `2027-01-${String(i + 10).padStart(2, '0')}`),
        },
      },
    );
    expect(fieldCodes(course)).toEqual(['leaderIds.1:INVALID_ID']);
    const session = await prisma().courseSession.findFirstOrThrow();
    const attendance = await leader.graphql(
      `mutation($s: ID!) { recordAttendance(sessionId: $s, attendance: [{ enrolmentId: "e1", present: true }]) { id } }`,
      { s: session.id },
    );
    expect(fieldCodes(attendance)).toEqual(['attendance.0.enrolmentId:INVALID_ID']);
    // A variable inside a literal is named by where it sits.
    const nested = await leader.graphql(
      `mutation($s: ID!, $e: ID!) { recordAttendance(sessionId: $s, attendance: [{ enrolmentId: $e, present: true }]) { id } }`,
      { s: 'session', e: 'e1' },
    );
    expect(fieldCodes(nested).sort()).toEqual([
      'attendance.0.enrolmentId:INVALID_ID',
      'sessionId:INVALID_ID',
    ]);
  });

  it('covers queries as well as mutations', async () => {
    const response = await worker.graphql('query($id: ID!) { person(id: $id) { id } }', { id: 'P-1' });
    expect(fieldCodes(response)).toEqual(['id:INVALID_ID']);
  });
});

describe('dates outside the calendar the database keeps', () => {
  it('year 0000 is an invalid date, not a database error', async () => {
    const koege = await prisma().organization.findUniqueOrThrow({ where: { slug: 'koege' } });
    const enrolment = await prisma().enrolment.findFirstOrThrow({
      where: { withdrawnOn: null, course: { organizationId: koege.id } },
    });
    const withdraw = await refusedWithoutWrite(() =>
      lead.graphql(
        'mutation($id: ID!, $on: String!) { withdrawParticipant(enrolmentId: $id, on: $on, reason: OTHER) { id } }',
        {
          id: enrolment.id,
          on: '0000-01-01',
        },
      ),
    );
    expect(fieldCodes(withdraw)).toEqual(['on:INVALID_DATE']);
    const evaluator = await demoBrowser('evaluator@vive.demo');
    for (const from of ['0000-01-01', '0000-02-29']) {
      const figures = await evaluator.graphql(
        'query($f: Date) { evaluation(filter: { from: $f }) { from } }',
        {
          f: from,
        },
      );
      expect(errorCodes(figures), from).toEqual(['VALIDATION']);
    }
  });
});

describe('missing and wrongly typed variables', () => {
  const CLAIM = 'mutation($id: ID!) { claimCase(caseId: $id) { caseId } }';

  it('a missing required variable is VALIDATION naming it, not INTERNAL', async () => {
    expect(fieldCodes(await worker.graphql(CLAIM, {}))).toEqual(['id:REQUIRED']);
    expect(fieldCodes(await worker.graphql(CLAIM))).toEqual(['id:REQUIRED']);
    expect(fieldCodes(await worker.graphql(CLAIM, { id: null }))).toEqual(['id:REQUIRED']);
  });

  it('a variable of the wrong type is VALIDATION naming it or the field inside it', async () => {
    expect(fieldCodes(await worker.graphql(CLAIM, { id: { a: 1 } }))).toEqual(['id:INVALID_TYPE']);
    expect(fieldCodes(await worker.graphql(CLAIM, { id: true }))).toEqual(['id:INVALID_TYPE']);
    const rows = [importRow('A'), { ...importRow('B'), name: 5 }];
    const response = await worker.graphql(IMPORT, { input: { fileName: 'x.csv', rows } });
    expect(fieldCodes(response)).toEqual(['rows.1.name:INVALID_TYPE']);
    const missingField = await worker.graphql(IMPORT, { input: { rows: [importRow('A')] } });
    expect(fieldCodes(missingField)).toEqual(['fileName:REQUIRED']);
  });
});

describe('texts: NUL, control and bidi characters are refused, everything else is stored in NFC', () => {
  it('a NUL byte in an import row is VALIDATION naming the row and field; nothing is stored', async () => {
    const rows = [importRow('Søren Hansen'), importRow('Bo\u0000Jensen')];
    const response = await refusedWithoutWrite(() =>
      worker.graphql(IMPORT, { input: { fileName: 'liste.csv', rows } }),
    );
    expect(fieldCodes(response)).toEqual(['rows.1.name:CONTROL_CHARACTER']);
    const preview = await worker.graphql(
      'mutation($input: IncidentImportInput!) { previewIncidentImport(input: $input) { summary { rowCount } } }',
      { input: { fileName: 'liste.csv', rows } },
    );
    expect(fieldCodes(preview)).toEqual(['rows.1.name:CONTROL_CHARACTER']);
  });

  it('a garbled name from a mis-read Windows-1252 file ("S\uFFFDren") is refused, not stored', async () => {
    const rows = [importRow('S\uFFFDren Hansen')];
    for (const mutation of ['importIncidents', 'previewIncidentImport']) {
      const response = await refusedWithoutWrite(() =>
        worker.graphql(
          `mutation($input: IncidentImportInput!) { ${mutation}(input: $input) { summary { rowCount } } }`,
          { input: { fileName: 'liste.csv', rows } },
        ),
      );
      expect(fieldCodes(response), mutation).toEqual(['rows.0.name:UNREADABLE_CHARACTER']);
    }
  });

  it('a NUL byte in an intake is VALIDATION, not INTERNAL', async () => {
    const response = await refusedWithoutWrite(() =>
      intake.graphql(REGISTER, { input: intakeInput({ name: 'Anna\u0000Berg' }) }),
    );
    expect(fieldCodes(response)).toEqual(['name:CONTROL_CHARACTER']);
    const inAnswers = await refusedWithoutWrite(() =>
      intake.graphql(REGISTER, {
        input: intakeInput({ name: 'Anna Berg' }, { gender: 'WOMAN\u0000', age: 40, heard_from: ['POLICE'] }),
      }),
    );
    expect(fieldCodes(inAnswers)).toEqual(['answers.gender:CONTROL_CHARACTER']);
  });

  it('a NUL byte in a module-plan name or title is VALIDATION, as a variable and as a literal', async () => {
    const viaVariable = await refusedWithoutWrite(() =>
      lead.graphql(SAVE_PLAN, { input: { name: 'Plan\u0000', modules: MODULES } }),
    );
    expect(fieldCodes(viaVariable)).toEqual(['name:CONTROL_CHARACTER']);
    const title = await lead.graphql(SAVE_PLAN, {
      input: { name: 'Plan', modules: MODULES.map((m, i) => (i === 3 ? `${m}\u0000` : m)) },
    });
    expect(fieldCodes(title)).toEqual(['modules.3:CONTROL_CHARACTER']);
    const literal = await refusedWithoutWrite(() =>
      lead.graphql(
        `mutation { saveModulePlan(input: { name: "Plan\\u0000", modules: ${JSON.stringify(MODULES)} }) { id } }`,
      ),
    );
    expect(fieldCodes(literal)).toEqual(['name:CONTROL_CHARACTER']);
  });

  it('refuses U+0007 and U+202E in names (intake, import, module plan) and stores nothing', async () => {
    const cases: Array<[string, () => Promise<GraphQLResponse>, string]> = [
      [
        'bell in intake name',
        () => intake.graphql(REGISTER, { input: intakeInput({ name: 'Anna\u0007' }) }),
        'name:CONTROL_CHARACTER',
      ],
      [
        'RLO in intake alias',
        () => intake.graphql(REGISTER, { input: intakeInput({ alias: 'gpj.\u202Eexe' }) }),
        'alias:BIDI_CONTROL',
      ],
      [
        'RLO in import row',
        () =>
          worker.graphql(IMPORT, { input: { fileName: 'l.csv', rows: [importRow('Søren\u202Enesrøs')] } }),
        'rows.0.name:BIDI_CONTROL',
      ],
      [
        'isolate in plan name',
        () => lead.graphql(SAVE_PLAN, { input: { name: 'A\u2066B', modules: MODULES } }),
        'name:BIDI_CONTROL',
      ],
      [
        'bell in plan name',
        () => lead.graphql(SAVE_PLAN, { input: { name: 'A\u0007B', modules: MODULES } }),
        'name:CONTROL_CHARACTER',
      ],
      [
        'C1 in import file name',
        () => worker.graphql(IMPORT, { input: { fileName: 'l\u0085.csv', rows: [] } }),
        'fileName:CONTROL_CHARACTER',
      ],
      [
        'lone surrogate',
        () => lead.graphql(SAVE_PLAN, { input: { name: 'A\uD800', modules: MODULES } }),
        'name:INVALID_TEXT',
      ],
    ];
    for (const [name, send, expected] of cases) {
      const response = await refusedWithoutWrite(send);
      expect(fieldCodes(response), name).toEqual([expected]);
    }
  });

  it('allows line breaks and tab only in multi-line texts (the call script), not in a name', async () => {
    const tab = await lead.graphql(SAVE_PLAN, { input: { name: 'A\tB', modules: MODULES } });
    expect(fieldCodes(tab)).toEqual(['name:CONTROL_CHARACTER']);
    const newline = await lead.graphql(SAVE_PLAN, { input: { name: 'A\nB', modules: MODULES } });
    expect(fieldCodes(newline)).toEqual(['name:LINE_BREAK']);
    const script = 'Goddag, mit navn er …\r\n\tSpørg: Er det et godt tidspunkt?\n';
    const saved = await outreachLead.graphql(
      'mutation($input: OutreachSettingsInput!) { updateOutreachSettings(input: $input) { callScript } }',
      { input: { callScript: script } },
    );
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data).toEqual({ updateOutreachSettings: { callScript: script } });
  });

  it('stores names in NFC, whether sent as a variable or written into the document', async () => {
    const decomposed = 'Ka\u030Ares plan';
    const viaVariable = await lead.graphql(SAVE_PLAN, { input: { name: decomposed, modules: MODULES } });
    const viaLiteral = await lead.graphql(
      `mutation { saveModulePlan(input: { name: "Ka\\u030Ares plan 2", modules: ${JSON.stringify(MODULES)} }) { id name } }`,
    );
    for (const response of [viaVariable, viaLiteral]) {
      expect(response.body.errors).toBeUndefined();
      const { id } = (response.body.data as { saveModulePlan: { id: string } }).saveModulePlan;
      const stored = await prisma().modulePlan.findUniqueOrThrow({ where: { id } });
      expect(stored.name.startsWith('K\u00E5res plan')).toBe(true);
    }
  });

  it('refuses the whole operation before any resolver runs: an earlier valid mutation is not written', async () => {
    const before = await prisma().modulePlan.count();
    const response = await lead.graphql(
      `mutation($ok: SaveModulePlanInput!, $bad: SaveModulePlanInput!) {
        a: saveModulePlan(input: $ok) { id } b: saveModulePlan(input: $bad) { id } }`,
      { ok: { name: 'Fin plan', modules: MODULES }, bad: { name: 'Slem\u0000plan', modules: MODULES } },
    );
    expect(fieldCodes(response)).toEqual(['name:CONTROL_CHARACTER']);
    expect(response.body.data).toBeUndefined();
    expect(await prisma().modulePlan.count()).toBe(before);
  });

  it('leaves passwords as typed: a control character in one is a wrong password, not a refused field', async () => {
    const anonymous = new TestBrowser();
    const response = await anonymous.graphql(
      'mutation($input: LoginInput!) { login(input: $input) { id } }',
      { input: { email: 'nobody@offerraadgivning.demo', password: 'demo\u202Eadgang\u0000' } },
    );
    expect(errorCodes(response)).not.toContain('VALIDATION');
    expect(errorCodes(response)).not.toContain('INTERNAL');
  });
});
