// The page's side of a streamed run, with memory bounded whatever the run's length.
//
// Kept for every step: its line, its flags and where its output ends (9 bytes a step, so a
// million steps cost 9 MB). Kept in full: one window of consecutive steps (what the scene
// animates) and sparse keyframes (what a far scrub shows at once). The keyframes thin
// themselves, dropping every other one, when the heap objects they hold pass a budget; the
// window is replaced, never grown past its size. A step outside both is fetched again from a
// worker that re-runs the deterministic engine (see recorder.ts).

import type { TraceStep } from '../../engine/trace';
import { STEP_FREED, STEP_GC, type StepBatch } from './recorder';

export const WINDOW_STEPS = 1000;
export const KEYFRAME_EVERY = 500;
/** Heap objects the keyframes may hold together before they thin out. */
export const KEYFRAME_OBJECT_BUDGET = 200_000;
/** Heap objects the window may hold; a window of huge heaps holds fewer steps. */
export const WINDOW_OBJECT_BUDGET = 300_000;

class GrowableInts<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(
    private data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(values: ArrayLike<number>): void {
    if (this.length + values.length > this.data.length) {
      const bigger = this.make(Math.max(this.data.length * 2, this.length + values.length));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    this.data.set(values, this.length);
    this.length += values.length;
  }
  at(i: number): number {
    return this.data[i]!;
  }
  get bytes(): number {
    return this.data.byteLength;
  }
}

export interface StepWindow {
  readonly from: number;
  readonly steps: readonly TraceStep[];
}

export class TraceStore {
  private readonly lines = new GrowableInts(new Int32Array(1024), (n) => new Int32Array(n));
  private readonly flags = new GrowableInts(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly stdoutEnds = new GrowableInts(new Int32Array(1024), (n) => new Int32Array(n));
  private stdoutText = '';
  private readonly keyframes = new Map<number, TraceStep>();
  private keyframeEvery: number;
  private keyframeObjects = 0;
  private head: TraceStep[] = [];
  private headObjects = 0;
  private headOpen = true;
  private windowed: StepWindow = { from: 0, steps: [] };
  /** Grows whenever the window's steps change, so a view can tell a new window from an old one. */
  windowRevision = 0;

  constructor(keyframeEvery = KEYFRAME_EVERY) {
    this.keyframeEvery = keyframeEvery;
  }

  /** Steps received so far. */
  get length(): number {
    return this.lines.length;
  }

  /** Adds a batch from the streaming worker (batches arrive in order). */
  addBatch(batch: StepBatch): void {
    if (batch.first !== this.length) throw new Error(`batch starts at step ${batch.first}, expected ${this.length}`);
    this.lines.push(batch.lines);
    this.flags.push(batch.flags);
    this.stdoutEnds.push(batch.stdoutEnds);
    this.stdoutText += batch.stdout;
    let grew = false;
    for (const step of batch.full) {
      if (step.index % this.keyframeEvery === 0) this.addKeyframe(step);
      if (this.headOpen && step.index === this.head.length && this.head.length < WINDOW_STEPS && this.headObjects + step.heap.length <= WINDOW_OBJECT_BUDGET) {
        this.head.push(step);
        this.headObjects += step.heap.length;
        grew = true;
      } else if (step.index >= this.head.length) this.headOpen = false;
    }
    if (grew && this.windowed.from === 0 && this.head.length > this.windowed.steps.length) {
      this.windowed = { from: 0, steps: this.head.slice() };
      this.windowRevision++;
    }
  }

  private addKeyframe(step: TraceStep): void {
    this.keyframes.set(step.index, step);
    this.keyframeObjects += step.heap.length;
    while (this.keyframeObjects > KEYFRAME_OBJECT_BUDGET && this.keyframes.size > 1) {
      this.keyframeEvery *= 2;
      for (const [i, k] of this.keyframes) {
        if (i % this.keyframeEvery !== 0) {
          this.keyframes.delete(i);
          this.keyframeObjects -= k.heap.length;
        }
      }
    }
  }

  /** The consecutive steps held in full (the scene's window). */
  get window(): StepWindow {
    return this.windowed;
  }

  /** Replaces the window with steps fetched again (a re-run); keeps at most WINDOW_STEPS of them. */
  setWindow(from: number, steps: readonly TraceStep[]): void {
    let objects = 0;
    let n = 0;
    while (n < steps.length && n < WINDOW_STEPS && objects + steps[n]!.heap.length <= WINDOW_OBJECT_BUDGET) objects += steps[n++]!.heap.length;
    this.windowed = { from, steps: steps.slice(0, Math.max(1, n)) };
    this.windowRevision++;
    // The opening steps are no longer on screen: let them go.
    this.headOpen = false;
    this.head = [];
  }

  inWindow(index: number): boolean {
    return index >= this.windowed.from && index < this.windowed.from + this.windowed.steps.length;
  }

  /** The step in full if it is held (window or keyframe), else null. */
  stepAt(index: number): TraceStep | null {
    if (this.inWindow(index)) return this.windowed.steps[index - this.windowed.from]!;
    return this.keyframes.get(index) ?? null;
  }

  /** The nearest keyframe at or before `index`. */
  keyframeBefore(index: number): TraceStep | null {
    const at = Math.floor(index / this.keyframeEvery) * this.keyframeEvery;
    for (let i = at; i >= 0; i -= this.keyframeEvery) {
      const k = this.keyframes.get(i);
      if (k) return k;
    }
    return null;
  }

  /** The range [from, to) to fetch so that `index` sits in a fresh window, a little after its start. */
  windowAround(index: number, total: number): { from: number; to: number } {
    const from = Math.max(0, Math.min(index - Math.floor(WINDOW_STEPS / 4), total - WINDOW_STEPS));
    return { from, to: Math.min(total, from + WINDOW_STEPS) };
  }

  lineAt(index: number): number {
    return this.lines.at(index);
  }

  /** The first step after `index` whose flags have any of `mask`, or null. */
  nextWith(index: number, mask: number): number | null {
    for (let i = index + 1; i < this.flags.length; i++) if (this.flags.at(i) & mask) return i;
    return null;
  }

  /** The last step before `index` whose flags have any of `mask`, or null. */
  previousWith(index: number, mask: number): number | null {
    for (let i = index - 1; i >= 0; i--) if (this.flags.at(i) & mask) return i;
    return null;
  }

  nextFreed(index: number): number | null {
    return this.nextWith(index, STEP_FREED);
  }

  nextCollection(index: number): number | null {
    return this.nextWith(index, STEP_GC);
  }

  /** The first step at or after `index` that ran `line`, or null. */
  nextOnLine(index: number, line: number): number | null {
    for (let i = index; i < this.lines.length; i++) if (this.lines.at(i) === line) return i;
    return null;
  }

  /** Everything printed up to and including step `index`. */
  stdoutThrough(index: number): string {
    if (this.length === 0 || index < 0) return '';
    return this.stdoutText.slice(0, this.stdoutEnds.at(Math.min(index, this.length - 1)));
  }

  /** What the store holds, for the benchmark and tests. */
  get footprint(): { indexBytes: number; keyframes: number; keyframeEvery: number; windowSteps: number; heapObjectsHeld: number } {
    return {
      indexBytes: this.lines.bytes + this.flags.bytes + this.stdoutEnds.bytes,
      keyframes: this.keyframes.size,
      keyframeEvery: this.keyframeEvery,
      windowSteps: this.windowed.steps.length,
      heapObjectsHeld: this.keyframeObjects + this.windowed.steps.reduce((n, s) => n + s.heap.length, 0),
    };
  }
}
