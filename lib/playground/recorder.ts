// The worker's side of a playground run: the engine's steps, cut into batches for the page.
//
// A run can take a million steps, and every step carries a full heap snapshot, so the page
// never receives them all. Each batch carries, for every step, a few bytes of index (its line
// and what happened: an object on screen died, the collector ran, something was printed) and
// full steps only where the page keeps them: the first `head` steps (the scene opens on them)
// and one keyframe every `keyframeEvery` steps (shown at once while scrubbing far away).
// Anything else the page wants is recomputed: the engine is deterministic, so running the
// same program again up to step k gives exactly the step k of the first run (recordRange).
//
// Pure: no Worker API here, so Node tests drive it with the real engine.

import type { TraceStep, TraceSink } from '../../engine/trace';
import type { PythonVersion, RunOptions, RunResult } from '../../engine/index';

export const STEP_FREED = 1;
export const STEP_GC = 2;
export const STEP_OUTPUT = 4;

export interface StepBatch {
  /** Index of the batch's first step. */
  readonly first: number;
  readonly lines: Int32Array;
  readonly flags: Uint8Array;
  /** What these steps printed, in order. */
  readonly stdout: string;
  /** Cumulative stdout length (in UTF-16 units) after each step, over the whole run. */
  readonly stdoutEnds: Int32Array;
  /** Full steps the page keeps (head and keyframes). */
  readonly full: readonly TraceStep[];
}

export type Runner = (source: string, options: RunOptions) => RunResult;

/** Follows a run step by step: the index facts every step needs. */
class StepFacts {
  private previous = new Set<number>();

  flagsOf(step: TraceStep): number {
    let flags = 0;
    for (const e of step.events) {
      if (e.kind === 'dealloc' && this.previous.has(e.id)) flags |= STEP_FREED;
      else if (e.kind === 'gc_start') flags |= STEP_GC;
    }
    if (step.stdout !== '') flags |= STEP_OUTPUT;
    const ids = new Set<number>();
    for (const o of step.heap) ids.add(o.id);
    this.previous = ids;
    return flags;
  }
}

export interface RecorderOptions {
  /** Full steps for indexes below this (the page's first window). */
  readonly head: number;
  readonly keyframeEvery: number;
  /** Steps per batch, and the longest a batch waits (ms) before it goes anyway. */
  readonly batchSize: number;
  readonly maxDelayMs: number;
  readonly now: () => number;
  readonly flush: (batch: StepBatch) => void;
}

/** A trace sink that turns a run into batches. Call finish() after the run. */
export class StepRecorder implements TraceSink {
  private readonly facts = new StepFacts();
  private first = 0;
  private count = 0;
  private lines: number[] = [];
  private flags: number[] = [];
  private ends: number[] = [];
  private stdout = '';
  private stdoutLength = 0;
  private full: TraceStep[] = [];
  private since: number;

  constructor(private readonly options: RecorderOptions) {
    this.since = options.now();
  }

  get steps(): number {
    return this.count;
  }

  step(step: TraceStep): void {
    const flags = this.facts.flagsOf(step);
    this.lines.push(step.line);
    this.flags.push(flags);
    this.stdout += step.stdout;
    this.stdoutLength += step.stdout.length;
    this.ends.push(this.stdoutLength);
    const index = this.count++;
    if (index < this.options.head || index % this.options.keyframeEvery === 0) this.full.push(step);
    // The first step goes out alone, so the page draws as soon as the program starts.
    if (this.lines.length >= this.options.batchSize || index === 0 || this.options.now() - this.since >= this.options.maxDelayMs) this.flushBatch();
  }

  finish(): void {
    if (this.lines.length > 0) this.flushBatch();
  }

  private flushBatch(): void {
    const batch: StepBatch = {
      first: this.first,
      lines: Int32Array.from(this.lines),
      flags: Uint8Array.from(this.flags),
      stdout: this.stdout,
      stdoutEnds: Int32Array.from(this.ends),
      full: this.full,
    };
    this.first = this.count;
    this.lines = [];
    this.flags = [];
    this.ends = [];
    this.stdout = '';
    this.full = [];
    this.since = this.options.now();
    this.options.flush(batch);
  }
}

/** Thrown from the sink to stop a re-run once it has what it came for. */
class EnoughSteps {}

/**
 * Steps `from` to `to` (exclusive) of the run, by running it again and stopping right after
 * the last one wanted. Returns fewer when the run is shorter.
 */
export function recordRange(run: Runner, source: string, version: PythonVersion, from: number, to: number, maxSteps?: number): TraceStep[] {
  const out: TraceStep[] = [];
  let index = 0;
  const sink: TraceSink = {
    step(step) {
      // The engine's `finally` reports the step in progress once more while we unwind.
      if (index >= to) return;
      if (index >= from) out.push(step);
      index++;
      if (index >= to) throw new EnoughSteps();
    },
  };
  try {
    run(source, { version, trace: sink, limits: maxSteps !== undefined ? { maxSteps } : undefined });
  } catch (e) {
    if (!(e instanceof EnoughSteps)) throw e;
  }
  return out;
}
