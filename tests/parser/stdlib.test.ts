// The parser over real code: every top-level statement of CPython's standard library
// (its top-level modules). Whatever CPython accepts we must either parse to CPython's
// tree or refuse as unsupported, never reject as a syntax error and never crash; what
// CPython's tree shows is inside the subset we must parse to exactly that tree.

import { describe, expect, it } from 'vitest';
import { PySyntaxError, UnsupportedError } from '../../engine/errors';
import { parse } from '../../engine/parser';
import { dropJoinedPositions, findPython, normalise, reviveFloats, stdlibStatements } from './cpython';

/** Refusals CPython's tree cannot show: escapes decoded away, and PEP 701 f-strings that only 3.12+ accept. */
const INVISIBLE_IN_TREE = /\\N\{|own quote/;

const python = findPython();
const ci = process.env.CI === 'true';

describe('parser over the standard library', () => {
  it.skipIf(!python && !ci)('agrees with CPython on every top-level statement', { timeout: 120_000 }, () => {
    if (!python) throw new Error('CI=true but no CPython 3.10-3.13 was found');
    const reference = python.version === '3.12' || python.version === '3.13';
    const statements = stdlibStatements(python.path);
    const problems: string[] = [];
    let same = 0;
    let refused = 0;
    for (const s of statements) {
      const where = `${s.file}:${s.line}`;
      let ours: unknown;
      let err: unknown;
      try {
        ours = parse(s.source);
      } catch (e) {
        err = e;
      }
      if (err !== undefined && !(err instanceof UnsupportedError) && !(err instanceof PySyntaxError)) {
        problems.push(`${where}: crashed: ${String(err)}`);
        continue;
      }
      if ('error' in s.cpython) {
        if (err === undefined) problems.push(`${where}: CPython rejects (${s.cpython.error.msg}) but we accept`);
        continue;
      }
      if (err instanceof PySyntaxError) {
        problems.push(`${where}: CPython accepts but we say ${err.message}`);
        continue;
      }
      if (s.cpython.ok === null) {
        if (err === undefined) problems.push(`${where}: outside the subset (${s.cpython.outside}) but we accept it`);
        else refused++;
        continue;
      }
      if (err instanceof UnsupportedError) {
        if (!INVISIBLE_IN_TREE.test(err.what)) problems.push(`${where}: inside the subset but we refuse: ${err.message}`);
        refused++;
        continue;
      }
      let a = normalise(ours);
      let b = reviveFloats(s.cpython.ok);
      if (!reference) {
        a = JSON.parse(JSON.stringify(a, dropJoinedPositions));
        b = JSON.parse(JSON.stringify(b, dropJoinedPositions));
      }
      try {
        expect(a).toEqual(b);
        same++;
      } catch {
        problems.push(`${where}: tree differs from CPython's`);
      }
    }
    console.log(`[parser stdlib] CPython ${python.version}: ${statements.length} statements, ${same} identical trees, ${refused} refused as unsupported`);
    expect(problems).toEqual([]);
    expect(same).toBeGreaterThan(1000);
  });
});
