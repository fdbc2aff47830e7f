// Answer-key derivation on hand-made traces: what each probe reads, and how it refuses.
// (tests/levels/answer-keys.test.ts derives every real level's keys from real engine runs.)

import { describe, expect, it } from 'vitest';
import type { FrameSnapshot, HeapObjectSnapshot, TraceEvent, TraceStep } from '../../engine/trace';
import { type Runner, deriveAnswerKeys, isCorrect } from './answer-key';
import { LevelError } from './errors';
import { validateLevel } from './load';
import type { Profile } from './schema';

function obj(id: number, type: string, repr: string, refcount: number, refs: Record<string, number> = {}, immortal = false): HeapObjectSnapshot {
  return {
    id,
    type,
    repr,
    refcount,
    immortal,
    tracked: type !== 'int' && type !== 'str',
    generation: 0,
    refs: Object.entries(refs).map(([label, target]) => ({ label, target })),
    shared: null,
  };
}

function frame(name: string, line: number, locals: Record<string, number>): FrameSnapshot {
  return { name, line, locals: Object.entries(locals).map(([label, target]) => ({ label, target })) };
}

interface StepSpec {
  line: number;
  frames: FrameSnapshot[];
  heap: HeapObjectSnapshot[];
  events?: TraceEvent[];
  stdout?: string;
}

/** A runner that replays fixed steps (per profile) instead of running anything. */
function replay(stepsByProfile: Partial<Record<Profile, StepSpec[]>>, exitCode = 0): Runner {
  return (_source, { version, trace }) => {
    const specs = stepsByProfile[version] ?? stepsByProfile['3.12']!;
    specs.forEach((s, index) => trace?.step({ index, line: s.line, frames: s.frames, heap: s.heap, events: s.events ?? [], stdout: s.stdout ?? '' } satisfies TraceStep));
    return { stdout: specs.map((s) => s.stdout ?? '').join(''), stderr: exitCode === 0 ? '' : 'NameError: name x is not defined\n', exitCode };
  };
}

function level(program: string, checkpoints: unknown[]) {
  return validateLevel('levels/refcount/01-test.json', {
    id: 'test',
    topic: 'refcount',
    title: 'Test',
    difficulty: 1,
    order: 1,
    intro: 'A test level.',
    program,
    checkpoints,
  });
}

const derive = (l: ReturnType<typeof level>, run: Runner) => deriveAnswerKeys(l, run, 'levels/refcount/01-test.json');

function q(kind: string, probe: unknown, explanation: string) {
  return { kind, prompt: 'What happens?', probe, hint: 'Think.', explanation };
}

// a = [1000]; b = a; print(R(a)); del a
const LIST = 10;
const BIG = 11;
const aliasSteps: StepSpec[] = [
  { line: 1, frames: [frame('<module>', 2, { a: LIST })], heap: [obj(LIST, 'list', '[1000]', 1, { '[0]': BIG }), obj(BIG, 'int', '1000', 3)], events: [{ kind: 'alloc', id: LIST, type: 'list', repr: '[1000]' }] },
  { line: 2, frames: [frame('<module>', 3, { a: LIST, b: LIST })], heap: [obj(LIST, 'list', '[1000]', 2, { '[0]': BIG }), obj(BIG, 'int', '1000', 3)] },
  { line: 3, frames: [frame('<module>', 4, { a: LIST, b: LIST })], heap: [obj(LIST, 'list', '[1000]', 2, { '[0]': BIG }), obj(BIG, 'int', '1000', 3)], stdout: '3\n' },
  { line: 4, frames: [frame('<module>', 4, { b: LIST })], heap: [obj(LIST, 'list', '[1000]', 1, { '[0]': BIG }), obj(BIG, 'int', '1000', 3)] },
];
const ALIAS = 'a = [1000]\nb = a\nprint(sys.getrefcount(a))\ndel a\n';

describe('deriveAnswerKeys', () => {
  it('reads a printed number and names who holds the object', () => {
    const key = derive(level(ALIAS, [{ line: 3, question: q('number', { read: 'printed', about: 'a' }, '{answer}: {holders} and the argument.') }]), replay({ '3.12': aliasSteps }));
    expect(key.checkpoints[0]!.answer).toEqual({ kind: 'number', value: 3 });
    expect(key.checkpoints[0]!.explanation).toBe('3: `a` and `b` and the argument.');
    expect(key.stdout).toBe('3\n');
  });

  it('reads a refcount from the snapshot after the line, and aliveness of what a name held before it', () => {
    const key = deriveAnswerKeys(
      level(ALIAS, [
        { line: 2, question: q('number', { read: 'refcount', of: 'a' }, '{answer} = {refcount}: {holders}; it is {repr}, a {type}.') },
        { line: 4, question: q('yesno', { read: 'alive', of: 'a' }, 'Alive: {answer}, held by {holders}.') },
      ]),
      replay({ '3.12': aliasSteps }),
    );
    expect(key.checkpoints.map((c) => c.explanation)).toEqual(['2 = 2: `a` and `b`; it is `[1000]`, a list.', 'Alive: yes, held by `b`.']);
    expect(key.checkpoints[1]!.answer).toEqual({ kind: 'yesno', value: true });
  });

  it('follows paths into containers', () => {
    const key = derive(level(ALIAS, [{ line: 2, question: q('number', { read: 'refcount', of: 'b[0]' }, '{answer}: {holders}') }]), replay({ '3.12': aliasSteps }));
    expect(key.checkpoints[0]!.explanation).toBe('3: `a[0]`');
  });

  it('counts a call and its body as one window of the calling line', () => {
    // def f(x): / print(x) / f(5) / print('end')
    const F = 20;
    const steps: StepSpec[] = [
      { line: 1, frames: [frame('<module>', 3, { f: F })], heap: [obj(F, 'function', '<function f at 0x1>', 1)] },
      { line: 3, frames: [frame('<module>', 3, { f: F }), frame('f', 2, {})], heap: [obj(F, 'function', '<function f at 0x1>', 1)] },
      { line: 2, frames: [frame('<module>', 4, { f: F })], heap: [obj(F, 'function', '<function f at 0x1>', 1)], stdout: '5\n' },
      { line: 4, frames: [frame('<module>', 4, { f: F })], heap: [obj(F, 'function', '<function f at 0x1>', 1)], stdout: 'end\n' },
    ];
    const program = "def f(x):\n    print(x)\nf(5)\nprint('end')\n";
    const key = derive(level(program, [{ line: 3, question: q('number', { read: 'printed' }, 'It printed {printed}.') }]), replay({ '3.12': steps }));
    expect(key.checkpoints[0]!.answer).toEqual({ kind: 'number', value: 5 });
    expect(key.checkpoints[0]!.explanation).toBe('It printed `5`.');
  });

  it('keeps a finalizer that runs as a function returns inside the return line\'s window', () => {
    // def work(): / temp = T() / return 1 / work() / print('after')  (T.__del__ prints)
    const W = 30, T = 31;
    const mod = (line: number, extra: Record<string, number> = {}) => frame('<module>', line, { work: W, ...extra });
    const heapWith = (alive: boolean) => [obj(W, 'function', '<function work>', 1), ...(alive ? [obj(T, 'T', '<T object>', 1)] : [])];
    const steps: StepSpec[] = [
      { line: 1, frames: [mod(4)], heap: heapWith(false) },
      { line: 4, frames: [mod(4), frame('work', 2, {})], heap: heapWith(false) },
      { line: 2, frames: [mod(4), frame('work', 3, { temp: T })], heap: heapWith(true), events: [{ kind: 'alloc', id: T, type: 'T', repr: '' }] },
      // `return 1` drops `temp`; T.__del__ starts at the same depth work() had.
      { line: 3, frames: [mod(4), frame('__del__', 9, { self: T })], heap: heapWith(true), events: [{ kind: 'finalize', id: T }] },
      { line: 9, frames: [mod(5)], heap: heapWith(false), events: [{ kind: 'dealloc', id: T }], stdout: 'bye\n' },
      { line: 5, frames: [mod(5)], heap: heapWith(false), stdout: 'after\n' },
    ];
    const program = 'def work():\n    temp = T()\n    return 1\nwork()\nprint(1)\n';
    const key = derive(level(program, [{ line: 3, question: q('pick', { read: 'freed', types: ['T'] }, 'Freed: {objects}.') }]), replay({ '3.12': steps }));
    expect(key.checkpoints[0]!.answer).toMatchObject({ ids: [T] });
    expect(key.checkpoints[0]!.explanation).toBe('Freed: the T `temp`.');
  });

  it('picks what died, what was made, what two objects share, and what the collector found unreachable', () => {
    // x = [[1], 'k']; y = x[:]; del x; gc.collect()
    const X = 1, INNER = 2, K = 3, Y = 4, N1 = 5, N2 = 6;
    const heap1 = [obj(X, 'list', "[[1], 'k']", 1, { '[0]': INNER, '[1]': K }), obj(INNER, 'list', '[1]', 1), obj(K, 'str', "'k'", 2, {}, true)];
    const heap2 = [...heap1.map((o) => (o.id === INNER ? { ...o, refcount: 2 } : o)), obj(Y, 'list', "[[1], 'k']", 1, { '[0]': INNER, '[1]': K })];
    const heap3 = [obj(INNER, 'list', '[1]', 1), obj(K, 'str', "'k'", 1, {}, true), obj(Y, 'list', "[[1], 'k']", 1, { '[0]': INNER, '[1]': K }), obj(N1, 'Node', '<__main__.Node object at 0x9>', 1, { '.peer': N2 }), obj(N2, 'Node', '<__main__.Node object at 0xa>', 1, { '.peer': N1 })];
    const steps: StepSpec[] = [
      { line: 1, frames: [frame('<module>', 2, { x: X })], heap: heap1, events: [{ kind: 'alloc', id: X, type: 'list', repr: '' }] },
      { line: 2, frames: [frame('<module>', 3, { x: X, y: Y })], heap: heap2, events: [{ kind: 'alloc', id: Y, type: 'list', repr: '' }, { kind: 'alloc', id: 99, type: 'list', repr: '' }, { kind: 'dealloc', id: 99 }] },
      { line: 3, frames: [frame('<module>', 4, { y: Y })], heap: heap3, events: [{ kind: 'dealloc', id: X }] },
      {
        line: 4,
        frames: [frame('<module>', 4, { y: Y })],
        heap: heap3.filter((o) => o.type !== 'Node'),
        events: [
          { kind: 'gc_start', generation: 2, automatic: false },
          { kind: 'gc_phase', phase: 'move_unreachable', gcRefs: {}, unreachable: [N1, N2] },
          { kind: 'dealloc', id: N1 },
          { kind: 'dealloc', id: N2 },
        ],
        stdout: '2\n',
      },
    ];
    const program = "x = [[1], 'k']\ny = x[:]\ndel x\nprint(gc.collect())\n";
    const key = deriveAnswerKeys(
      level(program, [
        { line: 2, question: q('pick', { read: 'created' }, 'Made: {objects}.') },
        { line: 3, question: q('pick', { read: 'freed' }, 'Freed: {objects} ({count}).') },
        { line: 4, question: q('pick', { read: 'unreachable', types: ['Node'] }, 'Unreachable: {objects}.') },
      ]),
      replay({ '3.12': steps }),
    );
    const [made, freed, unreachable] = key.checkpoints;
    expect(made!.answer).toMatchObject({ kind: 'pick', ids: [Y] });
    expect(made!.explanation).toBe('Made: the list `y`.');
    expect(freed!.answer).toMatchObject({ ids: [X] });
    expect(freed!.explanation).toBe('Freed: the list `x` (1).');
    expect(unreachable!.answer).toMatchObject({ ids: [N1, N2], candidates: [{ id: N1, type: 'Node', label: 'a Node' }, { id: N2 }] });
    const shared = derive(level(program, [{ line: 2, question: q('pick', { read: 'shared', a: 'x', b: 'y' }, 'Shared: {objects}.') }]), replay({ '3.12': steps }));
    expect(shared.checkpoints[0]!.answer).toMatchObject({ ids: [INNER, K] });
    expect(shared.checkpoints[0]!.explanation).toBe("Shared: the list `x[0]` and `'k'`.");
  });

  it('sees a cycle no name reaches even when the snapshot leaves it out', () => {
    // a = N(); b = N() / a.o = b; b.o = a / del a, b / print(gc.collect())
    const A = 41, B = 42;
    const both = [obj(A, 'N', '<N object>', 2, { '.o': B }), obj(B, 'N', '<N object>', 2, { '.o': A })];
    const steps: StepSpec[] = [
      { line: 1, frames: [frame('<module>', 2, { a: A, b: B })], heap: both.map((o) => ({ ...o, refcount: 1, refs: [] })), events: [{ kind: 'alloc', id: A, type: 'N', repr: '' }, { kind: 'alloc', id: B, type: 'N', repr: '' }] },
      { line: 2, frames: [frame('<module>', 3, { a: A, b: B })], heap: both },
      { line: 3, frames: [frame('<module>', 4, {})], heap: [], events: [{ kind: 'decref', id: A, refcount: 1 }, { kind: 'decref', id: B, refcount: 1 }] },
      {
        line: 4,
        frames: [frame('<module>', 4, {})],
        heap: [],
        events: [{ kind: 'gc_start', generation: 2, automatic: false }, { kind: 'gc_phase', phase: 'move_unreachable', gcRefs: {}, unreachable: [A, B] }, { kind: 'dealloc', id: A }, { kind: 'dealloc', id: B }],
        stdout: '2\n',
      },
    ];
    const program = 'a = N(); b = N()\na.o = b; b.o = a\ndel a, b\nprint(gc.collect())\n';
    const key = derive(
      level(program, [
        { line: 3, question: q('yesno', { read: 'alive', of: 'b' }, 'Alive: {answer}, count {refcount}, held by {holders}.') },
        { line: 4, question: q('pick', { read: 'unreachable', types: ['N'] }, 'Unreachable: {objects}.') },
      ]),
      replay({ '3.12': steps }),
    );
    expect(key.checkpoints[0]!.explanation).toBe('Alive: yes, count 1, held by objects that no name reaches.');
    expect(key.checkpoints[1]!.answer).toEqual({
      kind: 'pick',
      ids: [A, B],
      candidates: [
        { id: A, type: 'N', label: 'the N made on line 1' },
        { id: B, type: 'N', label: 'the N made on line 1' },
      ],
    });
  });

  it('finds the n-th run of a line in a loop', () => {
    // for i in range(3): / print(i * 10)
    const m = (line: number) => [frame('<module>', line, {})];
    const steps: StepSpec[] = [0, 1, 2].flatMap((i) => [
      { line: 1, frames: m(2), heap: [] },
      { line: 2, frames: m(1), heap: [], stdout: `${i * 10}\n` },
    ]);
    const program = 'for i in range(3):\n    print(i * 10)\n';
    const key = derive(
      level(program, [
        { line: 2, occurrence: 2, question: q('number', { read: 'printed' }, 'It printed {answer}.') },
        { line: 2, occurrence: 3, question: q('number', { read: 'printed' }, 'It printed {answer}.') },
      ]),
      replay({ '3.12': steps }),
    );
    expect(key.checkpoints.map((c) => c.answer)).toEqual([
      { kind: 'number', value: 10 },
      { kind: 'number', value: 20 },
    ]);
  });

  it('orders printed lines, and refuses fewer than two', () => {
    const steps: StepSpec[] = [
      { line: 1, frames: [frame('<module>', 2, {})], heap: [], stdout: 'del b\ndel a\n' },
      { line: 2, frames: [frame('<module>', 2, {})], heap: [], stdout: 'alone\n' },
    ];
    const program = 'del pair\nprint(1)\n';
    const key = derive(level(program, [{ line: 1, question: q('order', { read: 'printed-lines' }, 'It printed {sequence}.') }]), replay({ '3.12': steps }));
    expect(key.checkpoints[0]!.answer).toEqual({ kind: 'order', items: ['del b', 'del a'] });
    expect(key.checkpoints[0]!.explanation).toBe('It printed `del b`, then `del a`.');
    expect(() => derive(level(program, [{ line: 2, question: q('order', { read: 'printed-lines' }, '{sequence}') }]), replay({ '3.12': steps }))).toThrow(
      'levels/refcount/01-test.json: checkpoints[0].question.probe: an order question needs at least two items, but line 2 gives 1',
    );
  });

  it('orders finalizers and weakref callbacks by the objects they were for', () => {
    // x = R(); y = R() / del x, y   (R has __del__; a weakref with a callback watches y)
    const X = 51, Y = 52, WR = 53;
    const steps: StepSpec[] = [
      { line: 1, frames: [frame('<module>', 2, { x: X, y: Y, w: WR })], heap: [obj(X, 'R', '<R object>', 1), obj(Y, 'R', '<R object>', 1), obj(WR, 'weakref', '<weakref>', 1)] },
      {
        line: 2,
        frames: [frame('<module>', 2, { w: WR })],
        heap: [obj(WR, 'weakref', '<weakref>', 1)],
        events: [{ kind: 'finalize', id: X }, { kind: 'dealloc', id: X }, { kind: 'finalize', id: Y }, { kind: 'weakref_callback', weakref: WR, referent: Y }, { kind: 'dealloc', id: Y }],
      },
    ];
    const program = 'x = R(); y = R(); w = watch(y)\ndel x, y\n';
    const key = derive(level(program, [{ line: 2, question: q('order', { read: 'finalized' }, 'In order: {sequence}.') }]), replay({ '3.12': steps }));
    expect(key.checkpoints[0]!.answer).toEqual({ kind: 'order', items: ['__del__ of the R `x`', '__del__ of the R `y`', 'the weakref callback for the R `y`'] });
    expect(() => derive(level(program, [{ line: 2, question: q('order', { read: 'finalized' }, '{sequence}') }]), replay({ '3.12': [steps[0]!, { ...steps[1]!, events: [{ kind: 'finalize', id: X }] }] }))).toThrow(
      /needs at least two items, but line 2 gives 1/,
    );
  });

  it('finds every version whose output matches, and refuses a question every version answers alike', () => {
    const out = (text: string): StepSpec[] => [{ line: 1, frames: [frame('<module>', 1, {})], heap: [], stdout: text }];
    const runner = replay({ '3.10': out('4\n'), '3.11': out('2\n'), '3.12': out('2\n'), '3.13': out('2\n') });
    const program = 'print(gc.collect())\n';
    const key = derive(level(program, [{ line: 1, question: q('version', { read: 'versions', show: 'printed' }, '{shown}: {versions}. {outputs}.') }]), runner);
    expect(key.checkpoints[0]!.answer).toEqual({ kind: 'version', profiles: ['3.11', '3.12', '3.13'], shown: '2\n' });
    expect(key.checkpoints[0]!.explanation).toBe('`2`: 3.11, 3.12 and 3.13. 3.10 prints `4`; 3.11, 3.12 and 3.13 print `2`.');
    const same = replay({ '3.12': out('2\n') });
    expect(() => derive(level(program, [{ line: 1, question: q('version', { read: 'versions', show: 'program' }, '{versions}') }]), same)).toThrow(/every version prints the same/);
  });

  it('reports probes that find nothing, naming the checkpoint', () => {
    const problems = (checkpoints: unknown[], exitCode = 0): readonly string[] => {
      try {
        derive(level(ALIAS, checkpoints), replay({ '3.12': aliasSteps }, exitCode));
      } catch (e) {
        return (e as LevelError).problems;
      }
      return [];
    };
    expect(problems([{ line: 3, occurrence: 2, question: q('number', { read: 'printed' }, '{answer}') }])).toEqual([
      "levels/refcount/01-test.json: checkpoints[0].line: line 3 never runs 2 times in the engine's run on 3.12",
    ]);
    expect(problems([{ line: 3, question: q('number', { read: 'printed', index: 1 }, '{answer}') }])).toEqual([
      'levels/refcount/01-test.json: checkpoints[0].question.probe: wants printed line 1, but line 3 printed only 1 line',
    ]);
    expect(problems([{ line: 3, question: q('yesno', { read: 'printed' }, '{answer}') }])).toEqual([
      'levels/refcount/01-test.json: checkpoints[0].question.probe: a yes/no question needs True or False printed, but the line printed "3"',
    ]);
    expect(problems([{ line: 2, question: q('number', { read: 'refcount', of: 'nope' }, '{answer}') }])).toEqual([
      'levels/refcount/01-test.json: checkpoints[0].question.probe: `nope` names no object around line 2',
    ]);
    expect(problems([{ line: 2, question: q('pick', { read: 'unreachable' }, '{objects}') }])).toEqual([
      'levels/refcount/01-test.json: checkpoints[0].question.probe: no collection runs while line 2 runs',
    ]);
    expect(problems([{ line: 1, question: q('number', { read: 'printed' }, '{answer}') }], 1)[0]).toBe(
      'levels/refcount/01-test.json: program: the engine stopped with exit code 1: NameError: name x is not defined',
    );
  });
});

describe('isCorrect', () => {
  it('compares each kind the way its question means', () => {
    expect(isCorrect({ kind: 'number', value: 3 }, { kind: 'number', value: 3 })).toBe(true);
    expect(isCorrect({ kind: 'number', value: 3 }, { kind: 'number', value: 2 })).toBe(false);
    expect(isCorrect({ kind: 'yesno', value: false }, { kind: 'yesno', value: false })).toBe(true);
    expect(isCorrect({ kind: 'pick', ids: [1, 2], candidates: [] }, { kind: 'pick', ids: [2, 1] })).toBe(true);
    expect(isCorrect({ kind: 'pick', ids: [1, 2], candidates: [] }, { kind: 'pick', ids: [1] })).toBe(false);
    expect(isCorrect({ kind: 'pick', ids: [], candidates: [] }, { kind: 'pick', ids: [] })).toBe(true);
    expect(isCorrect({ kind: 'order', items: ['a', 'b'] }, { kind: 'order', items: ['a', 'b'] })).toBe(true);
    expect(isCorrect({ kind: 'order', items: ['a', 'b'] }, { kind: 'order', items: ['b', 'a'] })).toBe(false);
    expect(isCorrect({ kind: 'version', profiles: ['3.12', '3.13'], shown: '' }, { kind: 'version', profiles: ['3.13', '3.12'] })).toBe(true);
    expect(isCorrect({ kind: 'version', profiles: ['3.12', '3.13'], shown: '' }, { kind: 'version', profiles: ['3.12'] })).toBe(false);
    expect(isCorrect({ kind: 'number', value: 1 }, { kind: 'yesno', value: true })).toBe(false);
  });
});
