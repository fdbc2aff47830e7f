import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort as closedPort } from '../../tests/e2e/server';
import { databaseConfigFromEnv, openDatabase } from './client';

describe('openDatabase refuses clearly', () => {
  it('names the unreachable server, the reason, and what to do, in one line', async () => {
    const port = await closedPort();
    const url = `postgresql://hq:secret@127.0.0.1:${port}/x`;
    const error = await openDatabase({ url, dataDir: 'unused' }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toBe(
      `heapquest: cannot reach the database at postgresql://hq:***@127.0.0.1:${port}/x (ECONNREFUSED) — check DATABASE_URL or unset it to use the embedded database`,
    );
  });

  it('rejects a URL that is not PostgreSQL', async () => {
    await expect(openDatabase({ url: 'mysql://127.0.0.1/x', dataDir: 'unused' })).rejects.toThrow(
      /^heapquest: DATABASE_URL must start with postgresql:\/\/ \(got mysql:\/\/\)/,
    );
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: '  ' })).toEqual({ url: undefined, dataDir: './data' });
    expect(databaseConfigFromEnv({ HEAPQUEST_DATA_DIR: '/tmp/x' })).toEqual({ url: undefined, dataDir: '/tmp/x' });
  });
});

describe('the embedded database', () => {
  it('refuses a data directory another server has open, and takes over a stale lock', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'heapquest-lock-'));
    try {
      const dataDir = path.join(dir, 'data');
      const first = await openDatabase({ dataDir });
      await expect(openDatabase({ dataDir })).rejects.toThrow(
        `heapquest: the embedded database in ${dataDir} is open in another process (pid ${process.pid}) — stop that server, or set HEAPQUEST_DATA_DIR to another directory`,
      );
      await first.close();

      // A lock left behind by a process that died (pid far beyond any live one).
      await writeFile(path.join(dataDir, 'heapquest.pid'), '2147483646\n');
      const again = await openDatabase({ dataDir });
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
