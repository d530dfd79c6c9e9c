/**
 * The load test (issue 10): 50 sessions at once over loopback HTTP against the whole gateway
 * (createApp on 127.0.0.1, the same handler server.ts serves), on the demo data, each running its
 * role's part of a mixed workload: outreach (queue, claim, release), group courses (intake
 * registration with an Idempotency-Key, intake list, courses) and evaluation (aggregates). Zero
 * errors allowed; the p95 of every operation is printed and written to test-artifacts/load-test.json.
 *
 * Bounded: a fixed number of rounds per session (VI_LOAD_ROUNDS, default 2, the CI short form),
 * loopback only. Runs on PostgreSQL (DATABASE_URL, the CI pass) or with VI_LOAD_TEST=1; PGlite runs
 * one query at a time and is not what a load test measures.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD, seedDemo } from '@vi/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { openDatabase, prisma } from '../database.ts';
import { codesOf, HttpSession, percentile } from './http-session.ts';
import { INTAKE_NAMES, intakeVariables, REGISTER_INTAKE } from './intake-writes.ts';

const enabled = Boolean(process.env.DATABASE_URL || process.env.VI_LOAD_TEST === '1');
const SESSIONS = 50;
const ROUNDS = Number(process.env.VI_LOAD_ROUNDS ?? 2);
const ARTIFACTS = new URL('../../../../test-artifacts/', import.meta.url);

type Kind = 'outreach' | 'intake' | 'course' | 'evaluation';

/** Who plays which part: the demo's logins, several sessions each (as a team's browsers would). */
const CAST: Array<{ kind: Kind; emails: string[]; sessions: number }> = [
  {
    kind: 'outreach',
    emails: ['outreach@offerraadgivning.demo', 'outreach2@offerraadgivning.demo'],
    sessions: 14,
  },
  { kind: 'intake', emails: ['intake@odense.demo', 'intake@koege.demo'], sessions: 12 },
  {
    kind: 'course',
    emails: ['leader@odense.demo', 'leader2@odense.demo', 'leader@koege.demo'],
    sessions: 12,
  },
  {
    kind: 'evaluation',
    emails: ['evaluator@vive.demo'],
    sessions: 12,
  },
];

const CALL_QUEUE = `query Queue { callQueue(first: 10) { totalCount entries { caseId } } }`;
const CLAIM_NEXT = `mutation Claim { claimNextCase { caseId } }`;
const RELEASE = `mutation Release($caseId: ID!) { releaseCase(caseId: $caseId) }`;
const COURSES = `query Courses { courses { id name } }`;
const COURSE = `query Course($id: ID!) { course(id: $id) { id name sessions { id number title date } } }`;
const COUNT = '{ value suppressed }';
const FUNNEL = `query Funnel { evaluation { outreachFunnel { counts {
  identified ${COUNT} withContactDetails ${COUNT} reached ${COUNT} declined ${COUNT} conversationHeld ${COUNT} } } } }`;

let server: Server | undefined;
let baseUrl = '';

describe.skipIf(!enabled)(`${SESSIONS} sessions at once, mixed workload`, () => {
  beforeAll(async () => {
    const db = await openDatabase();
    await seedDemo(db.prisma);
    server = createServer(createApp());
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('answers every operation without an error and records the p95 of each', async () => {
    // Logins one after another: parallel logins of one account from one address are throttled.
    const players: Array<{ kind: Kind; session: HttpSession }> = [];
    for (const part of CAST) {
      for (let i = 0; i < part.sessions; i++) {
        const session = new HttpSession(baseUrl);
        await session.login(part.emails[i % part.emails.length]!, DEMO_PASSWORD);
        players.push({ kind: part.kind, session });
      }
    }
    expect(players).toHaveLength(SESSIONS);

    const timings = new Map<string, number[]>();
    const errors: string[] = [];
    const timed = async <T>(
      name: string,
      run: () => Promise<{ status: number; body: { errors?: unknown[]; data?: T | null } }>,
    ) => {
      const started = performance.now();
      try {
        const { status, body } = await run();
        const ms = performance.now() - started;
        timings.set(name, [...(timings.get(name) ?? []), ms]);
        const codes = codesOf(body as Parameters<typeof codesOf>[0]);
        if (status !== 200 || codes.length > 0) errors.push(`${name}: HTTP ${status} ${codes.join(',')}`);
        return body.data ?? null;
      } catch (error) {
        errors.push(`${name}: ${(error as Error).message}`);
        return null;
      }
    };

    const play = async ({ kind, session }: { kind: Kind; session: HttpSession }, index: number) => {
      for (let round = 0; round < ROUNDS; round++) {
        if (kind === 'outreach') {
          await timed('callQueue', () => session.request(CALL_QUEUE));
          const claim = await timed<{ claimNextCase: { caseId: string } | null }>('claimNextCase', () =>
            session.mutate(CLAIM_NEXT),
          );
          const caseId = claim?.claimNextCase?.caseId;
          if (caseId) await timed('releaseCase', () => session.mutate(RELEASE, { caseId }));
        } else if (kind === 'intake') {
          const variables = intakeVariables('', 30 + (index % 40));
          const { name: _name, ...input } = variables.input;
          await timed('registerIntake', () =>
            session.mutate(REGISTER_INTAKE, { input: { ...input, alias: `Last ${index}-${round}` } }),
          );
          await timed('intakes', () => session.request(INTAKE_NAMES));
        } else if (kind === 'course') {
          const list = await timed<{ courses: Array<{ id: string }> }>('courses', () =>
            session.request(COURSES),
          );
          const courses = list?.courses ?? [];
          const course = courses[(index + round) % Math.max(1, courses.length)];
          if (course) await timed('course', () => session.request(COURSE, { id: course.id }));
        } else {
          await timed('evaluation.outreachFunnel', () => session.request(FUNNEL, {}, { timeoutMs: 60_000 }));
        }
      }
    };
    const intakesBefore = await prisma().intakeRegistration.count();
    const started = performance.now();
    await Promise.all(players.map((player, index) => play(player, index)));
    const wallMs = Math.round(performance.now() - started);

    const operations = [...timings].map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return {
        operation: name,
        count: sorted.length,
        p50Ms: Math.round(percentile(sorted, 50)),
        p95Ms: Math.round(percentile(sorted, 95)),
        maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
      };
    });
    const report = {
      engine: process.env.DATABASE_URL ? 'postgresql' : 'pglite',
      sessions: SESSIONS,
      rounds: ROUNDS,
      wallMs,
      requests: operations.reduce((sum, op) => sum + op.count, 0),
      errors: errors.length,
      operations,
      firstErrors: errors.slice(0, 20),
    };
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(new URL('load-test.json', ARTIFACTS), `${JSON.stringify(report, null, 2)}\n`);
    console.log(
      [
        `load test: ${SESSIONS} sessions × ${ROUNDS} rounds, ${report.requests} requests in ${wallMs} ms, ${errors.length} errors`,
        ...operations.map(
          (op) =>
            `  ${op.operation.padEnd(26)} n=${String(op.count).padStart(4)}  p50 ${op.p50Ms} ms  p95 ${op.p95Ms} ms  max ${op.maxMs} ms`,
        ),
      ].join('\n'),
    );
    expect(errors).toEqual([]);
    // Every kind of work ran, and each intake write created exactly one registration.
    expect(new Set(operations.map((op) => op.operation))).toEqual(
      new Set([
        'callQueue',
        'claimNextCase',
        'releaseCase',
        'registerIntake',
        'intakes',
        'courses',
        'course',
        'evaluation.outreachFunnel',
      ]),
    );
    expect(await prisma().intakeRegistration.count()).toBe(
      intakesBefore + (timings.get('registerIntake')?.length ?? 0),
    );
  }, 240_000);
});
