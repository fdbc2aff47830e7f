// The engine's own programs (tests/engine/programs/*.py): language features beyond the shared
// corpus's narrow subset (try/else, loop else, %-formatting, more built-ins...), each run in
// every CPython on this machine and compared byte for byte. Expected output comes from CPython
// in this run.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../engine/index';
import { inPool, runCPython, type CPythonResult } from '../differential/cpython';
import { discoverPythons } from '../differential/pythons';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'programs');
const files = readdirSync(dir).filter((f) => f.endsWith('.py')).sort();
const { interpreters } = discoverPythons();
const expected = new Map<string, CPythonResult>();

beforeAll(async () => {
  const jobs = interpreters.flatMap((py) => files.map((f) => ({ py, f })));
  const results = await inPool(jobs, 2, ({ py, f }) => runCPython(py, join(dir, f)));
  jobs.forEach(({ py, f }, i) => expected.set(`${py.profile}/${f}`, results[i]!));
}, 300_000);

describe('engine programs match CPython', () => {
  it('has programs and (under CI) a CPython', () => {
    expect(files.length).toBeGreaterThan(0);
    if (process.env.CI === 'true') expect(interpreters.length).toBeGreaterThan(0);
  });
  for (const py of interpreters) {
    for (const f of files) {
      it(`${f} on ${py.version}`, () => {
        const want = expected.get(`${py.profile}/${f}`)!;
        const got = runProgram(readFileSync(join(dir, f), 'utf8'), { version: py.profile });
        expect(got.stdout).toBe(want.stdout);
        expect(got.exitCode).toBe(want.exitCode);
        if (want.exitCode === 1) {
          const last = got.stderr.trim().split('\n').pop() ?? '';
          expect(last).toBe(want.stderrLastLine);
        }
      });
    }
  }
});
