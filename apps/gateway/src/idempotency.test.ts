/**
 * The attack: a client (or a proxy, or a nervous user double-clicking) sends the same creating
 * mutation again and again, in parallel and in sequence. With the same Idempotency-Key exactly one
 * person is created and every sender gets the same answer.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { database, openDatabase, prisma } from './database.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import { openAnswer, sealAnswer } from './idempotency.ts';
import { createOrganization, createUser, TEST_PASSWORD } from './testing/fixtures.ts';
import { TestBrowser } from './testing/graphql-client.ts';
import { yoga } from './yoga.ts';

const REGISTER = `mutation Register($input: RegisterIntakeInput!) {
  registerIntake(input: $input) { id personId name phone }
}`;
const VIOLENCE_ROWS = ['PHYSICAL', 'PSYCHOLOGICAL', 'SEXUAL', 'MATERIAL', 'ECONOMIC', 'DIGITAL', 'STALKING'];
const HONOUR_ROWS = ['HONOUR_RELATED', 'OTHER'];

function intakeInput(name: string, phone = '20 30 40 50') {
  return {
    registeredOn: new Date().toISOString().slice(0, 10),
    name,
    phone,
    answers: {
      gender: 'WOMAN',
      age: 41,
      heard_from: ['POLICE'],
      violence_status: Object.fromEntries(
        [...VIOLENCE_ROWS, ...HONOUR_ROWS].map((row) => [
          row,
          row === 'PHYSICAL' ? 'ONGOING' : 'NOT_RELEVANT',
        ]),
      ),
    },
  };
}

type Answer = {
  data?: { registerIntake?: { personId: string } } | null;
  errors?: Array<{ extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
};

let cookie = '';
let otherCookie = '';
let organizationId = '';

async function send(key: string | null, variables: unknown, who = cookie): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', cookie: `vi_session=${who}` };
  if (key !== null) headers['idempotency-key'] = key;
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: REGISTER, variables }),
  });
  return (await response.json()) as Answer;
}

async function intakeCount(): Promise<number> {
  const rows = await database().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "IntakeRegistration" i JOIN "Person" p ON p.id = i."personId"
     WHERE p."organizationId" = $1::uuid`,
    [organizationId],
  );
  return rows[0]?.n ?? 0;
}

beforeAll(async () => {
  await openDatabase();
  const org = await createOrganization({ name: 'Idempotens Kommune', slug: 'idempotens' });
  organizationId = org.id;
  for (const email of ['intake@idem.test', 'intake2@idem.test']) {
    await createUser({ email, memberships: [{ organizationId: org.id, role: 'INTAKE_COORDINATOR' }] });
  }
  const first = new TestBrowser();
  await first.login('intake@idem.test', TEST_PASSWORD);
  cookie = first.cookie ?? '';
  const second = new TestBrowser();
  await second.login('intake2@idem.test', TEST_PASSWORD);
  otherCookie = second.cookie ?? '';
});

describe('Idempotency-Key on creating mutations', () => {
  it('creates one intake for parallel and later retries with the same key, all with the same answer', async () => {
    const before = await intakeCount();
    const key = randomUUID();
    const variables = { input: intakeInput('Gentaget Gentagsen') };
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(key, variables)));
    const later = await send(key, variables);
    expect(await intakeCount()).toBe(before + 1);
    const first = answers.find((answer) => !answer.extensions?.idempotentReplay);
    expect(first?.errors).toBeUndefined();
    for (const answer of [...answers, later]) {
      // A duplicate waits for the first answer (or, past the wait, gets a coded CONFLICT: never a second row).
      if (answer.errors) {
        expect(answer.errors.map((error) => error.extensions?.code)).toEqual(['CONFLICT']);
      } else {
        expect(answer.data).toEqual(first?.data);
      }
    }
    expect(later.extensions?.idempotentReplay).toBe(true);
    expect(later.data).toEqual(first?.data);
  });

  it('without a key every request creates (the apps always send one)', async () => {
    const before = await intakeCount();
    const variables = { input: intakeInput('Uden Nøgle') };
    await send(null, variables);
    await send(null, variables);
    expect(await intakeCount()).toBe(before + 2);
  });

  it('refuses the same key with another request, and keys are per user', async () => {
    const key = randomUUID();
    const before = await intakeCount();
    expect((await send(key, { input: intakeInput('Første Brug') })).errors).toBeUndefined();
    const reused = await send(key, { input: intakeInput('Anden Brug') });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'KEY_REUSED' });
    // Another user's identical key is another key: it runs, and nothing of the first answer leaks.
    const other = await send(key, { input: intakeInput('Første Brug') }, otherCookie);
    expect(other.errors).toBeUndefined();
    expect(other.extensions?.idempotentReplay).toBeUndefined();
    expect(await intakeCount()).toBe(before + 2);
  });

  it('frees the key after a refusal, so the corrected request runs', async () => {
    const key = randomUUID();
    const before = await intakeCount();
    const refused = await send(key, { input: { ...intakeInput('Fejl Telefon'), phone: '12' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION');
    // The same request again is refused again (not replayed as stored), and a corrected one with a new body…
    const corrected = await send(key, { input: intakeInput('Fejl Telefon') });
    expect(corrected.errors).toBeUndefined();
    expect(await intakeCount()).toBe(before + 1);
  });

  it('lets a key expire after 24 hours: then it runs again', async () => {
    const key = randomUUID();
    const variables = { input: intakeInput('Udløbet Nøgle') };
    const before = await intakeCount();
    await send(key, variables);
    const [row] = await database().query<{ expiresAt: Date; createdAt: Date }>(
      `SELECT "expiresAt", "createdAt" FROM "IdempotencyKey" ORDER BY "createdAt" DESC LIMIT 1`,
    );
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeGreaterThan(23.9 * 3600 * 1000);
    await database().query(`UPDATE "IdempotencyKey" SET "expiresAt" = now() - interval '1 second'`);
    const again = await send(key, variables);
    expect(again.extensions?.idempotentReplay).toBeUndefined();
    expect(await intakeCount()).toBe(before + 2);
  });

  it('refuses a guessable key and stores neither the key nor the answer in plaintext', async () => {
    const short = await send('1', { input: intakeInput('Kort Nøgle') });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', header: 'Idempotency-Key' });
    const key = randomUUID();
    await send(key, { input: intakeInput('Hemmelig Kanariefugl', '61 62 63 64') });
    const rows = await prisma().idempotencyKey.findMany();
    const dump = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(0);
    for (const plain of ['Kanariefugl', '61626364', key]) expect(dump).not.toContain(plain);
  });
});

describe('helpers', () => {
  it('sealed answers open only with their key', () => {
    const key = Buffer.alloc(32, 7);
    const sealed = sealAnswer(key, { data: { x: 'Navn' } });
    expect(openAnswer(key, sealed)).toEqual({ data: { x: 'Navn' } });
    expect(() => openAnswer(Buffer.alloc(32, 8), sealed)).toThrow();
  });

  it('recognises a lost or refused database connection, wrapped or not', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('x', { cause: { kind: 'postgres', code: '57P01' } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('null value in column "name"'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('unique'), { code: '23505' }))).toBe(false);
  });
});
