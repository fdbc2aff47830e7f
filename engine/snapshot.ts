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
import type { TraceSink, TraceStep, FrameSnapshot, HeapObjectSnapshot, Reference, SharedReason } from './trace';

let sink: TraceSink | null = null;
let pendingLine = 0;
let started = false;

export function startTrace(s: TraceSink | null): void {
  sink = s;
  constantIds.clear();
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

/** The references an object shows in the scene, labelled the way a student names them. */
function refsOf(o: PyObject): Reference[] {
  const out: Reference[] = [];
  if (o instanceof PyList || o instanceof PyTuple) o.items.forEach((x, i) => out.push({ label: `[${i}]`, target: x.id }));
  else if (o instanceof PyDict) {
    for (let i = 0; i < o.ekeys.length; i++) {
      const k = o.ekeys[i];
      if (k === null || k === undefined) continue;
      const kl = k instanceof PyStr ? strRepr(k.value) : shortRepr(k);
      out.push({ label: `key ${kl}`, target: k.id });
      out.push({ label: `[${kl}]`, target: o.evals[i]!.id });
    }
  } else if (o instanceof PySet) o.keysInOrder().forEach((k) => out.push({ label: '{}', target: k.id }));
  else if (o instanceof PyInstance) {
    const store = o.attrs();
    if (o.dict !== null) out.push({ label: '__dict__', target: o.dict.id });
    else if (store !== null) {
      for (let i = 0; i < store.ekeys.length; i++) {
        const k = store.ekeys[i];
        if (k instanceof PyStr) out.push({ label: '.' + k.value, target: store.evals[i]!.id });
      }
    }
    const t = o.ob_type;
    t.slotNames.forEach((n, i) => {
      const v = o.slots[t.slotOffset + i];
      if (v !== null && v !== undefined) out.push({ label: '.' + n, target: v.id });
    });
    out.push({ label: '__class__', target: t.id });
  } else if (o instanceof PyCell) {
    if (o.ref !== null) out.push({ label: 'cell', target: o.ref.id });
  } else if (o instanceof PyFunction) {
    if (o.closure instanceof PyTuple) o.closure.items.forEach((c, i) => out.push({ label: `__closure__[${i}]`, target: c.id }));
    if (o.defaults instanceof PyTuple) o.defaults.items.forEach((c, i) => out.push({ label: `__defaults__[${i}]`, target: c.id }));
  } else if (o instanceof PyMethod) {
    out.push({ label: '__func__', target: o.func.id });
    out.push({ label: '__self__', target: o.self.id });
  } else if (o instanceof PyType && o.isHeapType && o.dict instanceof PyDict) {
    const d = o.dict;
    for (let i = 0; i < d.ekeys.length; i++) {
      const k = d.ekeys[i];
      if (!(k instanceof PyStr) || k.value.startsWith('__')) continue;
      out.push({ label: '.' + k.value, target: d.evals[i]!.id });
    }
  } else if (o instanceof PyBaseException) {
    out.push({ label: 'args', target: o.args.id });
  } else {
    o.traverse((x) => {
      if (!(x instanceof PyCode) && !(x instanceof PyModule)) out.push({ label: '', target: x.id });
    });
  }
  return out;
}

function heapSnapshot(): HeapObjectSnapshot[] {
  const seen = new Map<number, PyObject>();
  const queue: PyObject[] = [];
  /** Modules, built-in functions and built-in types are shown as leaves: never their insides. */
  const isLeaf = (o: PyObject): boolean => o instanceof PyModule || o instanceof PyCFunction || o instanceof PyCode || (o instanceof PyType && !o.isHeapType);
  const add = (o: PyObject): void => {
    if (seen.has(o.id) || o.embedded) return;
    seen.set(o.id, o);
    queue.push(o);
  };
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
  const out: HeapObjectSnapshot[] = [];
  for (let i = 0; i < queue.length; i++) {
    const o = queue[i]!;
    const refs = isLeaf(o) ? [] : refsOf(o);
    for (const r of refs) {
      const t = findById(o, r.target);
      if (t !== null) add(t);
    }
    out.push({
      id: o.id,
      type: o.ob_type.name,
      repr: shortRepr(o),
      refcount: o.ob_refcnt,
      immortal: o.immortal,
      tracked: o.gcNext !== null,
      generation: generationOf(o),
      refs,
      shared: sharedReason(o),
    });
  }
  out.sort((a, b) => a.id - b.id);
  return out;
}

/** The referent with `id` among `o`'s references. */
function findById(o: PyObject, id: number): PyObject | null {
  let found: PyObject | null = null;
  const check = (x: PyObject): void => {
    if (x.id === id) found = x;
  };
  if (o instanceof PyInstance) {
    const store = o.attrs();
    if (store !== null) store.traverse(check);
    if (o.dict !== null) check(o.dict);
    for (const s of o.slots) if (s !== null) check(s);
    check(o.ob_type);
    return found;
  }
  if (o instanceof PyDict) {
    o.traverse(check);
    return found;
  }
  if (o instanceof PyFunction) {
    if (o.closure !== null) o.closure.traverse(check);
    if (o.defaults !== null) o.defaults.traverse(check);
    return found;
  }
  if (o instanceof PyType && o.dict !== null) {
    o.dict.traverse(check);
    return found;
  }
  o.traverse(check);
  return found;
}
