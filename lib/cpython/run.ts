// Runs a Python file in a real CPython, the one way HeapQuest does it: an empty temp dir as cwd
// (nothing beside the program can be imported or written), a fixed hash seed, UTF-8 output,
// a timeout. Used by the differential suite and by the server when it checks a teacher's level.

import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trimEnd()).filter((l) => l.length > 0);
  return lines.length > 0 ? lines[lines.length - 1]! : '';
}

/** Runs `programPath` (absolute) in `executable`. */
export function runPythonFile(executable: string, programPath: string, timeoutMs = CPYTHON_TIMEOUT_MS): Promise<CPythonResult> {
  return new Promise((resolve) => {
    execFile(
      executable,
      [programPath],
      {
        cwd: cwd(),
        timeout: timeoutMs,
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

/** Runs program text (written to a fresh temp file, removed afterwards). */
export async function runPythonSource(executable: string, source: string, timeoutMs = CPYTHON_TIMEOUT_MS): Promise<CPythonResult> {
  const dir = await mkdtemp(join(tmpdir(), 'heapquest-program-'));
  try {
    const file = join(dir, 'program.py');
    await writeFile(file, source, 'utf8');
    return await runPythonFile(executable, file, timeoutMs);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
