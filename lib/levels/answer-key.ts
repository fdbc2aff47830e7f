// Answer keys, read off an engine run. Nobody types an answer: a checkpoint's probe says
// where in the run its answer lies, and this module runs the program and looks there.
//
// A checkpoint pauses before a line runs; its *window* is that one execution of the line,
// including every call it makes, up to the moment its frame moves on to another line.
// The sink keeps only the steps of open windows and the step before each (whose snapshot
// is the heap as the line starts), so a long program never holds its whole trace.

import { runProgram } from '../../engine/index';
import type { HeapObjectSnapshot, ObjectId, TraceEvent, TraceSink, TraceStep } from '../../engine/trace';
import { LevelError, problem } from './errors';
import { describeObject, describeObjects, holdersOf, reachableFrom, resolvePath, type Snapshot } from './heap-view';
import { PLACEHOLDER, PROFILES, type Checkpoint, type Level, type Profile, type Question } from './schema';

/** The engine's entry point; tests pass a replay of hand-made traces instead. */
export type Runner = (
  source: string,
  options: { version: Profile; trace?: TraceSink },
) => { readonly stdout: string; readonly stderr: string; readonly exitCode: number };

export interface PickCandidate {
  readonly id: ObjectId;
  readonly type: string;
  readonly label: string;
}

export type Answer =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'yesno'; readonly value: boolean }
  /** `ids` are the right picks among `candidates`, the objects the scene offers for clicking. */
  | { readonly kind: 'pick'; readonly ids: readonly ObjectId[]; readonly candidates: readonly PickCandidate[] }
  | { readonly kind: 'order'; readonly items: readonly string[] }
  /** `shown` is the output the question shows; `profiles` every version that prints exactly that. */
  | { readonly kind: 'version'; readonly profiles: readonly Profile[]; readonly shown: string };

export interface CheckpointKey {
  readonly line: number;
  readonly occurrence: number;
  readonly answer: Answer;
  /** The placeholder values, for a UI that wants to style them. */
  readonly values: Readonly<Record<string, string>>;
  readonly explanation: string;
}

export interface LevelKey {
  readonly levelId: string;
  readonly profile: Profile;
  readonly stdout: string;
  readonly exitCode: number;
  readonly checkpoints: readonly CheckpointKey[];
}

/** A student's answer, in the shape of its question kind. */
export type Response =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'yesno'; readonly value: boolean }
  | { readonly kind: 'pick'; readonly ids: readonly ObjectId[] }
  | { readonly kind: 'order'; readonly items: readonly string[] }
  | { readonly kind: 'version'; readonly profiles: readonly Profile[] };

export function isCorrect(answer: Answer, response: Response): boolean {
  switch (answer.kind) {
    case 'number':
      return response.kind === 'number' && response.value === answer.value;
    case 'yesno':
      return response.kind === 'yesno' && response.value === answer.value;
    case 'pick':
      return response.kind === 'pick' && sameSet(response.ids, answer.ids);
    case 'order':
      return response.kind === 'order' && response.items.length === answer.items.length && response.items.every((x, i) => x === answer.items[i]);
    case 'version':
      return response.kind === 'version' && sameSet(response.profiles, answer.profiles);
  }
}

function sameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

// ---------------------------------------------------------------- windows

/** One execution of a checkpoint's line: the steps it took, and the step just before it. */
export interface Window {
  readonly before: TraceStep | null;
  readonly steps: readonly TraceStep[];
}

/**
 * The frame that ran a step's line. The engine closes a step when the next line starts (in
 * any frame), so the innermost frame of the *previous* step's snapshot is the one that ran it.
 */
interface LineFrame {
  readonly depth: number;
  readonly name: string;
}

function ranBy(previous: TraceStep | null): LineFrame {
  if (previous === null || previous.frames.length === 0) return { depth: 1, name: '<module>' };
  return { depth: previous.frames.length, name: previous.frames[previous.frames.length - 1]!.name };
}

interface WindowWatch {
  readonly line: number;
  readonly occurrence: number;
  seen: number;
  open: { frame: LineFrame; before: TraceStep | null; steps: TraceStep[] } | null;
  done: Window | null;
}

/**
 * Whether a step still belongs to an open window: it ran in a deeper frame (a call the line
 * made), in another frame at the same depth (the line's frame returned and a finalizer runs
 * in its place), or in the line's own frame, back on the line after such a call.
 */
function stillInside(open: { frame: LineFrame }, line: number, step: TraceStep, frame: LineFrame, previous: LineFrame): boolean {
  if (frame.depth > open.frame.depth) return true;
  if (frame.depth < open.frame.depth) return false;
  if (frame.name !== open.frame.name) return true;
  return step.line === line && previous.depth > open.frame.depth;
}

/** A trace sink that cuts out the windows of the given (line, occurrence) pairs and remembers who made each object. */
export class WindowSink implements TraceSink {
  private readonly watches: WindowWatch[];
  private previous: TraceStep | null = null;
  private previousFrame: LineFrame = { depth: 1, name: '<module>' };
  /** Line each object was allocated on, for labels of objects with no readable repr. */
  readonly allocatedOn = new Map<ObjectId, { line: number; type: string }>();

  constructor(points: readonly { line: number; occurrence: number }[]) {
    this.watches = points.map((p) => ({ line: p.line, occurrence: p.occurrence, seen: 0, open: null, done: null }));
  }

  step(step: TraceStep): void {
    const frame = ranBy(this.previous);
    for (const e of step.events) if (e.kind === 'alloc') this.allocatedOn.set(e.id, { line: step.line, type: e.type });
    for (const w of this.watches) {
      if (w.open !== null) {
        if (stillInside(w.open, w.line, step, frame, this.previousFrame)) {
          w.open.steps.push(step);
          continue;
        }
        w.done = { before: w.open.before, steps: w.open.steps };
        w.open = null;
      }
      if (w.done === null && step.line === w.line && ++w.seen === w.occurrence) {
        w.open = { frame, before: this.previous, steps: [step] };
      }
    }
    this.previous = step;
    this.previousFrame = frame;
  }

  /** Call after the run: the window of each point, or null for a line that never ran that often. */
  windows(): (Window | null)[] {
    return this.watches.map((w) => w.done ?? (w.open !== null ? { before: w.open.before, steps: w.open.steps } : null));
  }
}

// ---------------------------------------------------------------- deriving keys

const EMPTY_SNAPSHOT: Snapshot = { frames: [], heap: [] };

function printedLines(window: Window): string[] {
  const text = window.steps.map((s) => s.stdout).join('');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function eventsOf(window: Window): TraceEvent[] {
  return window.steps.flatMap((s) => s.events);
}

class ProbeError extends Error {}

/** Objects a pick question may offer: what the scene draws, minus the interpreter's own machinery. */
const MACHINERY_TYPES = new Set(['module', 'type', 'code', 'builtin_function_or_method', 'method-wrapper', 'frame', 'NoneType', 'NotImplementedType', 'ellipsis']);

function candidatesIn(snapshot: Snapshot, types: readonly string[] | undefined): HeapObjectSnapshot[] {
  return snapshot.heap.filter((o) => (types !== undefined ? types.includes(o.type) : !MACHINERY_TYPES.has(o.type)));
}

interface Derived {
  readonly answer: Answer;
  readonly values: Record<string, string>;
}

/**
 * Derives every checkpoint's key from engine runs: one run in the level's profile, plus one
 * per other profile when a version question needs to know what they print.
 * Throws a LevelError naming the checkpoint when a probe finds nothing to read.
 */
export function deriveAnswerKeys(level: Level, run: Runner = runProgram, fileName: string = level.id): LevelKey {
  const points = level.checkpoints.map((c) => ({ line: c.line, occurrence: c.occurrence }));
  const sink = new WindowSink(points);
  const result = run(level.program, { version: level.profile, trace: sink });
  const windows = sink.windows();

  const needsOthers = level.checkpoints.some((c) => c.question.kind === 'version');
  const others = new Map<Profile, { stdout: string; windows: (Window | null)[] }>();
  if (needsOthers) {
    for (const profile of PROFILES) {
      if (profile === level.profile) continue;
      const s = new WindowSink(points);
      const r = run(level.program, { version: profile, trace: s });
      others.set(profile, { stdout: r.stdout, windows: s.windows() });
    }
  }

  const problems: string[] = [];
  if (result.exitCode !== 0) {
    problems.push(problem(fileName, 'program', `the engine stopped with exit code ${result.exitCode}: ${result.stderr.trim().split('\n').pop() ?? ''}`));
  }
  const keys: CheckpointKey[] = [];
  level.checkpoints.forEach((cp, i) => {
    const window = windows[i]!;
    const at = `checkpoints[${i}]`;
    if (window === null) {
      const times = cp.occurrence === 1 ? '' : ` ${cp.occurrence} times`;
      problems.push(problem(fileName, `${at}.line`, `line ${cp.line} never runs${times} in the engine's run on ${level.profile}`));
      return;
    }
    try {
      const derived = derive(cp, window, sink, { profile: level.profile, stdout: result.stdout, others, index: i });
      const values = { ...derived.values, line: String(cp.line) };
      keys.push({ line: cp.line, occurrence: cp.occurrence, answer: derived.answer, values, explanation: render(cp.question.explanation, values) });
    } catch (e) {
      if (e instanceof ProbeError) problems.push(problem(fileName, `${at}.question.probe`, e.message));
      else throw e;
    }
  });
  if (problems.length > 0) throw new LevelError(problems);
  return { levelId: level.id, profile: level.profile, stdout: result.stdout, exitCode: result.exitCode, checkpoints: keys };
}

/** Fills `{name}` placeholders; a sentence that starts with a value starts with a capital. */
export function render(template: string, values: Readonly<Record<string, string>>): string {
  const text = template.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface RunContext {
  readonly profile: Profile;
  readonly stdout: string;
  readonly others: ReadonlyMap<Profile, { stdout: string; windows: (Window | null)[] }>;
  readonly index: number;
}

function derive(cp: Checkpoint, window: Window, sink: WindowSink, ctx: RunContext): Derived {
  const q: Question = cp.question;
  const before: Snapshot = window.before ?? EMPTY_SNAPSHOT;
  const after: Snapshot = window.steps[window.steps.length - 1]!;
  const probe = q.probe;

  switch (probe.read) {
    case 'printed': {
      const lines = printedLines(window);
      const text = lines[probe.index];
      if (text === undefined) {
        throw new ProbeError(`wants printed line ${probe.index}, but line ${cp.line} printed ${lines.length === 0 ? 'nothing' : `only ${lines.length} line${lines.length > 1 ? 's' : ''}`}`);
      }
      const values: Record<string, string> = { printed: `\`${text}\`` };
      if (probe.about !== undefined) Object.assign(values, aboutValues(probe.about, after, before));
      if (q.kind === 'number') {
        if (!/^-?\d+$/.test(text)) throw new ProbeError(`a number question needs a printed integer, but the line printed ${JSON.stringify(text)}`);
        return { answer: { kind: 'number', value: Number(text) }, values: { ...values, answer: text } };
      }
      if (text !== 'True' && text !== 'False') throw new ProbeError(`a yes/no question needs True or False printed, but the line printed ${JSON.stringify(text)}`);
      return { answer: { kind: 'yesno', value: text === 'True' }, values: { ...values, answer: text === 'True' ? 'yes' : 'no' } };
    }
    case 'refcount': {
      const id = lookUp(probe.of, after, before, cp.line);
      const obj = after.heap.find((o) => o.id === id)!;
      if (obj.immortal) throw new ProbeError(`\`${probe.of}\` is immortal on ${ctx.profile}: its reference count means nothing`);
      const values = aboutValues(probe.of, after, before);
      return { answer: { kind: 'number', value: obj.refcount }, values: { ...values, answer: String(obj.refcount) } };
    }
    case 'alive': {
      // Judged by events, not by the snapshot: an object no name can reach may be missing
      // from a snapshot while it is very much alive (a cycle waiting for the collector).
      const id = lookUp(probe.of, before, after, cp.line);
      const alive = !eventsOf(window).some((e) => e.kind === 'dealloc' && e.id === id);
      let values: Record<string, string>;
      if (!alive) values = { refcount: '0', holders: 'nothing', ...shortValues(id, before) };
      else if (after.heap.some((o) => o.id === id)) values = objectValues(id, after);
      else values = { refcount: String(lastRefcount(id, window, before)), holders: 'objects that no name reaches', ...shortValues(id, before) };
      return { answer: { kind: 'yesno', value: alive }, values: { ...values, answer: alive ? 'yes' : 'no' } };
    }
    case 'freed':
    case 'created':
    case 'unreachable':
    case 'shared': {
      const events = eventsOf(window);
      let pool: Snapshot;
      let chosen: Set<ObjectId>;
      if (probe.read === 'freed') {
        pool = before;
        chosen = new Set(events.flatMap((e) => (e.kind === 'dealloc' ? [e.id] : [])));
      } else if (probe.read === 'created') {
        pool = after;
        chosen = new Set(events.flatMap((e) => (e.kind === 'alloc' ? [e.id] : [])));
      } else if (probe.read === 'unreachable') {
        pool = before;
        const found = events.flatMap((e) => (e.kind === 'gc_phase' && e.phase === 'move_unreachable' ? e.unreachable : []));
        if (!events.some((e) => e.kind === 'gc_start')) throw new ProbeError(`no collection runs while line ${cp.line} runs`);
        chosen = new Set(found);
      } else {
        pool = after;
        const a = lookUp(probe.a, after, before, cp.line);
        const b = lookUp(probe.b, after, before, cp.line);
        const fromA = reachableFrom(a, after);
        chosen = new Set([...reachableFrom(b, after)].filter((id) => fromA.has(id) && id !== a && id !== b));
      }
      const candidates: PickCandidate[] = candidatesIn(pool, probe.types).map((o) => ({ id: o.id, type: o.type, label: describeObject(o.id, pool, sink.allocatedOn) }));
      if (probe.read === 'freed' || probe.read === 'unreachable') {
        // Objects no name reaches can be missing from the snapshot; they were there all the same.
        const madeHere = new Set(events.flatMap((e) => (e.kind === 'alloc' ? [e.id] : [])));
        for (const id of chosen) {
          const born = sink.allocatedOn.get(id);
          if (born === undefined || madeHere.has(id) || candidates.some((c) => c.id === id)) continue;
          if (probe.types !== undefined ? !probe.types.includes(born.type) : MACHINERY_TYPES.has(born.type)) continue;
          candidates.push({ id, type: born.type, label: describeObject(id, pool, sink.allocatedOn) });
        }
        candidates.sort((x, y) => x.id - y.id);
      }
      if (candidates.length === 0) throw new ProbeError(`there is no object${probe.types ? ` of type ${probe.types.join(' or ')}` : ''} to pick from`);
      const ids = candidates.filter((o) => chosen.has(o.id)).map((o) => o.id);
      const objects = describeObjects(ids, pool, sink.allocatedOn);
      return {
        answer: { kind: 'pick', ids, candidates },
        values: { answer: objects, objects, count: String(ids.length) },
      };
    }
    case 'printed-lines':
    case 'finalized': {
      let items: string[];
      if (probe.read === 'printed-lines') items = printedLines(window);
      else {
        items = eventsOf(window).flatMap((e) =>
          e.kind === 'finalize'
            ? [`__del__ of ${describeObject(e.id, before, sink.allocatedOn)}`]
            : e.kind === 'weakref_callback'
              ? [`the weakref callback for ${describeObject(e.referent, before, sink.allocatedOn)}`]
              : [],
        );
      }
      if (items.length < 2) throw new ProbeError(`an order question needs at least two items, but line ${cp.line} gives ${items.length}`);
      if (new Set(items).size !== items.length) throw new ProbeError(`the items to order must differ, got ${items.map((x) => JSON.stringify(x)).join(', ')}`);
      const sequence = items.map((x) => `\`${x}\``).join(', then ');
      return { answer: { kind: 'order', items }, values: { answer: sequence, sequence } };
    }
    case 'versions': {
      const shownOf = (stdout: string, w: Window | null): string | null => (probe.show === 'program' ? stdout : w === null ? null : printedLines(w).join('\n') + '\n');
      const shown = shownOf(ctx.stdout, window)!;
      const outputs = new Map<Profile, string | null>([[ctx.profile, shown]]);
      for (const [p, o] of ctx.others) outputs.set(p, shownOf(o.stdout, o.windows[ctx.index] ?? null));
      const profiles = PROFILES.filter((p) => outputs.get(p) === shown);
      if (profiles.length === PROFILES.length) throw new ProbeError('every version prints the same here, so the question has no answer to find');
      const versions = listWords(profiles);
      return {
        answer: { kind: 'version', profiles, shown },
        values: { answer: versions, versions, shown: inlineOutput(shown), outputs: describeOutputs(outputs) },
      };
    }
  }
}

function lookUp(path: string, first: Snapshot, second: Snapshot, line: number): ObjectId {
  const id = resolvePath(path, first) ?? resolvePath(path, second);
  if (id === null) throw new ProbeError(`\`${path}\` names no object around line ${line}`);
  return id;
}

/** An object's count after the window: its last incref/decref there, else what the snapshot before said. */
function lastRefcount(id: ObjectId, window: Window, before: Snapshot): number {
  let count = before.heap.find((o) => o.id === id)?.refcount ?? 0;
  for (const e of eventsOf(window)) if ((e.kind === 'incref' || e.kind === 'decref') && e.id === id) count = e.refcount;
  return count;
}

function shortValues(id: ObjectId, snapshot: Snapshot): Record<string, string> {
  const o = snapshot.heap.find((x) => x.id === id);
  return { repr: o ? `\`${o.repr}\`` : 'the object', type: o ? o.type : 'object' };
}

function objectValues(id: ObjectId, snapshot: Snapshot): Record<string, string> {
  const o = snapshot.heap.find((x) => x.id === id)!;
  return { refcount: o.immortal ? 'immortal' : String(o.refcount), holders: listWords(holdersOf(id, snapshot)) || 'nothing', ...shortValues(id, snapshot) };
}

/** Values about the object `path` names, after the line (or before it, if the line unbound the name). */
function aboutValues(path: string, after: Snapshot, before: Snapshot): Record<string, string> {
  const inAfter = resolvePath(path, after);
  if (inAfter !== null) return objectValues(inAfter, after);
  const inBefore = resolvePath(path, before);
  if (inBefore === null) throw new ProbeError(`\`${path}\` names no object at this line`);
  return objectValues(inBefore, before);
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function inlineOutput(text: string): string {
  return `\`${text.replace(/\n$/, '').split('\n').join(' / ')}\``;
}

/** "3.10 prints `4`; 3.11, 3.12 and 3.13 print `2`", grouping versions that agree. */
function describeOutputs(outputs: ReadonlyMap<Profile, string | null>): string {
  const groups = new Map<string, Profile[]>();
  for (const p of PROFILES) {
    const o = outputs.get(p);
    const key = o === null || o === undefined ? '\0' : o;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const parts = [...groups].map(([o, ps]) => `${listWords(ps)} ${ps.length > 1 ? 'print' : 'prints'} ${o === '\0' ? 'nothing there' : inlineOutput(o)}`);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
