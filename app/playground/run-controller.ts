// Drives the engine workers for the playground page: one streams the run into a TraceStore,
// another re-runs the program for a window the page wants but does not hold. Either is
// terminated (not asked) when its work is no longer wanted: a synchronous engine run cannot
// be interrupted any other way, and a fresh worker starts in milliseconds.

import type { PythonVersion } from '@/engine/index';
import type { FromWorker, ToWorker } from '@/lib/playground/protocol';
import { KEYFRAME_EVERY, TraceStore, WINDOW_STEPS } from '@/lib/playground/store';

export type RunStatus = 'idle' | 'running' | 'done' | 'crashed';
export type Done = Extract<FromWorker, { kind: 'done' }>;

function makeWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

export class RunController {
  store = new TraceStore();
  status: RunStatus = 'idle';
  result: Done | null = null;
  crash: string | null = null;
  source = '';
  version: PythonVersion = '3.12';
  /** The step a window is being computed for, or null. */
  loading: number | null = null;
  /** performance.now() at Run, at the first step and at the end, for the benchmark and the status line. */
  readonly times = { started: 0, firstStep: 0, ended: 0 };

  private streamer: Worker | null = null;
  private seeker: Worker | null = null;
  private runId = 0;
  private requestId = 0;
  private wanted: { from: number; to: number } | null = null;
  /** A worker that has already loaded the engine, so Run does not wait for it. */
  private spare: Worker | null = null;

  constructor(private readonly onChange: () => void) {}

  /** Starts loading a worker in the background for the next run or re-run. */
  warm(): void {
    this.spare ??= makeWorker();
  }

  private takeWorker(): Worker {
    const worker = this.spare ?? makeWorker();
    this.spare = null;
    // The next one loads while this one runs.
    setTimeout(() => this.warm(), 0);
    return worker;
  }

  run(source: string, version: PythonVersion): void {
    this.stop();
    this.store = new TraceStore();
    this.status = 'running';
    this.result = null;
    this.crash = null;
    this.source = source;
    this.version = version;
    this.times.started = performance.now();
    this.times.firstStep = 0;
    this.times.ended = 0;
    const runId = ++this.runId;
    const worker = this.takeWorker();
    this.streamer = worker;
    worker.onmessage = (e: MessageEvent<FromWorker>) => this.fromStreamer(runId, e.data);
    worker.onerror = (e) => this.fail(runId, e.message || 'the engine worker failed to start');
    const msg: ToWorker = { kind: 'run', runId, source, version, head: WINDOW_STEPS, keyframeEvery: KEYFRAME_EVERY };
    worker.postMessage(msg);
    this.onChange();
  }

  private fromStreamer(runId: number, msg: FromWorker): void {
    if (runId !== this.runId) return;
    if (msg.kind === 'batch') {
      if (this.times.firstStep === 0) this.times.firstStep = performance.now();
      this.store.addBatch(msg);
    } else if (msg.kind === 'done') {
      this.result = msg;
      this.status = 'done';
      this.times.ended = performance.now();
      this.streamer?.terminate();
      this.streamer = null;
    } else if (msg.kind === 'crash') {
      this.fail(runId, msg.message);
    }
    this.onChange();
  }

  private fail(runId: number, message: string): void {
    if (runId !== this.runId) return;
    this.status = 'crashed';
    this.crash = message;
    this.onChange();
  }

  /**
   * Makes sure the window holds step `index`: true when it does now; otherwise a re-run for a
   * window around it starts (replacing one under way for another place) and onChange fires
   * when it lands.
   */
  ensure(index: number): boolean {
    const store = this.store;
    if (store.inWindow(index)) return true;
    if (this.wanted && index >= this.wanted.from && index < this.wanted.to) return false;
    const range = store.windowAround(index, store.length);
    this.seeker?.terminate();
    const requestId = ++this.requestId;
    const runId = this.runId;
    const worker = this.takeWorker();
    this.seeker = worker;
    this.wanted = range;
    this.loading = index;
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (runId !== this.runId || requestId !== this.requestId) return;
      if (msg.kind === 'range') {
        store.setWindow(msg.from, msg.steps);
      } else if (msg.kind === 'crash') {
        this.crash = msg.message;
      }
      this.wanted = null;
      this.loading = null;
      worker.terminate();
      if (this.seeker === worker) this.seeker = null;
      this.onChange();
    };
    const msg: ToWorker = { kind: 'range', requestId, source: this.source, version: this.version, from: range.from, to: range.to };
    worker.postMessage(msg);
    this.onChange();
    return false;
  }

  /** Ends every worker, the spare too (the page is going away). */
  dispose(): void {
    this.stop();
    this.spare?.terminate();
    this.spare = null;
  }

  stop(): void {
    this.runId++;
    this.requestId++;
    this.streamer?.terminate();
    this.seeker?.terminate();
    this.streamer = null;
    this.seeker = null;
    this.wanted = null;
    this.loading = null;
    if (this.status === 'running') this.status = 'idle';
  }
}
