// The state of one run (the interpreter state): output, limits, the current frame, the
// handled exception, the trace being recorded. runProgram makes a fresh one per run.

import type { PyObject } from './objects/object';
import type { PyDict } from './objects/dict';
import type { Frame } from './frame';
import type { TraceSink, TraceEvent } from './trace';

export interface Limits {
  maxSteps: number;
  maxObjects: number;
  maxDepth: number;
  maxOutputBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxSteps: 1_000_000,
  maxObjects: 1_000_000,
  maxDepth: 1000,
  maxOutputBytes: 1 << 20,
};

/** A cap was hit: the run stops (not a Python exception; nothing can catch it). */
export class LimitExceeded {
  constructor(
    readonly limit: 'steps' | 'objects' | 'output',
    readonly message: string,
    readonly line: number,
  ) {}
}

export interface RunState {
  stdout: string[];
  stdoutBytes: number;
  stderr: string[];
  limits: Limits;
  steps: number;
  /** The innermost running frame. */
  frame: Frame | null;
  /** Python call depth (frames on the stack), checked against the recursion limit. */
  depth: number;
  recursionLimit: number;
  /** tstate->exc_info->exc_value: the exception being handled, owned (null when none). */
  excInfo: PyObject | null;
  builtins: PyDict | null;
  mainGlobals: PyDict | null;
  /** Imported modules by name (sys.modules), owned. */
  modules: Map<string, PyObject>;
  sink: TraceSink | null;
  /** Events since the last step. */
  events: TraceEvent[];
  /** stdout text produced since the last step. */
  stepOut: string;
  stepIndex: number;
  /** Set while tearing down at exit (no more steps are recorded). */
  finalizing: boolean;
  /** sys.stdout's TextIOWrapper: what it holds unflushed (see textio.ts). */
  textio: { pending: 'none' | 'str' | 'list'; pendingBytes: number; parserReady: boolean };
}

export const rt: RunState = {
  stdout: [],
  stdoutBytes: 0,
  stderr: [],
  limits: DEFAULT_LIMITS,
  steps: 0,
  frame: null,
  depth: 0,
  recursionLimit: 1000,
  excInfo: null,
  builtins: null,
  mainGlobals: null,
  modules: new Map(),
  sink: null,
  events: [],
  stepOut: '',
  stepIndex: 0,
  finalizing: false,
  textio: { pending: 'none', pendingBytes: 0, parserReady: false },
};

export function currentLine(): number {
  const f = rt.frame;
  if (f === null) return 0;
  return f.code.lines[Math.max(0, Math.min(f.pc - 1, f.code.lines.length - 1))] ?? f.code.firstlineno;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** sys.stdout.write */
export function writeStdout(s: string): void {
  if (s.length === 0) return;
  const n = utf8Length(s);
  if (rt.stdoutBytes + n > rt.limits.maxOutputBytes) {
    const room = rt.limits.maxOutputBytes - rt.stdoutBytes;
    if (room > 0) {
      const part = s.slice(0, room);
      rt.stdout.push(part);
      rt.stdoutBytes += utf8Length(part);
    }
    throw new LimitExceeded(
      'output',
      `output limit of ${formatCount(rt.limits.maxOutputBytes)} bytes reached at line ${currentLine()}: the program prints too much`,
      currentLine(),
    );
  }
  rt.stdout.push(s);
  rt.stdoutBytes += n;
  if (rt.sink !== null) rt.stepOut += s;
}

export function writeStderr(s: string): void {
  rt.stderr.push(s);
}

/** 1000000 -> "1,000,000" (no locale APIs: the engine must print the same everywhere). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
