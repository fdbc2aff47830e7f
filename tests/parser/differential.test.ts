// Differential test of the front end against CPython's own parser.
//
// tests/parser/dump_ast.py prints CPython's tree for each snippet in the shape of
// engine/ast.ts; we serialise ours the same way and compare. Expected trees, error types
// and messages all come from CPython in this run; nothing expected is typed here.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PySyntaxError, UnsupportedError } from '../../engine/errors';
import { parse } from '../../engine/parser';
import { INVALID, UNSUPPORTED, VALID } from './snippets';

const here = dirname(fileURLToPath(import.meta.url));

/** CPython 3.12 is the reference (its f-string positions are exact); 3.13, then 3.11 and 3.10 serve otherwise. */
function findPython(): { path: string; version: string } | null {
  const root = '/root/.pyenv/versions';
  const installed = existsSync(root) ? readdirSync(root) : [];
  for (const minor of ['3.12', '3.13', '3.11', '3.10']) {
    const dir = installed.filter((v) => v.startsWith(minor + '.')).sort().pop();
    if (dir && existsSync(join(root, dir, 'bin/python3'))) return { path: join(root, dir, 'bin/python3'), version: minor };
  }
  try {
    const v = execFileSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).trim();
    if (['3.10', '3.11', '3.12', '3.13'].includes(v)) return { path: 'python3', version: v };
  } catch {
    // no python3 on PATH
  }
  return null;
}

type CPythonResult =
  | { ok: unknown; outside: string | null; nodes: string[] }
  | { error: { type: string; msg: string; line: number; col: number } };

function cpython(python: string, sources: readonly string[]): CPythonResult[] {
  const out = execFileSync(python, [join(here, 'dump_ast.py')], { input: JSON.stringify(sources), encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(out) as CPythonResult[];
}

/** Our AST in dump_ast.py's JSON shape: bigints as decimal strings, floats as numbers. */
function normalise(node: unknown, inJoined = false): unknown {
  if (Array.isArray(node)) return node.map((x) => normalise(x, inJoined));
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'value' && obj.kind === 'Constant') {
      const c = v as { type: string; value?: unknown };
      out[k] = c.type === 'int' ? { type: 'int', value: String(c.value) } : c;
    } else if (k === 'values' && obj.kind === 'JoinedStr') {
      out[k] = normalise(v, true);
    } else {
      out[k] = normalise(v);
    }
  }
  if (inJoined && obj.kind === 'Constant') {
    delete out.line;
    delete out.col;
  }
  return out;
}

/** CPython's float reprs become numbers, compared with ours by value. */
function reviveFloats(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(reviveFloats);
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (obj.type === 'float' && typeof obj.value === 'string') {
    const r = obj.value;
    return { type: 'float', value: r === 'inf' ? Infinity : r === '-inf' ? -Infinity : Number(r) };
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, reviveFloats(v)]));
}

function positionOf(source: string, text: string, nth = 1): { line: number; col: number } {
  let idx = -1;
  for (let i = 0; i < nth; i++) idx = source.indexOf(text, idx + 1);
  if (idx < 0) throw new Error(`marker ${JSON.stringify(text)} not in ${JSON.stringify(source)}`);
  const before = source.slice(0, idx).split('\n');
  return { line: before.length, col: [...before[before.length - 1]!].length + 1 };
}

const python = findPython();
const ci = process.env.CI === 'true';

if (!python) {
  describe('parser vs CPython', () => {
    it.skipIf(!ci)('needs CPython 3.10-3.13 (none found in /root/.pyenv/versions or on PATH)', () => {
      throw new Error('CI=true but no CPython 3.10-3.13 was found: the differential parser test cannot run');
    });
    if (!ci) console.warn('[parser differential] skipped: no CPython 3.10-3.13 found');
  });
} else {
  const reference = python.version === '3.12' || python.version === '3.13';

  describe(`parser vs CPython ${python.version} (${python.path})`, () => {
    const valid = cpython(python.path, VALID);
    VALID.forEach((source, i) => {
      it(`valid #${i}: ${JSON.stringify(source).slice(0, 70)}`, () => {
        const expected = valid[i]!;
        if ('error' in expected) throw new Error(`CPython rejects a snippet listed as valid: ${expected.error.msg}`);
        expect(expected.outside, 'snippet must stay inside the subset').toBeNull();
        let ours = normalise(parse(source));
        let theirs = reviveFloats(expected.ok);
        if (!reference) {
          // Before 3.12 CPython gave f-string parts approximate positions; compare them only on 3.12+.
          ours = JSON.parse(JSON.stringify(ours, dropJoinedPositions));
          theirs = JSON.parse(JSON.stringify(theirs, dropJoinedPositions));
        }
        expect(ours).toEqual(theirs);
      });
    });

    const unsupported = cpython(python.path, UNSUPPORTED.map((c) => c.source));
    UNSUPPORTED.forEach((c, i) => {
      it(`unsupported #${i}: ${JSON.stringify(c.source).slice(0, 70)}`, () => {
        const expected = unsupported[i]!;
        // Only 3.12+ accepts PEP 695 syntax and PEP 701 f-strings; older versions reject them outright.
        const newerOnly = ['TypeVar', 'TypeAlias'].includes(c.node) || (c.node === 'JoinedStr' && !reference);
        if ('error' in expected) {
          if (!newerOnly) throw new Error(`CPython rejects a snippet listed as valid: ${expected.error.msg}`);
        } else {
          expect(expected.nodes).toContain(c.node);
        }
        let err: unknown;
        try {
          parse(c.source);
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(UnsupportedError);
        const u = err as UnsupportedError;
        expect({ line: u.line, col: u.col }).toEqual(positionOf(c.source, c.at, c.nth));
        expect(u.what).toContain(c.what);
        expect(u.message).toBe(`${u.line}:${u.col}: unsupported: ${u.what}`);
      });
    });

    const invalid = cpython(python.path, INVALID);
    INVALID.forEach((source, i) => {
      it(`invalid #${i}: ${JSON.stringify(source).slice(0, 70)}`, () => {
        const expected = invalid[i]!;
        if (!('error' in expected)) throw new Error('CPython accepts a snippet listed as invalid');
        let err: unknown;
        try {
          parse(source);
        } catch (e) {
          err = e;
        }
        expect(err, `CPython says ${expected.error.type}: ${expected.error.msg}`).toBeInstanceOf(PySyntaxError);
        const e = err as PySyntaxError;
        expect({ type: e.pyType, line: e.line }).toEqual({ type: expected.error.type, line: expected.error.line });
        if (python.version === '3.12') expect(e.msg).toBe(expected.error.msg);
      });
    });
  });
}

function dropJoinedPositions(this: unknown, key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (v.kind === 'JoinedStr' && Array.isArray(v.values)) {
      return { ...v, values: v.values.map((x) => (x && typeof x === 'object' && (x as { kind?: string }).kind === 'FormattedValue' ? { ...(x as object), line: undefined, col: undefined } : x)) };
    }
  }
  return value;
}
