// Runs a program in a real CPython and reports what the engine must reproduce.
//
// Expected output always comes from this, in the test run; results are cached in this process
// only, so a program is run once per interpreter however many tests ask.

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Interpreter } from './pythons';

export interface CPythonResult {
  readonly stdout: string;
  /** Last non-empty stderr line: for an uncaught exception, CPython's `Type: message` line. */
  readonly stderrLastLine: string;
  /** null when CPython was killed (timeout) instead of exiting. */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
}

export const CPYTHON_TIMEOUT_MS = 10_000;

let workDir: string | null = null;
/** One empty temp dir as cwd, so nothing next to a program (or in the repo) can be imported or written. */
function cwd(): string {
  workDir ??= mkdtempSync(join(tmpdir(), 'heapquest-cpython-'));
  return workDir;
}

// Only these variables reach CPython. Hash seed fixed so orders of str-keyed sets are reproducible;
// UTF-8 so output bytes do not depend on the locale of the machine running the suite. (The cast is
// because Next's types make ProcessEnv demand NODE_ENV, which CPython never reads.)
const CPYTHON_ENV = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  PYTHONHASHSEED: '0',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONIOENCODING: 'utf-8',
} as unknown as NodeJS.ProcessEnv;

const cache = new Map<string, Promise<CPythonResult>>();

export function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0);
  return lines.length > 0 ? lines[lines.length - 1] : '';
}

/** Runs `programPath` (absolute) in `python`; the same pair is run only once per process. */
export function runCPython(python: Interpreter, programPath: string): Promise<CPythonResult> {
  const key = `${python.path}\0${programPath}`;
  let result = cache.get(key);
  if (!result) {
    result = spawnOnce(python.path, programPath);
    cache.set(key, result);
  }
  return result;
}

function spawnOnce(executable: string, programPath: string): Promise<CPythonResult> {
  return new Promise((resolve) => {
    execFile(
      executable,
      [programPath],
      {
        cwd: cwd(),
        timeout: CPYTHON_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: CPYTHON_ENV,
      },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string }) | null;
        const timedOut = Boolean(failure?.killed) && failure?.signal === 'SIGKILL';
        let exitCode: number | null = 0;
        if (failure) exitCode = typeof failure.code === 'number' ? failure.code : null;
        if (failure && exitCode === null && !timedOut) {
          // The interpreter could not be started at all: report it as a failure with the reason.
          resolve({ stdout: String(stdout), stderrLastLine: `spawn failed: ${failure.message}`, exitCode: null, timedOut: false });
          return;
        }
        resolve({ stdout: String(stdout), stderrLastLine: lastLine(String(stderr)), exitCode, timedOut });
      },
    );
  });
}

/** Runs `jobs` with at most `limit` in flight; results in input order. */
export async function inPool<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
