// Runs a program in a real CPython and reports what the engine must reproduce.
//
// Expected output always comes from this, in the test run; results are cached in this process
// only, so a program is run once per interpreter however many tests ask. The running itself is
// lib/cpython/run.ts, shared with the server.

import { runPythonFile, type CPythonResult } from '../../lib/cpython/run';
import type { Interpreter } from './pythons';

export { CPYTHON_TIMEOUT_MS, lastLine, type CPythonResult } from '../../lib/cpython/run';

const cache = new Map<string, Promise<CPythonResult>>();

/** Runs `programPath` (absolute) in `python`; the same pair is run only once per process. */
export function runCPython(python: Interpreter, programPath: string): Promise<CPythonResult> {
  const key = `${python.path}\0${programPath}`;
  let result = cache.get(key);
  if (!result) {
    result = runPythonFile(python.path, programPath);
    cache.set(key, result);
  }
  return result;
}

/** Runs `jobs` with at most `limit` in flight; results in input order. */
export async function inPool<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]!);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
