// Caps and front-end refusals: every way a run can stop without CPython's help ends with a
// clear one-line message, the right exit code, and the output printed before it.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram, PYTHON_VERSIONS } from '../../engine/index';

describe('caps', () => {
  it('stops an endless loop at the step cap, keeping the output so far', () => {
    const r = runProgram("print('start')\nwhile True:\n    pass\n", { version: '3.12' });
    expect(r.exitCode).toBe(3);
    expect(r.stdout).toBe('start\n');
    expect(r.outcome).toMatchObject({ kind: 'limit', limit: 'steps' });
    expect(r.stderr).toMatch(/^step limit of 1,000,000 reached at line [23]: the program may loop forever\n$/);
  });

  it('honours a smaller step cap', () => {
    const r = runProgram('i = 0\nwhile i < 100:\n    i += 1\nprint(i)\n', { version: '3.10', limits: { maxSteps: 50 } });
    expect(r.outcome).toMatchObject({ kind: 'limit', limit: 'steps' });
    expect(r.stderr).toContain('step limit of 50 reached');
  });

  it('stops a program that keeps too many objects alive', () => {
    const r = runProgram('keep = []\nwhile True:\n    keep.append([])\n', { version: '3.11', limits: { maxObjects: 5000 } });
    expect(r.exitCode).toBe(3);
    expect(r.outcome).toMatchObject({ kind: 'limit', limit: 'objects', line: 3 });
    expect(r.stderr).toBe('live-object limit of 5,000 reached at line 3: the program keeps too many objects alive\n');
  });

  it('stops a program that prints too much', () => {
    const r = runProgram("while True:\n    print('x' * 99)\n", { version: '3.13', limits: { maxOutputBytes: 1000 } });
    expect(r.exitCode).toBe(3);
    expect(r.outcome).toMatchObject({ kind: 'limit', limit: 'output' });
    expect(r.stdout.length).toBe(1000);
    expect(r.stderr).toMatch(/^output limit of 1,000 bytes reached at line 2/);
  });

  it('raises RecursionError at the recursion limit, as CPython does', () => {
    for (const version of PYTHON_VERSIONS) {
      const r = runProgram('def f(n):\n    return f(n + 1)\nf(0)\n', { version });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toBe('RecursionError: maximum recursion depth exceeded\n');
    }
    const shallow = runProgram('def f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n        return n\nprint(f(0))\n', { version: '3.12', limits: { maxDepth: 50 } });
    expect(shallow.stdout).toBe('48\n');
  });

  it('never grows the JS stack on deep Python recursion through constructors and methods', () => {
    const src = 'class A:\n    def __init__(self, n):\n        self.child = A(n - 1) if n else None\n    def depth(self):\n        return 1 + self.child.depth() if self.child else 1\nprint(A(900).depth())\n';
    expect(runProgram(src, { version: '3.12' }).stdout).toBe('901\n');
  });
});

describe('refusals before running', () => {
  it('reports unsupported syntax with line:col and exit 2', () => {
    const r = runProgram("print('never')\nwith open('f') as fh:\n    pass\n", { version: '3.12' });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.outcome.kind).toBe('unsupported');
    expect(r.stderr).toMatch(/^2:1: unsupported: /);
  });

  it('reports unsupported imports', () => {
    const r = runProgram('import math\n', { version: '3.12' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^1:\d+: unsupported: import of module 'math'/);
  });

  it('reports a SyntaxError with exit 1 and prints nothing', () => {
    const r = runProgram("print('a')\nx = (1,\n", { version: '3.10' });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.outcome.kind).toBe('syntax');
  });
});

describe('cli', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heapquest-cli-'));
  const run = (args: string[]): { out: string; err: string; code: number } => {
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', 'engine/cli.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { out, err: '', code: 0 };
    } catch (e) {
      const x = e as { stdout: string; stderr: string; status: number };
      return { out: x.stdout, err: x.stderr, code: x.status };
    }
  };

  it('prints stdout and the traceback line, exits like CPython, prefixes unsupported with FILE', () => {
    const ok = join(dir, 'ok.py');
    writeFileSync(ok, "import sys\nx = []\nprint(sys.getrefcount(x))\nprint(undefined_name)\n");
    const r = run(['run', ok, '--python', '3.12']);
    expect(r.out).toBe('2\n');
    expect(r.code).toBe(1);
    expect(r.err).toContain("NameError: name 'undefined_name' is not defined");
    const bad = join(dir, 'bad.py');
    writeFileSync(bad, 'x = 1\nwith x:\n    pass\n');
    const u = run(['run', bad, '--python', '3.10']);
    expect(u.code).toBe(2);
    expect(u.err.startsWith(`${bad}:2:1: unsupported: `)).toBe(true);
  }, 60_000);

  it('streams a byte-identical trace for the same input', () => {
    const prog = join(dir, 'trace.py');
    writeFileSync(prog, 'a = [1, 2]\nb = a\ndel b\nprint(len(a))\n');
    const t1 = join(dir, 't1.json');
    const t2 = join(dir, 't2.json');
    run(['run', prog, '--python', '3.11', '--trace', t1]);
    run(['run', prog, '--python', '3.11', '--trace', t2]);
    const text = readFileSync(t1, 'utf8');
    expect(readFileSync(t2, 'utf8')).toBe(text);
    expect(text.startsWith('{"version":"3.11","steps":[\n')).toBe(true);
    const trace = JSON.parse(text) as { steps: { line: number; stdout: string }[] };
    expect(trace.steps.map((s) => s.line).slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(trace.steps.map((s) => s.stdout).join('')).toBe('2\n');
  }, 60_000);
});

describe('refusals found at run time', () => {
  it('refuses a complex result (a negative number to a fractional power) instead of answering', () => {
    for (const version of PYTHON_VERSIONS) {
      const r = runProgram("print('roots')\nd = -16\ntry:\n    r = d ** 0.5\nexcept ValueError:\n    r = None\nprint(r)\n", { version });
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('roots\n');
      expect(r.outcome).toMatchObject({ kind: 'unsupported', line: 4 });
      expect(r.stderr).toBe('4:1: unsupported: complex numbers (a negative number raised to a fractional power)\n');
    }
  });

  it('folds nothing it would have to refuse: the constant expression is refused when it runs', () => {
    const r = runProgram("print('before')\nprint((-8) ** (1/3))\n", { version: '3.12' });
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('before\n');
  });
});
