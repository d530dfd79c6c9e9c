// Property-based: random and hostile values at every mutation in the schema, as a
// user who may call it, on the demo data. Every answer is a success or a coded
// error (never INTERNAL), and a refused call leaves the database as it was.
// Fixed seed and bounded runs; FUZZ_SEED and FUZZ_RUNS explore further locally.
import { decodeTextFile } from '@vi/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '../database.ts';
import { schema } from '../schema.ts';
import { errorCodes, TestBrowser } from '../testing/graphql-client.ts';
import { databaseFingerprint, demoSessionBrowser, openDemoWorld } from './demo-world.ts';
import { type FuzzPool, operationFor, variablesFor } from './input-arbitraries.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 9_2026);
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

const ANONYMOUS = 'anonymous';
const OUTREACH = ['outreach@offerraadgivning.demo', 'outreach2@offerraadgivning.demo'];
const OUTREACH_LEAD = ['lead@offerraadgivning.demo'];
const MUNICIPAL_LEADS = ['lead@koege.demo', 'lead@odense.demo'];
const LEADERS = ['leader@koege.demo', 'leader@odense.demo'];
const ADMINS = ['admin@koege.demo', 'admin@offerraadgivning.demo'];

/**
 * Who calls each mutation: users holding a role it accepts (several, so both
 * privacy stances are hit). A mutation not listed here is called by every demo
 * user and anonymously, so a new one is fuzzed from the day it is added.
 */
const CALLERS: Record<string, readonly string[]> = {
  claimCase: OUTREACH,
  claimNextCase: OUTREACH,
  releaseCase: OUTREACH,
  recordCallOutcome: OUTREACH,
  importIncidents: [...OUTREACH, ...OUTREACH_LEAD],
  previewIncidentImport: [...OUTREACH, ...OUTREACH_LEAD],
  takeReferral: ['counsellor@offerraadgivning.demo'],
  recordReferralResult: ['counsellor@offerraadgivning.demo'],
  updateOutreachSettings: [...OUTREACH_LEAD, 'admin@offerraadgivning.demo'],
  registerIntake: ['intake@koege.demo', 'intake@odense.demo'],
  recordRiskAssessment: ['risk@koege.demo', 'risk@odense.demo'],
  correctRiskDecision: ['risk@koege.demo', 'risk@odense.demo'],
  createCourse: MUNICIPAL_LEADS,
  saveModulePlan: MUNICIPAL_LEADS,
  enrolParticipant: ['intake@koege.demo', ...MUNICIPAL_LEADS],
  recordAttendance: [...LEADERS, ...MUNICIPAL_LEADS],
  recordFollowUp: [...LEADERS, ...MUNICIPAL_LEADS],
  withdrawParticipant: [...LEADERS, ...MUNICIPAL_LEADS],
  openParticipantForm: [...LEADERS, ...MUNICIPAL_LEADS],
  submitParticipantForm: [ANONYMOUS],
  submitOutreachSurvey: [ANONYMOUS],
  completeOutreachSurveyFollowUp: OUTREACH_LEAD,
  updatePersonProfile: [...OUTREACH, 'intake@koege.demo', 'risk@odense.demo'],
  login: [ANONYMOUS],
  logout: [...OUTREACH, ANONYMOUS],
  switchOrganization: ['evaluator@vive.demo'],
  createUser: ADMINS,
  setUserRoles: ADMINS,
  deactivateUser: ADMINS,
  reactivateUser: ADMINS,
  resetUserPassword: ADMINS,
  // Hate-crime aftercare: the sending organisation's staff, and each track's role elsewhere.
  startHateCrimeAftercare: [...OUTREACH, 'counsellor@offerraadgivning.demo'],
  recordHateCrimeNeeds: [...OUTREACH, 'counsellor@offerraadgivning.demo'],
  referHateCrimeCase: [...OUTREACH, 'counsellor@offerraadgivning.demo'],
  withdrawHateCrimeReferral: [...OUTREACH, 'counsellor@offerraadgivning.demo'],
  closeHateCrimeCase: [...OUTREACH, 'counsellor@offerraadgivning.demo'],
  changeLegalReferralStatus: ['adviser@raadgivning-had.demo'],
  openHateCrimeLegalTask: ['adviser@raadgivning-had.demo'],
  changeHateCrimeLegalTaskStatus: ['adviser@raadgivning-had.demo'],
  changePsychologicalReferralStatus: ['psychologist@psykisk-sundhed.demo'],
  recordHateCrimeSessions: ['psychologist@psykisk-sundhed.demo'],
  placeHateCrimeInGroup: ['psychologist@psykisk-sundhed.demo'],
  saveHateCrimeBudget: OUTREACH_LEAD,
  saveCostInputs: [...MUNICIPAL_LEADS, ...OUTREACH_LEAD],
};

/** Tables with a uuid `id`, a few rows each: the ids the fuzzer sends besides random ones. */
async function idPool(): Promise<FuzzPool> {
  const tables = await database().query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid' ORDER BY table_name`,
  );
  const idsByTable: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await database().query<{ id: string }>(
      `SELECT id::text AS id FROM "${name}" ORDER BY id LIMIT 8`,
    );
    if (rows.length > 0) idsByTable[name] = rows.map((r) => r.id);
  }
  // Course leaders must hold the group-leader role.
  const leaders = await database().query<{ id: string }>(
    `SELECT DISTINCT "userId"::text AS id FROM "Membership" WHERE role = 'GROUP_LEADER' ORDER BY 1`,
  );
  idsByTable.GroupLeader = leaders.map((r) => r.id);
  return { idsByTable };
}

let pool: FuzzPool;
let allCallers: string[];

beforeAll(async () => {
  await openDemoWorld();
  pool = await idPool();
  const { DEMO_USERS } = await import('@vi/db/seed');
  allCallers = [ANONYMOUS, ...DEMO_USERS.map((u) => u.email)];
}, 120_000);

/** Logged-in browsers per mutation, so one mutation's logout or switch does not leak into the next. */
class Callers {
  private readonly browsers = new Map<string, TestBrowser>();

  async browser(who: string): Promise<TestBrowser> {
    if (who === ANONYMOUS) return new TestBrowser();
    const known = this.browsers.get(who);
    if (known?.cookie) return known;
    const browser = await demoSessionBrowser(who);
    this.browsers.set(who, browser);
    return browser;
  }
}

/**
 * The fingerprint before a call: the one taken after the previous refused call
 * when nothing has been written since, else a fresh one.
 */
class Fingerprints {
  private last: Record<string, string> | null = null;

  async current(): Promise<Record<string, string>> {
    this.last ??= await databaseFingerprint();
    return this.last;
  }

  set(print: Record<string, string> | null): void {
    this.last = print;
  }
}

const mutationType = schema.getMutationType();
const mutations = mutationType ? Object.values(mutationType.getFields()) : [];
// Session-ending mutations last, so their throttles and logouts cannot disturb the rest.
const SESSION_MUTATIONS = /^(login|logout|switchOrganization)$/;
const ordered = [
  ...mutations.filter((m) => !SESSION_MUTATIONS.test(m.name)),
  ...mutations.filter((m) => SESSION_MUTATIONS.test(m.name)),
];
const seen = new Map<string, Map<string, number>>();
/** Codes for a request refused before its operation is read (transport, CSRF, trusted documents). */
const REQUEST_REFUSALS = [
  'BAD_REQUEST',
  'METHOD_NOT_ALLOWED',
  'UNSUPPORTED_MEDIA_TYPE',
  'CSRF_HEADER_REQUIRED',
  'PERSISTED_QUERY_NOT_FOUND',
  'TRUSTED_DOCUMENT_REQUIRED',
];

describe('every mutation, with random and hostile arguments', () => {
  it('finds the mutations in the schema', () => {
    expect(ordered.length).toBeGreaterThanOrEqual(20);
  });

  it.each(ordered.map((m) => [m.name, m] as const))(
    '%s',
    async (name, field) => {
      const operation = operationFor('mutation', field);
      const callers = new Callers();
      const fingerprints = new Fingerprints();
      const outcomes = new Map<string, number>();
      seen.set(name, outcomes);
      const who = fc.constantFrom(...(CALLERS[name] ?? allCallers));
      const runs = field.args.length === 0 ? 3 : RUNS;

      await fc.assert(
        fc.asyncProperty(who, variablesFor(field, pool), async (caller, variables) => {
          const browser = await callers.browser(caller);
          const before = await fingerprints.current();
          const response = await browser.graphql(operation, variables);
          const codes = errorCodes(response);
          const fields = (response.body.errors ?? []).flatMap(
            (e) => (e.extensions?.fields as Array<{ field: string; code: string }> | undefined) ?? [],
          );
          const outcome =
            codes.length === 0
              ? 'OK'
              : `${codes.join('+')}${fields.length > 0 ? `[${fields.map((f) => `${f.field}:${f.code}`).join(' ')}]` : ''}`;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);

          // A success or a coded error: every error carries a code, none is INTERNAL.
          for (const code of codes) {
            expect(typeof code, JSON.stringify(response.body.errors)).toBe('string');
            expect(code, JSON.stringify(response.body.errors)).not.toBe('INTERNAL');
            // Refusals of the request itself would mean the fuzzer never reached the schema.
            expect(REQUEST_REFUSALS, `the test client's request was refused: ${code}`).not.toContain(code);
          }
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
          if (codes.length === 0) {
            expect(response.body.data).toBeDefined();
            fingerprints.set(null);
            return;
          }
          // Refused: not a row written, not half a row.
          const after = await databaseFingerprint();
          expect(after, `${name} ${outcome} wrote to the database`).toEqual(before);
          fingerprints.set(after);
        }),
        { seed: SEED, numRuns: runs, endOnFailure: true },
      );
    },
    240_000,
  );
});

describe('the fuzzing reached the resolvers', () => {
  it('with calls that succeeded and wrote, for at least ten mutations', () => {
    const succeeded = [...seen].filter(([, outcomes]) => (outcomes.get('OK') ?? 0) > 0).map(([name]) => name);
    expect(succeeded.length, succeeded.join(', ')).toBeGreaterThanOrEqual(10);
  });
});

describe('the import file', () => {
  // Each character followed by an ASCII one, as in names and dates: a Danish letter
  // directly followed by a symbol such as € can also be valid UTF-8 (see text-file.ts).
  const windows1252 = fc
    .array(
      fc.tuple(
        fc.constantFrom(...'abcæøåÆØÅéü;,"\r\n 0123456789-€“”–'.split('')),
        fc.constantFrom(...'ab ;,"\r\n09-'.split('')),
      ),
      { maxLength: 100 },
    )
    .map((pairs) => pairs.flat().join(''));
  const HIGH: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '–': 0x96 };
  const encode1252 = (text: string) =>
    Uint8Array.from([...text].map((c) => HIGH[c] ?? (c.codePointAt(0) as number)));

  it('reads any Windows-1252 or UTF-8 text back exactly', () => {
    fc.assert(
      fc.property(windows1252, fc.boolean(), (text, bom) => {
        const utf8 = new TextEncoder().encode(text);
        const withBom = bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]) : utf8;
        expect(decodeTextFile(withBom)).toMatchObject({ ok: true, text, encoding: 'UTF-8' });
        const decoded = decodeTextFile(encode1252(text));
        // Text without any letter beyond ASCII is valid UTF-8 as well, and the same text.
        expect(decoded).toMatchObject({ ok: true, text });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never throws on random bytes, and never returns text holding controls a list cannot have', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeTextFile(bytes);
        if (decoded.ok) {
          // biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check.
          expect(decoded.text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
        } else {
          expect(['FILE_NOT_TEXT', 'FILE_ENCODING']).toContain(decoded.error.code);
        }
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  });
});

afterAll(async () => {
  // What the fuzzer got back, per mutation: shows whether calls got past the door.
  const lines = [...seen].map(
    ([name, outcomes]) =>
      `${name}: ${[...outcomes]
        .sort((a, b) => b[1] - a[1])
        .map(([o, n]) => `${o} ${n}`)
        .join(', ')}`,
  );
  if (process.env.FUZZ_REPORT) console.info(lines.join('\n'));
});

describe('what the fuzzing stored', () => {
  it('holds no control or direction character and no text outside NFC, in any text column', async () => {
    const columns = await database().query<{ table: string; column: string; array: boolean }>(
      `SELECT table_name AS table, column_name AS column, data_type = 'ARRAY' AS array
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name NOT IN ('AuditEvent', 'Session', '_prisma_migrations')
          AND (data_type IN ('text', 'character varying') OR udt_name IN ('_text', '_varchar'))
        ORDER BY table_name, column_name`,
    );
    expect(columns.length).toBeGreaterThan(10);
    const hostile =
      '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069]';
    const found: string[] = [];
    for (const { table, column, array } of columns) {
      const text = array ? `array_to_string("${column}", ' ')` : `"${column}"`;
      const [row] = await database().query<{ hostile: number; denormal: number }>(
        `SELECT count(*) FILTER (WHERE ${text} ~ $1)::int AS hostile,
                count(*) FILTER (WHERE ${text} IS NOT NFC NORMALIZED)::int AS denormal
           FROM "${table}"`,
        [hostile],
      );
      if (row && (row.hostile > 0 || row.denormal > 0))
        found.push(`${table}.${column}: ${JSON.stringify(row)}`);
    }
    expect(found).toEqual([]);
  });
});
