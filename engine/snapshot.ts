// Trace recording (engine/trace.ts's contract): one TraceStep per executed line, with the
// events since the previous line and a snapshot of the user's frames and heap. Nothing here
// runs unless a TraceSink is attached.

import { PyObject, heap } from './objects/object';
import { PyInt } from './objects/int';
import { PyFloat, floatRepr } from './objects/float';
import { PyStr, strRepr } from './objects/str';
import { PyTuple } from './objects/tuple';
import { PyList } from './objects/list';
import { PyDict } from './objects/dict';
import { PySet } from './objects/set';
import { PyInstance } from './objects/instance';
import { PyFunction, PyCell, PyMethod, PyCode } from './objects/function';
import { PyType } from './objects/type';
import { PyModule } from './objects/module';
import { PyCFunction } from './objects/descr';
import { PyBaseException } from './objects/exceptions';
import { None } from './objects/singletons';
import { setLineHook, currentFrames } from './ceval';
import { Frame } from './frame';
import { rt } from './runtime';
import { generationOf } from './gc';
import type { TraceSink, TraceStep, FrameSnapshot, HeapObjectSnapshot, ObjectId, Reference, SharedReason } from './trace';

let sink: TraceSink | null = null;
let pendingLine = 0;
let started = false;

export function startTrace(s: TraceSink | null): void {
  sink = s;
  constantIds.clear();
  forgetDescriptions();
  rt.sink = s;
  started = false;
  atExit = false;
  pendingLine = 0;
  if (s === null) {
    heap.events = null;
    setLineHook(null);
    return;
  }
  heap.events = [];
  setLineHook(onLine);
}

function onLine(_frame: Frame, line: number): void {
  if (started) emitStep();
  if (line < 0) {
    // End of the module: what happens after (finalizers at exit) is one more step on the last line.
    started = true;
    atExit = true;
    return;
  }
  started = true;
  pendingLine = line;
}

let atExit = false;

function emitStep(): void {
  if (sink === null) return;
  const events = heap.events ?? [];
  heap.events = [];
  const step: TraceStep = {
    index: rt.stepIndex++,
    line: pendingLine,
    events,
    frames: frameSnapshots(),
    heap: heapSnapshot(),
    stdout: rt.stepOut,
  };
  rt.stepOut = '';
  sink.step(step);
}

export function finishTrace(): void {
  const quietExit = atExit && (heap.events === null || heap.events.length === 0) && rt.stepOut === '';
  if (sink !== null && started && !quietExit) emitStep();
  atExit = false;
  sink = null;
  rt.sink = null;
  heap.events = null;
  setLineHook(null);
  forgetDescriptions();
}

const HIDDEN_GLOBALS = new Set(['__name__', '__doc__', '__package__', '__loader__', '__spec__', '__annotations__', '__builtins__', '__file__', '__cached__']);

function frameSnapshots(): FrameSnapshot[] {
  const out: FrameSnapshot[] = [];
  const frames = currentFrames();
  for (const f of frames) {
    const locals: Reference[] = [];
    if (f.code.usesNameDict) {
      const d = f.locals ?? f.globals;
      for (let i = 0; i < d.ekeys.length; i++) {
        const k = d.ekeys[i];
        if (!(k instanceof PyStr) || HIDDEN_GLOBALS.has(k.value) || (f.locals !== null && (k.value === '__module__' || k.value === '__qualname__'))) continue;
        locals.push({ label: k.value, target: d.evals[i]!.id });
      }
    } else {
      const names = [...f.code.varnames, ...f.code.cellvars, ...f.code.freevars];
      f.fast.forEach((o, i) => {
        if (o === null || o === undefined) return;
        const n = names[i]!;
        if (o instanceof PyCell && i >= f.code.varnames.length) {
          if (o.ref !== null) locals.push({ label: n, target: o.ref.id });
        } else locals.push({ label: n, target: o.id });
      });
    }
    const line = f.code.lines[Math.max(0, Math.min(f.pc, f.code.lines.length - 1))] ?? f.code.firstlineno;
    const stack: Reference[] = [];
    f.stack.forEach((o, i) => {
      if (o !== null && o !== undefined) stack.push({ label: `stack[${i}]`, target: o.id });
    });
    if (f.initOf !== null) stack.push({ label: 'instance being made', target: f.initOf.id });
    if (f.initArgs !== null) stack.push({ label: 'call arguments', target: f.initArgs.id });
    out.push({ name: f.code.name, line, locals, stack });
  }
  return out;
}

function sharedReason(o: PyObject): SharedReason | null {
  if (o === None || o.isStatic) return o instanceof PyInt && !(o.ob_type.name === 'bool') ? 'small_int' : 'singleton';
  if (o instanceof PyStr && o.interned) return 'interned';
  if (constantIds.has(o.id)) return 'constant';
  return null;
}

/** Objects some code object holds in co_consts (shared by every use of the literal). */
const constantIds = new Set<number>();
export function noteConstants(objs: readonly PyObject[]): void {
  for (const o of objs) constantIds.add(o.id);
}

function shortRepr(o: PyObject): string {
  if (o instanceof PyStr) return strRepr(o.value.length > 40 ? o.value.slice(0, 37) + '...' : o.value);
  if (o instanceof PyFloat) return floatRepr(o.value);
  if (o instanceof PyInt) return o.shortRepr();
  if (o instanceof PyList) return `[${o.items.length} items]`;
  if (o instanceof PyTuple) return `(${o.items.length} items)`;
  if (o instanceof PyDict) return `{${o.used} items}`;
  if (o instanceof PySet) return `${o.ob_type.name}(${o.used} items)`;
  if (o instanceof PyFunction) return `<function ${o.code.qualname}>`;
  if (o instanceof PyType) return `<class '${o.qualname}'>`;
  if (o instanceof PyInstance) return `<${o.ob_type.qualname} object>`;
  return o.shortRepr();
}

// ---------------------------------------------------------------- heap snapshots
//
// Every step describes the whole reachable heap, but from one line to the next almost nothing
// in it changes. So each object's description in the previous step (found by id: ids are
// never reused within a run) is handed out again, the very same object, while everything
// it says is still true: its scalars compare
// equal and its references come out with the same labels and targets (compared one by one as
// they are produced). A 1,000-item list then costs a pass over its items per step, not a
// thousand new references, labels and a new description.

/** The previous step's heap (sorted by id, as every step's is). */
let previousHeap: readonly HeapObjectSnapshot[] = [];
function previousDescription(id: ObjectId): HeapObjectSnapshot | undefined {
  let lo = 0;
  let hi = previousHeap.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = previousHeap[mid]!;
    if (m.id === id) return m;
    if (m.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
let reuseDescriptions = true;
/** Tests compare traces made with and without reuse: they must be identical. */
export function setSnapshotReuse(on: boolean): void {
  reuseDescriptions = on;
}

/** A trace starts and ends with nothing remembered (static objects outlive runs). */
function forgetDescriptions(): void {
  previousHeap = [];
  strKeyLabelCache.clear();
  attrLabelCache.clear();
}

/** Labels depend on an index, a str key or a name only: made once per trace. */
const indexLabels: string[] = [];
function indexLabel(i: number): string {
  while (indexLabels.length <= i) indexLabels.push(`[${indexLabels.length}]`);
  return indexLabels[i]!;
}
const strKeyLabelCache = new Map<string, readonly [key: string, value: string]>();
function strKeyLabels(k: string): readonly [key: string, value: string] {
  let l = strKeyLabelCache.get(k);
  if (l === undefined) {
    l = labelsFor(strRepr(k));
    strKeyLabelCache.set(k, l);
  }
  return l;
}
/** A dict entry's two labels, from its key's repr. */
function labelsFor(keyRepr: string): readonly [key: string, value: string] {
  return [`key ${keyRepr}`, `[${keyRepr}]`];
}
const attrLabelCache = new Map<string, string>();
function attrLabel(name: string): string {
  let l = attrLabelCache.get(name);
  if (l === undefined) {
    l = '.' + name;
    attrLabelCache.set(name, l);
  }
  return l;
}

/**
 * Collects an object's references, handing back the previous step's list (or its Reference
 * objects) while the same labels and targets come out in the same order.
 */
class RefsBuilder {
  private prev: readonly Reference[] = [];
  private out: Reference[] | null = null;
  private n = 0;
  /** Where a followed reference's target goes: the heap walk's queue. */
  follow: (o: PyObject) => void = () => {};

  begin(prev: readonly Reference[] | null): void {
    this.prev = prev ?? [];
    this.out = null;
    this.n = 0;
  }

  /** A reference shown as `label`; `followed`: the snapshot reaches `target` through it. */
  push(label: string, target: PyObject, followed: boolean): void {
    if (followed) this.follow(target);
    const id = target.id;
    const n = this.n++;
    if (this.out === null) {
      const p = this.prev[n];
      if (p !== undefined && p.label === label && p.target === id) return;
      this.out = this.prev.slice(0, n);
    }
    this.out.push({ label, target: id });
  }

  end(): readonly Reference[] {
    if (this.out !== null) return this.out;
    return this.n === this.prev.length ? this.prev : this.prev.slice(0, this.n);
  }
}
const refsBuilder = new RefsBuilder();

/**
 * The references an object shows in the scene, labelled the way a student names them. The
 * snapshot follows each to its target, except a dict's keys when they are all str (what
 * dict_traverse visits: such keys cannot hold anything).
 */
function buildRefs(o: PyObject, b: RefsBuilder): void {
  if (o instanceof PyList || o instanceof PyTuple) {
    const items = o.items;
    for (let i = 0; i < items.length; i++) b.push(indexLabel(i), items[i]!, true);
  } else if (o instanceof PyDict) {
    const followKeys = o.nonStrKeys !== 0;
    for (let i = 0; i < o.ekeys.length; i++) {
      const k = o.ekeys[i];
      if (k === null || k === undefined) continue;
      const [keyLabel, valueLabel] = k instanceof PyStr ? strKeyLabels(k.value) : labelsFor(shortRepr(k));
      b.push(keyLabel, k, followKeys);
      b.push(valueLabel, o.evals[i]!, true);
    }
  } else if (o instanceof PySet) {
    for (const k of o.keysInOrder()) b.push('{}', k, true);
  } else if (o instanceof PyInstance) {
    const store = o.attrs();
    if (o.dict !== null) b.push('__dict__', o.dict, true);
    else if (store !== null) {
      for (let i = 0; i < store.ekeys.length; i++) {
        const k = store.ekeys[i];
        if (k instanceof PyStr) b.push(attrLabel(k.value), store.evals[i]!, true);
      }
    }
    const t = o.ob_type;
    t.slotNames.forEach((n, i) => {
      const v = o.slots[t.slotOffset + i];
      if (v !== null && v !== undefined) b.push(attrLabel(n), v, true);
    });
    b.push('__class__', t, true);
  } else if (o instanceof PyCell) {
    if (o.ref !== null) b.push('cell', o.ref, true);
  } else if (o instanceof PyFunction) {
    if (o.closure instanceof PyTuple) o.closure.items.forEach((c, i) => b.push(`__closure__[${i}]`, c, true));
    if (o.defaults instanceof PyTuple) o.defaults.items.forEach((c, i) => b.push(`__defaults__[${i}]`, c, true));
  } else if (o instanceof PyMethod) {
    b.push('__func__', o.func, true);
    b.push('__self__', o.self, true);
  } else if (o instanceof PyType && o.isHeapType && o.dict instanceof PyDict) {
    const d = o.dict;
    for (let i = 0; i < d.ekeys.length; i++) {
      const k = d.ekeys[i];
      if (!(k instanceof PyStr) || k.value.startsWith('__')) continue;
      b.push(attrLabel(k.value), d.evals[i]!, true);
    }
  } else if (o instanceof PyBaseException) {
    b.push('args', o.args, true);
  } else {
    o.traverse((x) => {
      if (!(x instanceof PyCode) && !(x instanceof PyModule)) b.push('', x, true);
    });
  }
}

/** Modules, built-in functions and built-in types are shown as leaves: never their insides. */
function isLeaf(o: PyObject): boolean {
  return o instanceof PyModule || o instanceof PyCFunction || o instanceof PyCode || (o instanceof PyType && !o.isHeapType);
}

/** An int's, float's or str's repr never changes: its previous description's is still right. */
function reprOf(o: PyObject, prev: HeapObjectSnapshot | undefined): string {
  if (prev !== undefined && (o instanceof PyInt || o instanceof PyFloat || o instanceof PyStr)) return prev.repr;
  return shortRepr(o);
}

const NO_REFS: readonly Reference[] = [];

/** `o` as the step shows it: its previous description when every field is unchanged. */
function describe(o: PyObject): HeapObjectSnapshot {
  const prev = reuseDescriptions ? previousDescription(o.id) : undefined;
  let refs: readonly Reference[] = NO_REFS;
  if (!isLeaf(o)) {
    refsBuilder.begin(prev === undefined ? null : prev.refs);
    buildRefs(o, refsBuilder);
    refs = refsBuilder.end();
  }
  const type = o.ob_type.name;
  const repr = reprOf(o, prev);
  const refcount = o.ob_refcnt;
  const immortal = o.immortal;
  const tracked = o.gcNext !== null;
  const generation = generationOf(o);
  const shared = sharedReason(o);
  if (
    prev !== undefined &&
    prev.refs === refs &&
    prev.type === type &&
    prev.repr === repr &&
    prev.refcount === refcount &&
    prev.immortal === immortal &&
    prev.tracked === tracked &&
    prev.generation === generation &&
    prev.shared === shared
  ) {
    return prev;
  }
  return { id: o.id, type, repr, refcount, immortal, tracked, generation, refs, shared };
}

/** Everything reachable from the frames (names, value stacks, instances being made), by id. */
function heapSnapshot(): HeapObjectSnapshot[] {
  const seen = new Set<number>();
  const queue: PyObject[] = [];
  const add = (o: PyObject): void => {
    if (o.embedded || seen.has(o.id)) return;
    seen.add(o.id);
    queue.push(o);
  };
  refsBuilder.follow = add;
  const frames = currentFrames();
  for (const f of frames) {
    for (const o of f.stack) if (o !== null && o !== undefined) add(o);
    if (f.initOf !== null) add(f.initOf);
    if (f.initArgs !== null) add(f.initArgs);
    if (f.code.usesNameDict) {
      const d = f.locals ?? f.globals;
      for (let i = 0; i < d.ekeys.length; i++) {
        const k = d.ekeys[i];
        if (!(k instanceof PyStr) || HIDDEN_GLOBALS.has(k.value)) continue;
        add(d.evals[i]!);
      }
    } else {
      f.fast.forEach((o, i) => {
        if (o === null || o === undefined) return;
        if (o instanceof PyCell && i >= f.code.varnames.length) {
          if (o.ref !== null) add(o.ref);
        } else add(o);
      });
    }
  }
  // describe() follows each object's references, so the queue grows while it is walked.
  const out: HeapObjectSnapshot[] = [];
  for (let i = 0; i < queue.length; i++) out.push(describe(queue[i]!));
  out.sort((a, b) => a.id - b.id);
  previousHeap = out;
  return out;
}
