// The streaming path on the real engine: batches carry every step's index and only the full
// steps the page keeps, a re-run gives exactly the steps of the first run, and what the page
// holds stays bounded however long the run.
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../engine/index';
import type { TraceStep } from '../../engine/trace';
import { recordRange, StepRecorder, STEP_FREED, STEP_OUTPUT, type StepBatch } from './recorder';
import { KEYFRAME_EVERY, TraceStore, WINDOW_STEPS } from './store';

const PROGRAM = `import gc
class Node:
    def __init__(self):
        self.other = None
for i in range(40):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
    del a, b
    if i % 10 == 0:
        print(gc.collect())
x = 257
y = 257
z = int('257')
print(x is y, x is z)
`;

function fullTrace(source: string): TraceStep[] {
  const steps: TraceStep[] = [];
  runProgram(source, { version: '3.12', trace: { step: (s) => void steps.push(s) } });
  return steps;
}

function stream(source: string, options: { head: number; keyframeEvery: number; batchSize: number }): { batches: StepBatch[]; store: TraceStore } {
  const batches: StepBatch[] = [];
  const store = new TraceStore(options.keyframeEvery);
  const recorder = new StepRecorder({ ...options, maxDelayMs: 1e9, now: () => 0, flush: (b) => (batches.push(b), store.addBatch(b)) });
  runProgram(source, { version: '3.12', trace: recorder });
  recorder.finish();
  return { batches, store };
}

describe('streaming a run', () => {
  const steps = fullTrace(PROGRAM);

  it('indexes every step: line, deaths on screen, collections, output', () => {
    const { batches, store } = stream(PROGRAM, { head: 20, keyframeEvery: 50, batchSize: 64 });
    expect(store.length).toBe(steps.length);
    expect(batches[0]!.lines.length).toBe(1); // the first step goes out alone
    steps.forEach((s, i) => expect(store.lineAt(i)).toBe(s.line));
    const gcSteps = steps.filter((s) => s.events.some((e) => e.kind === 'gc_start')).map((s) => s.index);
    expect(gcSteps.length).toBeGreaterThan(0);
    let at = -1;
    const found: number[] = [];
    for (let n = store.nextCollection(at); n !== null; n = store.nextCollection(at)) found.push((at = n));
    expect(found).toEqual(gcSteps);
    expect(store.nextWith(-1, STEP_OUTPUT)).toBe(steps.findIndex((s) => s.stdout !== ''));
    expect(store.stdoutThrough(steps.length - 1)).toBe(runProgram(PROGRAM, { version: '3.12' }).stdout);
    // Flagged: a death of an object the previous step listed (drawn on screen).
    for (let i = 1; i < steps.length; i++) {
      const listed = new Set(steps[i - 1]!.heap.map((o) => o.id));
      const died = steps[i]!.events.some((e) => e.kind === 'dealloc' && listed.has(e.id));
      expect(store.nextWith(i - 1, STEP_FREED) === i).toBe(died);
    }
  });

  it('sends full steps only for the head and the keyframes', () => {
    const { batches, store } = stream(PROGRAM, { head: 20, keyframeEvery: 50, batchSize: 64 });
    const sent = batches.flatMap((b) => b.full.map((s) => s.index));
    expect(sent).toEqual(steps.filter((s) => s.index < 20 || s.index % 50 === 0).map((s) => s.index));
    expect(store.window.from).toBe(0);
    expect(store.window.steps.map((s) => s.index)).toEqual(steps.slice(0, 20).map((s) => s.index));
    expect(store.stepAt(100)?.index).toBe(100);
    expect(store.stepAt(101)).toBeNull();
    expect(store.keyframeBefore(149)?.index).toBe(100);
  });

  it('a re-run up to step k gives exactly the steps of the first run', () => {
    const from = 150;
    const to = 170;
    const again = recordRange(runProgram, PROGRAM, '3.12', from, to);
    expect(again.map((s) => s.index)).toEqual(steps.slice(from, to).map((s) => s.index));
    expect(again).toEqual(steps.slice(from, to));
    // The engine, stopped halfway, runs the next program from a clean start.
    expect(runProgram(PROGRAM, { version: '3.12' }).stdout).toBe(runProgram(PROGRAM, { version: '3.12' }).stdout);
    expect(recordRange(runProgram, PROGRAM, '3.12', steps.length - 3, steps.length + 10)).toHaveLength(3);
  });

  it('marks 257 written twice as one constant, and int("257") as a new object', () => {
    const at = steps.length - 2; // the last line's step (the final one is the program's exit)
    expect(steps[at]!.frames).toHaveLength(1);
    const last = recordRange(runProgram, PROGRAM, '3.12', at, at + 1)[0]!;
    const names = new Map(last.frames[0]!.locals.map((l) => [l.label, l.target]));
    expect(names.get('x')).toBe(names.get('y'));
    const byId = new Map(last.heap.map((o) => [o.id, o]));
    expect(byId.get(names.get('x')!)!.shared).toBe('constant');
    expect(names.get('z')).not.toBe(names.get('x'));
    expect(byId.get(names.get('z')!)!.shared).toBeNull();
  });

  it('holds a bounded amount for a long run', () => {
    const long = 'total = 0\nfor i in range(60000):\n    total += i\nprint(total)\n';
    const { store } = stream(long, { head: WINDOW_STEPS, keyframeEvery: KEYFRAME_EVERY, batchSize: 2048 });
    expect(store.length).toBeGreaterThan(120_000);
    const f = store.footprint;
    expect(f.windowSteps).toBe(WINDOW_STEPS);
    expect(f.keyframes).toBeLessThanOrEqual(Math.ceil(store.length / KEYFRAME_EVERY));
    expect(f.indexBytes).toBeLessThan(store.length * 9 * 2 + 10_000);
    const target = 100_000;
    const range = store.windowAround(target, store.length);
    expect(range.to - range.from).toBe(WINDOW_STEPS);
    store.setWindow(range.from, recordRange(runProgram, long, '3.12', range.from, range.to));
    expect(store.stepAt(target)!.line).toBe(store.lineAt(target));
    expect(store.window.steps).toHaveLength(WINDOW_STEPS);
  });
});
