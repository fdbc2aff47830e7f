// A server that cannot reach its database or Redis says so in one line and exits 1, before
// it ever listens.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runUntilExit } from './server';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('start-up failures', () => {
  it('an unreachable DATABASE_URL: one clear line, exit 1', async () => {
    const dbPort = await freePort();
    const port = await freePort();
    const result = await runUntilExit({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${dbPort}/x`, PORT: String(port) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `heapquest: cannot reach the database at postgresql://postgres@127.0.0.1:${dbPort}/x (ECONNREFUSED) — check DATABASE_URL or unset it to use the embedded database\n`,
    );
  });

  it('an unreachable REDIS_URL: one clear line, exit 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'heapquest-start-'));
    dirs.push(dir);
    const redisPort = await freePort();
    const result = await runUntilExit({
      HEAPQUEST_DATA_DIR: path.join(dir, 'data'),
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      PORT: String(await freePort()),
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `heapquest: cannot reach Redis at redis://127.0.0.1:${redisPort} (ECONNREFUSED) — check REDIS_URL or unset it to run as a single node\n`,
    );
  });
});
