// The engine's first slice (list literals, assignment, del, sys.getrefcount, print, ints and
// strings) against every CPython on this machine: the walking skeleton's page depends on it.
// Expected output comes from CPython in this run.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../engine/index';
import { discoverPythons } from '../differential/pythons';

const PROGRAMS: Record<string, string> = {
  'two names, one list': `import sys
a = [1, 2, 3]
b = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
print(a, b if False else 'gone')
`,
  'list in a list, del of the outer name': `import sys
inner = ['x', 'y']
outer = [inner, inner, 42]
print(sys.getrefcount(inner), len(outer))
del outer
print(sys.getrefcount(inner))
print(inner[0] + inner[1], inner[-1] * 3)
`,
  'reprs of the literal types': `x = [1, -2, 3.5, 'it\\'s', "q", None, True, False, [], [[]], 10**20, -0.0, 1e16, 1e-05]
print(x)
print(len(x), x[0], x[3], x[-1])
`,
  'constants shared in one code object, small ints cached': `import sys
a = 257
b = 257
print(a is b, sys.getrefcount(a))
c = 5
d = 2 + 3
print(c is d)
s = 'hello'
t = 'hello'
print(s is t)
`,
  'del of a name that is gone': `x = [1]
del x
print(x)
`,
};

const { interpreters } = discoverPythons();
const dir = mkdtempSync(join(tmpdir(), 'heapquest-first-slice-'));

describe('engine first slice matches CPython', () => {
  it('finds at least one CPython', () => {
    if (process.env.CI === 'true') expect(interpreters.length).toBeGreaterThan(0);
  });
  for (const [name, source] of Object.entries(PROGRAMS)) {
    for (const py of interpreters) {
      it(`${name} (${py.version})`, () => {
        const file = join(dir, name.replace(/\W+/g, '_') + '.py');
        writeFileSync(file, source);
        let stdout = '';
        let stderr = '';
        let status = 0;
        try {
          stdout = execFileSync(py.path, [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: '/usr/bin:/bin', PYTHONHASHSEED: '0' } as unknown as NodeJS.ProcessEnv });
        } catch (e) {
          const err = e as { stdout: string; stderr: string; status: number };
          stdout = err.stdout;
          stderr = err.stderr;
          status = err.status;
        }
        const r = runProgram(source, { version: py.profile });
        expect(r.stdout).toBe(stdout);
        expect(r.exitCode).toBe(status);
        if (status === 1) expect(r.stderr.trim().split('\n').pop()).toBe(stderr.trim().split('\n').pop());
      });
    }
  }
});
