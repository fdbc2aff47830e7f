// `npm run bench:scene`: how long the scene takes to follow one step of a big heap.
// A heap of 300 objects and 600 references (hand-made trace, lib/scene/fixtures.ts) is
// shown step after step; per frame we time the model update (the step's snapshot and the
// keyframes of its events) and the layout (slots, boxes, arrows, bounds). Goal: ≤ 4 ms.
// Prints figures only; the scene's behaviour is asserted by its tests.

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { growingHeap } from '../lib/scene/fixtures';
import { layoutScene, rowsForHeapSize, SlotPlanner } from '../lib/scene/layout';
import { keyframesInto, sceneFromStep } from '../lib/scene/model';
import type { TraceStep } from '../engine/trace';

const OBJECTS = 300;
const REFERENCES = 600;
const GOAL_MS = 4;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function report(name: string, samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const median = quantile(s, 0.5);
  const p95 = quantile(s, 0.95);
  console.log(
    `${name.padEnd(44)} median ${median.toFixed(3)} ms   p95 ${p95.toFixed(3)} ms   max ${s[s.length - 1]!.toFixed(3)} ms   (${s.length} frames)`,
  );
  return { median, p95 };
}

// Grow to the full heap, then keep it there: every later step changes a few refcounts,
// drops one object and allocates one, like a program running over a big structure.
const growth = growingHeap({ objects: OBJECTS, references: REFERENCES, steps: 30, seed: 11 });
const full = growth[growth.length - 1]!;
const steady: TraceStep[] = [];
let prev = full;
for (let i = 0; i < 400; i++) {
  const victim = prev.heap.find((o) => o.refcount === 0 || !prev.heap.some((h) => h.refs.some((r) => r.target === o.id)));
  const newId = 10_000 + i;
  const frames = prev.frames.map((f) => ({
    ...f,
    line: 100 + i,
    locals: f.locals.map((v) => (victim && v.target === victim.id ? { ...v, target: newId } : v)),
  }));
  const heap = prev.heap
    .filter((o) => o !== victim)
    .map((o, k) => (k % 37 === i % 37 ? { ...o, refcount: o.refcount + 1 } : o));
  heap.push({ id: newId, type: 'list', repr: `[${i}]`, refcount: 1, immortal: false, tracked: true, generation: 0, refs: [], shared: null });
  const events: TraceStep['events'] = [
    { kind: 'alloc', id: newId, type: 'list', repr: `[${i}]` },
    ...(victim ? [{ kind: 'decref', id: victim.id, refcount: 0 } as const, { kind: 'dealloc', id: victim.id } as const] : []),
    ...heap.filter((_, k) => k % 37 === i % 37).map((o) => ({ kind: 'incref', id: o.id, refcount: o.refcount }) as const),
  ];
  const step: TraceStep = { index: growth.length + i, line: 100 + i, events, frames, heap, stdout: '' };
  steady.push(step);
  prev = step;
}

const refs = (s: TraceStep): number => s.heap.reduce((n, o) => n + o.refs.length, 0) + s.frames.reduce((n, f) => n + f.locals.length, 0);
console.log(
  `heap: ${full.heap.length} objects, ${refs(full)} references (${full.frames[0]!.locals.length} of them names); ${steady.length} steady steps, ${steady[0]!.events.length}-${Math.max(...steady.map((s) => s.events.length))} events each`,
);

const planner = new SlotPlanner({ rowsPerColumn: rowsForHeapSize(OBJECTS + 1) });
for (const s of growth) planner.observeStep(s);

// Warm up the JIT the way a page would after a few steps.
let before: TraceStep = full;
for (const s of steady.slice(0, 50)) {
  planner.observeStep(s);
  layoutScene(sceneFromStep(s), planner);
  keyframesInto(before, s);
  before = s;
}

const model: number[] = [];
const layout: number[] = [];
const total: number[] = [];
const keyframe: number[] = [];
/** CPU time of the same work: what the frame costs when the machine is shared. */
const totalCpu: number[] = [];
for (const s of steady.slice(50)) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  planner.observeStep(s);
  const keyframes = keyframesInto(before, s);
  const state = sceneFromStep(s);
  const t1 = performance.now();
  const laidOut = layoutScene(state, planner);
  const t2 = performance.now();
  const c2 = process.cpuUsage(c0);
  // One animation frame entering a keyframe lays out that keyframe's state.
  layoutScene(keyframes[0]!.state, planner);
  const t3 = performance.now();
  model.push(t1 - t0);
  layout.push(t2 - t1);
  total.push(t2 - t0);
  totalCpu.push((c2.user + c2.system) / 1000);
  keyframe.push(t3 - t2);
  if (laidOut.arrows.length < REFERENCES * 0.9) throw new Error(`only ${laidOut.arrows.length} arrows laid out`);
  before = s;
}

console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)} when done (p95 and max move with other work on the machine)`);
report('model update (observe + keyframes + state)', model);
report('layout (boxes, arrows, bounds)', layout);
const t = report('per frame: model update + layout', total);
const cpu = report('per frame, CPU time (not waiting for a core)', totalCpu);
report('layout of one animation keyframe', keyframe);
const verdict = (ms: number): string => (ms <= GOAL_MS ? 'meets it' : 'MISSES it');
console.log(
  `goal ≤ ${GOAL_MS} ms per frame: wall median ${verdict(t.median)}, wall p95 ${verdict(t.p95)}, CPU p95 ${verdict(cpu.p95)}`,
);
