// Property tests over random programs from a small generator:
// - the engine never crashes (every run ends with an outcome, never a TypeScript exception);
// - traces are deterministic (the same program gives the same trace, byte for byte);
// - in every snapshot, the refcount of each container or instance equals the references the
//   snapshot itself shows (names, other objects, stack temporaries).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runProgram, PYTHON_VERSIONS, type PythonVersion } from '../../engine/index';
import type { TraceSink, TraceStep } from '../../engine/trace';
import { setSnapshotReuse } from '../../engine/snapshot';

const VARS = ['a', 'b', 'c', 'd'] as const;
const v = fc.constantFrom(...VARS);

/** One statement over the variables a-d (errors such as NameError are allowed outcomes). */
const statement: fc.Arbitrary<string> = fc.oneof(
  v.map((x) => `${x} = []`),
  v.map((x) => `${x} = {}`),
  fc.tuple(v, v, v).map(([x, y, z]) => `${x} = [${y}, ${z}]`),
  fc.tuple(v, v, v).map(([x, y, z]) => `${x} = (${y}, ${z})`),
  fc.tuple(v, v).map(([x, y]) => `${x} = ${y}`),
  fc.tuple(v, v).map(([x, y]) => `${x}.append(${y})`),
  fc.tuple(v, v).map(([x, y]) => `${x}['k'] = ${y}`),
  v.map((x) => `del ${x}`),
  v.map((x) => `${x} = Box()`),
  fc.tuple(v, v).map(([x, y]) => `${x}.item = ${y}`),
  fc.tuple(v, v).map(([x, y]) => `keep(${x}, ${y})`),
  v.map((x) => `for e in ${x}:\n    pass`),
  v.map((x) => `print(len(${x}))`),
  v.map((x) => `print(sys.getrefcount(${x}) > 1)`),
  fc.constant('print(gc.collect() >= 0)'),
  fc.constant('kept.clear()'),
  v.map((x) => `${x} = [i for i in range(3)]`),
  fc.tuple(v, v).map(([x, y]) => `${x} = make(${y})`),
);

const PRELUDE = [
  'import gc',
  'import sys',
  'class Box:',
  '    pass',
  'kept = []',
  'def keep(x, y):',
  '    kept.append([x, y])',
  'def make(x):',
  '    box = Box()',
  '    box.item = x',
  '    return box',
].join('\n');

const program = fc.array(statement, { minLength: 1, maxLength: 14 }).map((stmts) => PRELUDE + '\n' + stmts.join('\n') + '\n');
const version = fc.constantFrom(...PYTHON_VERSIONS);

class Collect implements TraceSink {
  readonly steps: TraceStep[] = [];
  step(s: TraceStep): void {
    this.steps.push(s);
  }
}

/** Types whose refcount the snapshot fully explains (no hidden holders such as co_consts). */
const CHECKED = new Set(['list', 'dict', 'tuple', 'set', 'Box']);

function unexplained(step: TraceStep): string[] {
  const incoming = new Map<number, number>();
  const count = (id: number): void => {
    incoming.set(id, (incoming.get(id) ?? 0) + 1);
  };
  for (const f of step.frames) {
    for (const r of f.locals) count(r.target);
    for (const r of f.stack ?? []) count(r.target);
  }
  for (const o of step.heap) for (const r of o.refs) count(r.target);
  const problems: string[] = [];
  for (const o of step.heap) {
    if (!CHECKED.has(o.type) || o.shared !== null || o.immortal) continue;
    const seen = incoming.get(o.id) ?? 0;
    if (seen !== o.refcount) problems.push(`line ${step.line}: ${o.type} #${o.id} refcount ${o.refcount}, references shown ${seen}`);
  }
  return problems;
}

describe('engine properties', () => {
  it('never crashes on random programs', () => {
    fc.assert(
      fc.property(program, version, (src, ver: PythonVersion) => {
        const r = runProgram(src, { version: ver });
        expect(['ok', 'exception']).toContain(r.outcome.kind);
        expect([0, 1]).toContain(r.exitCode);
      }),
      { numRuns: 200, seed: 20261124 },
    );
  });

  it('gives byte-identical traces for the same program', () => {
    fc.assert(
      fc.property(program, version, (src, ver: PythonVersion) => {
        const a = new Collect();
        const b = new Collect();
        runProgram(src, { version: ver, trace: a });
        runProgram(src, { version: ver, trace: b });
        expect(JSON.stringify(b.steps)).toBe(JSON.stringify(a.steps));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('reuses a description from an earlier step only while it is still exact', () => {
    fc.assert(
      fc.property(program, version, (src, ver: PythonVersion) => {
        const reused = new Collect();
        const fresh = new Collect();
        runProgram(src, { version: ver, trace: reused });
        setSnapshotReuse(false);
        try {
          runProgram(src, { version: ver, trace: fresh });
        } finally {
          setSnapshotReuse(true);
        }
        expect(JSON.stringify(reused.steps)).toBe(JSON.stringify(fresh.steps));
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('explains every refcount in every snapshot by the references it shows', () => {
    fc.assert(
      fc.property(program, version, (src, ver: PythonVersion) => {
        const sink = new Collect();
        runProgram(src, { version: ver, trace: sink });
        const problems = sink.steps.flatMap(unexplained);
        expect(problems, src).toEqual([]);
      }),
      { numRuns: 150, seed: 42 },
    );
  });
});
