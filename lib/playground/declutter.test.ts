import { describe, expect, it } from 'vitest';
import { runProgram } from '../../engine/index';
import type { TraceStep } from '../../engine/trace';
import { BEGINNER_CLUTTER, declutter, type Clutter } from './declutter';
import { explainSharing } from './sharing';

const PROGRAM = `def f():
    return 1
class C:
    pass
nums = list(range(20))
name = "hello"
obj = C()
x = 5
done = True
`;

function lastLineStep(version = '3.12' as const): TraceStep {
  const steps: TraceStep[] = [];
  runProgram(PROGRAM, { version, trace: { step: (s) => void steps.push(s) } });
  return steps.filter((s) => s.frames.length > 0).at(-1)!;
}

const ALL: Clutter = { hideCode: false, collapseOver: null, showSmallInts: true, showInterned: true };

describe('clutter control', () => {
  const step = lastLineStep();
  const types = (s: TraceStep) => new Set(s.heap.map((o) => o.type));
  const names = (s: TraceStep) => s.frames[0]!.locals.map((l) => l.label);

  it('shows everything when asked, as the engine reported it', () => {
    expect(declutter(step, ALL)).toBe(step);
    expect(types(step).has('function')).toBe(true);
  });

  it('hides functions and classes, and the names bound to them', () => {
    const s = declutter(step, { ...ALL, hideCode: true });
    expect(types(s).has('function')).toBe(false);
    expect(types(s).has('type')).toBe(false);
    expect(names(s)).not.toContain('f');
    expect(names(s)).not.toContain('C');
    expect(names(s)).toEqual(expect.arrayContaining(['nums', 'name', 'obj', 'x']));
    const inst = s.heap.find((o) => o.type === 'C')!;
    expect(inst.refs.some((r) => r.label === '__class__')).toBe(false);
    // Counts are the engine's, untouched.
    expect(inst.refcount).toBe(step.heap.find((o) => o.id === inst.id)!.refcount);
  });

  it('collapses a long list to its first references and drops what only they reached', () => {
    const s = declutter(step, { ...ALL, collapseOver: 8 });
    const list = s.heap.find((o) => o.type === 'list')!;
    expect(list.refs).toHaveLength(8);
    expect(list.repr).toMatch(/8 arrows shown/);
    const full = step.heap.find((o) => o.id === list.id)!;
    const dropped = full.refs.slice(8).map((r) => r.target).filter((t) => !list.refs.some((r) => r.target === t));
    // 8..19 are small ints; x = 5 keeps 5 but nothing keeps 19.
    expect(dropped.length).toBeGreaterThan(0);
    expect(s.heap.some((o) => o.repr === '19')).toBe(false);
    expect(s.heap.some((o) => o.repr === '5')).toBe(true);
  });

  it('hides small ints and interned strings on request', () => {
    const s = declutter(step, { ...ALL, showSmallInts: false, showInterned: false });
    expect(s.heap.some((o) => o.shared === 'small_int' || o.shared === 'interned')).toBe(false);
    expect(s.heap.find((o) => o.type === 'list')!.refs).toHaveLength(0);
  });

  it('beginner defaults hide code and collapse containers', () => {
    const s = declutter(step, BEGINNER_CLUTTER);
    expect(types(s).has('function')).toBe(false);
    expect(s.heap.find((o) => o.type === 'list')!.refs.length).toBeLessThanOrEqual(8);
  });
});

describe('why an object is shared', () => {
  it('says which versions make small ints immortal, from the profile table', () => {
    const e = explainSharing('small_int', '5', '3.12');
    expect(e.versions).toMatch(/On 3\.12 and 3\.13 these ints are immortal/);
    expect(e.versions).toMatch(/On 3\.10 and 3\.11 every reference still counts/);
    expect(e.versions).toMatch(/running 3\.12: immortal/);
    expect(explainSharing('small_int', '5', '3.10').versions).toMatch(/running 3\.10: counted/);
  });

  it('says interned strings are immortal only where the profile says so', () => {
    expect(explainSharing('interned', "'hi'", '3.13').versions).toMatch(/On 3\.12 interned strings are immortal.*running 3\.13: counted/);
  });

  it('contrasts a shared constant with int() at run time', () => {
    const e = explainSharing('constant', '257', '3.11');
    expect(e.why).toMatch(/co_consts/);
    expect(e.contrast).toMatch(/int\("257"\)/);
  });
});
