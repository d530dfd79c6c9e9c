/**
 * The gateway as a real process (`tsx src/server.ts`) on a loopback port, for the fault test: a
 * database restart must be survived by the process a deployment runs, not by a test double.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './temporary-cluster.ts';

const GATEWAY_DIR = fileURLToPath(new URL('../../', import.meta.url));
/** npm workspaces hoist tsx to the repository's node_modules. */
const TSX = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** The process's output so far (for a failing test's message). */
  output(): string;
  stop(): Promise<void>;
}

export async function startGatewayProcess(databaseUrl: string): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(TSX, ['src/server.ts'], {
    cwd: GATEWAY_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_OWNER_URL: '',
      DATABASE_REPLICA_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      VI_TRUSTED_DOCUMENTS: '0',
      VI_SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      VITEST: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`the gateway did not answer /health within 90 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
