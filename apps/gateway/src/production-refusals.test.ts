import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import { createDatabase, type Database } from '@vi/db';
import { DEMO_PASSWORD } from '@vi/db/seed';
import { createScratchPostgresDatabase } from '@vi/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { accountsWithDemoPassword, productionDatabaseProblems } from './production-refusals.ts';
import { createOrganization, createUser } from './testing/fixtures.ts';

/**
 * Issue 9: "With NODE_ENV=production and an empty embedded database the
 * server seeds 18 demo accounts with the public demo password." These tests
 * start the real server process (src/server.ts under tsx) the way an operator
 * would, bounded in time and ended by its pid.
 */
const GATEWAY_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const START_TIMEOUT_MS = 90_000;
const KEY = 'c3'.repeat(32);

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The test runner's environment without anything that would steer the gateway. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(VI_|VITEST|DATABASE_|NODE_ENV$|PORT$|HOST$)/.test(name)) continue;
    env[name] = value;
  }
  return env;
}

/**
 * Starts the gateway with `env` and waits until it exits, or until `until`
 * matches its stdout (then it is asked to stop with SIGTERM, by pid, and
 * awaited). Killed by pid when it takes longer than START_TIMEOUT_MS.
 */
async function runGateway(env: NodeJS.ProcessEnv, until?: RegExp): Promise<Run> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [TSX_CLI, 'src/server.ts'], {
    cwd: GATEWAY_DIR,
    env: { ...cleanEnvironment(), HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, signal: null, stdout: '', stderr: '' };
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      run.code = code;
      run.signal = signal;
      resolve();
    });
  });
  const timer = setTimeout(() => child.pid && process.kill(child.pid, 'SIGKILL'), START_TIMEOUT_MS);
  child.stderr?.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    run.stdout += chunk.toString();
    if (until?.test(run.stdout) && child.pid && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
  });
  await exited;
  clearTimeout(timer);
  return run;
}

/** A migrated database for the server to open: PostgreSQL when the tests run on it, else a PGlite folder. */
async function serverDatabase(
  dir: string,
): Promise<{ env: NodeJS.ProcessEnv; db: Database; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (serverUrl) {
    const scratch = await createScratchPostgresDatabase(serverUrl);
    const db = await createDatabase({ url: scratch.url });
    return { env: { DATABASE_URL: scratch.url }, db, drop: () => scratch.drop() };
  }
  const dataDir = join(dir, 'seeded-pglite');
  const db = await createDatabase({ dataDir });
  return { env: { VI_DATA_DIR: dataDir, VI_ALLOW_EMBEDDED_DATABASE: '1' }, db, drop: async () => {} };
}

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vi-production-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a production start of the real server', () => {
  it(
    'refuses an empty embedded database and a missing key, naming both settings, before creating anything',
    async () => {
      const dataDir = join(dir, 'refused-pglite');
      const run = await runGateway({ NODE_ENV: 'production', VI_DATA_DIR: dataDir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Invalid configuration');
      expect(run.stderr).toContain('VI_ALLOW_EMBEDDED_DATABASE=1');
      expect(run.stderr).toContain('VI_DISCLOSURE_KEY must be set');
      expect(run.stderr).toContain('VI_MASTER_KEY must be set');
      expect(run.stdout).not.toContain('demo-adgang');
      // Refused before the database was opened: nothing was made, nothing seeded.
      expect(existsSync(dataDir)).toBe(false);
    },
    START_TIMEOUT_MS + 10_000,
  );

  it(
    'refuses VI_SEED_DEMO=1 even with everything else in order',
    async () => {
      const run = await runGateway({
        NODE_ENV: 'production',
        VI_SEED_DEMO: '1',
        VI_DISCLOSURE_KEY: KEY,
        VI_MASTER_KEY: KEY,
        VI_ALLOW_EMBEDDED_DATABASE: '1',
        VI_DATA_DIR: join(dir, 'seed-pglite'),
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/VI_SEED_DEMO=1 loads demo accounts/);
      expect(existsSync(join(dir, 'seed-pglite'))).toBe(false);
    },
    START_TIMEOUT_MS + 10_000,
  );

  it(
    'refuses the log SMS provider and a survey page without https (the link would be in the log or in clear)',
    async () => {
      const run = await runGateway({
        NODE_ENV: 'production',
        VI_DISCLOSURE_KEY: KEY,
        VI_MASTER_KEY: KEY,
        VI_ALLOW_EMBEDDED_DATABASE: '1',
        VI_DATA_DIR: join(dir, 'sms-pglite'),
        VI_SMS_PROVIDER: 'log',
        VI_OUTREACH_SURVEY_URL: 'http://vi.example.dk/outreach/survey.html',
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/VI_SMS_PROVIDER=log writes every survey SMS/);
      expect(run.stderr).toMatch(/VI_OUTREACH_SURVEY_URL must be .* on https/);
      expect(existsSync(join(dir, 'sms-pglite'))).toBe(false);
    },
    START_TIMEOUT_MS + 10_000,
  );

  it(
    'starts on an explicitly allowed empty embedded database without loading the demo',
    async () => {
      const dataDir = join(dir, 'allowed-pglite');
      const run = await runGateway(
        {
          NODE_ENV: 'production',
          VI_ALLOW_EMBEDDED_DATABASE: '1',
          VI_DISCLOSURE_KEY: KEY,
          VI_MASTER_KEY: KEY,
          VI_DATA_DIR: dataDir,
          // Trusted documents (issue 9, item 1) are not what this test is about.
          VI_TRUSTED_DOCUMENTS: '0',
          // Required in production (sms-settings.ts); no VI_SMS_PROVIDER: links are read out.
          VI_OUTREACH_SURVEY_URL: 'https://vi.example.dk/outreach/survey.html',
        },
        /is running/,
      );
      expect(run.stderr + run.stdout).toContain('is running');
      // No VI_SMS_PROVIDER: it starts, and says survey links are read out (sms-settings.ts).
      expect(run.stderr + run.stdout).toContain('survey links are shown to the outreach worker to read out');
      expect(run.stdout).not.toContain('Demo-logins');
      expect(run.stdout).not.toContain('demo-adgang');
      // The process stopped on SIGTERM: read what it left behind.
      const db = await createDatabase({ dataDir });
      try {
        expect(await db.prisma.user.count()).toBe(0);
        expect(await db.prisma.organization.count()).toBe(0);
      } finally {
        await db.close();
      }
    },
    2 * START_TIMEOUT_MS,
  );

  it(
    'refuses a database where an account has the public demo password, whatever its e-mail',
    async () => {
      const prepared = await serverDatabase(dir);
      try {
        const organization = await prepared.db.prisma.organization.create({
          data: { name: 'Kommune', slug: 'kommune', kind: 'MUNICIPALITY', stance: 'JOURNALISED' },
        });
        await prepared.db.prisma.user.create({
          data: {
            email: 'anna@kommune.dk',
            displayName: 'Anna',
            passwordHash: await hash(DEMO_PASSWORD),
            memberships: { create: [{ organizationId: organization.id, role: 'ADMIN' }] },
          },
        });
      } finally {
        await prepared.db.close();
      }
      try {
        const run = await runGateway(
          {
            NODE_ENV: 'production',
            VI_DISCLOSURE_KEY: KEY,
            VI_MASTER_KEY: KEY,
            VI_TRUSTED_DOCUMENTS: '0',
            VI_OUTREACH_SURVEY_URL: 'https://vi.example.dk/outreach/survey.html',
            ...prepared.env,
          },
          /is running/,
        );
        expect(run.stdout).not.toContain('is running');
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('1 account(s) still have the public demo password (anna@kommune.dk)');
      } finally {
        await prepared.drop();
      }
    },
    2 * START_TIMEOUT_MS,
  );
});

describe('productionDatabaseProblems', () => {
  it('finds every account with the demo password, deactivated ones too, and only those', async () => {
    const db = await openDatabase();
    const organization = await createOrganization({ name: 'Køge Kommune', slug: 'koege' });
    await createUser({
      email: 'real@koege.dk',
      memberships: [{ organizationId: organization.id, role: 'ADMIN' }],
    });
    expect(await productionDatabaseProblems(db)).toEqual([]);
    const demoHash = await hash(DEMO_PASSWORD);
    for (const email of ['b@koege.dk', 'a@koege.dk']) {
      await db.prisma.user.create({ data: { email, displayName: email, passwordHash: demoHash } });
    }
    await db.prisma.user.create({
      data: { email: 'gone@koege.dk', displayName: 'x', passwordHash: demoHash, disabledAt: new Date() },
    });
    await db.prisma.user.create({
      data: { email: 'broken@koege.dk', displayName: 'x', passwordHash: 'not-a-hash' },
    });
    expect(await accountsWithDemoPassword(db)).toEqual(['a@koege.dk', 'b@koege.dk', 'gone@koege.dk']);
    const [problem] = await productionDatabaseProblems(db);
    expect(problem).toMatch(
      /^3 account\(s\) still have the public demo password \(a@koege.dk, b@koege.dk, gone@koege.dk\)/,
    );
    expect(problem).toContain('NODE_ENV=production');
  });
});
