import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchPostgresDatabase } from '@vi/db/testing';
import { artifactsDir } from './artifacts.ts';
import { repoRoot } from './repo-root.ts';

export type StartStackOptions = {
  /** Names the gateway's log file, test-artifacts/<name>-gateway.log. */
  name?: string;
  /** Seed the demo organisations and users (default true). */
  seedDemo?: boolean;
  /** How long to wait for /health (default 120 s: tsx start-up, migrations and the demo seed). */
  readyTimeoutMs?: number;
  /** Extra environment for the gateway process. */
  env?: Record<string, string>;
};

export type Stack = {
  /** e.g. http://127.0.0.1:41234 (no trailing slash); apps live at `${baseUrl}/outreach/` etc. */
  baseUrl: string;
  /** Where the gateway's stdout and stderr go. */
  logFile: string;
  stop(): Promise<void>;
};

const HOST = '127.0.0.1';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No free port was assigned.'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Signals the gateway's whole process group: tsx runs the server in a child process of its own. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The gateway exited (${child.exitCode ?? child.signalCode}) before ${url} answered; see ${logFile}.`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms (last: ${lastProblem}); see ${logFile}.`);
}

/**
 * Starts the gateway as `npm start` would (it serves the built apps from apps/<name>/dist), on a free
 * port, with the demo seed and a database of its own: a fresh PGlite directory, or, when DATABASE_URL
 * is set, a new database on that server created and dropped like @vi/db/testing's test databases.
 */
export async function startStack(options: StartStackOptions = {}): Promise<Stack> {
  const name = options.name ?? 'stack';
  const port = await freePort();
  const baseUrl = `http://${HOST}:${port}`;
  const tempDir = await mkdtemp(join(tmpdir(), `vi-e2e-${name}-`));
  const serverUrl = process.env.DATABASE_URL?.trim();
  const scratch = serverUrl ? await createScratchPostgresDatabase(serverUrl) : null;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST,
    VI_SEED_DEMO: options.seedDemo === false ? '0' : '1',
    // As in production: only the built apps' own operations (their manifests) run, so the browser
    // tests prove that every operation they use is in the manifest.
    VI_TRUSTED_DOCUMENTS: '1',
    ...options.env,
  };
  if (scratch) {
    env.DATABASE_URL = scratch.url;
    delete env.VI_DATA_DIR;
  } else {
    delete env.DATABASE_URL;
    env.VI_DATA_DIR = join(tempDir, 'pglite');
  }

  await mkdir(artifactsDir, { recursive: true });
  const logFile = join(artifactsDir, `${name}-gateway.log`);
  const log = createWriteStream(logFile);
  const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, ['apps/gateway/src/server.ts'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  let stopped = false;
  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    signalGroup(child, 'SIGTERM');
    const killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
    await exited(child);
    clearTimeout(killTimer);
    // tsx's own child may outlive the wrapper for a moment; make sure nothing of the group remains.
    signalGroup(child, 'SIGKILL');
    await new Promise<void>((resolve) => log.end(resolve));
    await rm(tempDir, { recursive: true, force: true });
    await scratch?.drop();
  }

  try {
    await waitForHealth(`${baseUrl}/health`, child, options.readyTimeoutMs ?? 120_000, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, logFile, stop };
}
