/**
 * A throw-away PostgreSQL cluster for the fault test (issue 10): its own data directory in a temp
 * folder, its own port on 127.0.0.1 and its own socket directory, so restarting it never touches the
 * machine's server that other tests use. Built with the machine's initdb/pg_ctl; run as the
 * `postgres` user when we are root (initdb refuses root).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** initdb's folder: on PATH, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  for (const version of ['18', '17', '16', '15', '14']) {
    const dir = `/usr/lib/postgresql/${version}/bin`;
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  return null;
}

/** A port nobody listens on right now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface TemporaryCluster {
  url: string;
  port: number;
  dir: string;
  /** Stops the server (fast: open connections are ended, as in a restart or failover). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes the data directory. */
  destroy(): Promise<void>;
}

export async function startTemporaryCluster(): Promise<TemporaryCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('initdb/pg_ctl not found (install PostgreSQL server binaries)');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'vi-fault-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  // Every command bounded in time: a stuck server must fail the test, not hang CI.
  const pg = async (command: string, args: string[], timeout = 60_000) => {
    const file = join(bin, command);
    if (asRoot) await run('runuser', ['-u', 'postgres', '--', file, ...args], { timeout });
    else await run(file, args, { timeout });
  };
  if (asRoot) await run('chown', ['postgres', dir]);
  await pg('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=32MB`;
  const start = () =>
    pg('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const stop = (mode = 'fast') => pg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop: () => stop('fast'),
    start,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
