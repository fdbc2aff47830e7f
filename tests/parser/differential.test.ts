// Differential test of the front end against CPython's own parser.
//
// tests/parser/dump_ast.py prints CPython's tree for each snippet in the shape of
// engine/ast.ts; we serialise ours the same way and compare. Expected trees, error types
// and messages all come from CPython in this run; nothing expected is typed here.

import { describe, expect, it } from 'vitest';
import { PySyntaxError, UnsupportedError } from '../../engine/errors';
import { parse } from '../../engine/parser';
import { cpython, dropJoinedPositions, findPython, normalise, reviveFloats } from './cpython';
import { INVALID, UNSUPPORTED, VALID } from './snippets';

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
        // Messages and columns are matched to 3.12's wording; other versions phrase some differently.
        if (python.version === '3.12') expect({ msg: e.msg, col: e.col }).toEqual({ msg: expected.error.msg, col: expected.error.col });
      });
    });
  });
}
