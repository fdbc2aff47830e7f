// An executing frame (Include/internal/pycore_frame.h's _PyInterpreterFrame): the code, its
// fast locals ("localsplus": arguments and locals, then cells, then free variables), the
// value stack, the try-block stack, and the link to the caller.
//
// Every slot of `fast` and `stack` owns a reference, as in CPython: that is what makes a
// value being passed, iterated or returned visible to sys.getrefcount.

import { PyObject, decref, incref, xdecref, type Visit } from './objects/object';
import { PyType } from './objects/type';
import type { PyCode, PyFunction } from './objects/function';
import type { PyDict } from './objects/dict';

export class Frame {
  readonly fast: (PyObject | null)[];
  stack: (PyObject | null)[] = [];
  pc = 0;
  /** Try blocks: pairs of (handler pc, stack depth to unwind to). */
  blocks: number[] = [];
  back: Frame | null = null;
  /** The line of the last line event in this frame. */
  lastLine = -1;
  /** Set while the frame runs inside a generator (the generator object owns the frame). */
  generator: PyObject | null = null;
  /** The PyFrameObject made for a traceback (or frame introspection), if any. */
  frameObject: PyFrameObject | null = null;
  /** The frame has returned (its locals belong to its frame object, if one exists). */
  finished = false;
  /** Depth in the Python call stack (for RecursionError). */
  depth = 0;
  /** A JUMP_BACKWARD just ran: the next line start is a line event even on the same line. */
  jumpedBack = false;
  /** Stack slots of the call in progress (callable, self, arguments) to drop when it returns. */
  pendingCallSlots = 0;
  /**
   * The frame holds its own reference to `func` (a call from native code). A call from the
   * evaluation loop borrows the caller's stack slot instead, as CPython's frames do.
   */
  ownsFunc = true;
  /** An __init__ run by a class call: the instance being made (owned) and the packed arguments. */
  initOf: PyObject | null = null;
  initArgs: PyObject | null = null;
  /** The frame's memory has been accounted as freed (zombie or allocator). */
  private released = false;

  constructor(
    readonly code: PyCode,
    /** The function being run (owned), null for module code and class bodies run by __build_class__. */
    public func: PyFunction | null,
    public globals: PyDict,
    public builtins: PyDict,
    /** Module and class bodies: the namespace dict (owned). */
    public locals: PyDict | null,
  ) {
    this.fast = new Array<PyObject | null>(code.nlocalsplus).fill(null);
    frameCreated(code);
  }

  /** Release what the frame owns (_PyFrame_Clear): locals first, then the stack, then func. */
  clear(): void {
    if (!this.released) {
      this.released = true;
      frameReleased(this.code);
    }
    const f = this.fast;
    for (let i = 0; i < f.length; i++) {
      const o = f[i];
      if (o !== null && o !== undefined) {
        f[i] = null;
        decref(o);
      }
    }
    const s = this.stack;
    this.stack = [];
    for (const o of s) xdecref(o);
    const loc = this.locals;
    this.locals = null;
    if (loc !== null) decref(loc);
    const fn = this.func;
    this.func = null;
    if (fn !== null && this.ownsFunc) decref(fn);
    const init = this.initOf;
    this.initOf = null;
    if (init !== null) decref(init);
    const ia = this.initArgs;
    this.initArgs = null;
    if (ia !== null) decref(ia);
  }

  visitOwned(visit: Visit): void {
    for (const o of this.fast) if (o !== null && o !== undefined) visit(o);
    for (const o of this.stack) if (o !== null && o !== undefined) visit(o);
    if (this.locals !== null) visit(this.locals);
  }
}

/**
 * 3.10's frames are GC objects: the first call of a code object allocates one (gen0 count + 1)
 * and keeps it as the code's "zombie" frame when the call returns; the next call reuses it.
 */
let frameCreated: (code: PyCode) => void = () => {};
let frameReleased: (code: PyCode) => void = () => {};
export function setFrameAccounting(created: (code: PyCode) => void, released: (code: PyCode) => void): void {
  frameCreated = created;
  frameReleased = released;
}

/**
 * PyFrameObject: made lazily (3.11+) when a traceback needs the frame. Once the frame has
 * returned, the frame object owns its locals, so a saved traceback keeps them alive.
 */
export class PyFrameObject extends PyObject {
  constructor(readonly frame: Frame) {
    super(FrameType);
  }
  shortRepr(): string {
    return `<frame ${this.frame.code.name}>`;
  }
  traverse(visit: Visit): void {
    if (this.frame.finished) this.frame.visitOwned(visit);
  }
  clear(): void {
    if (this.frame.finished) this.frame.clear();
  }
  release(): void {
    this.frame.frameObject = null;
    if (this.frame.finished) this.frame.clear();
  }
}

export const FrameType = new PyType({ name: 'frame', isGC: true, basicsize: 64 });

/** A traceback entry (Python/traceback.c): holds the next entry and the frame. */
export class PyTraceback extends PyObject {
  constructor(
    readonly next: PyTraceback | null,
    readonly frameObj: PyFrameObject,
    readonly line: number,
  ) {
    super(TracebackType);
  }
  shortRepr(): string {
    return '<traceback>';
  }
  traverse(visit: Visit): void {
    if (this.next !== null) visit(this.next);
    visit(this.frameObj);
  }
  release(): void {
    xdecref(this.next);
    decref(this.frameObj);
  }
}

export const TracebackType = new PyType({ name: 'traceback', isGC: true, basicsize: 48 });

export function frameObjectOf(f: Frame, allocHook: (o: PyObject) => void): PyFrameObject {
  if (f.frameObject === null) {
    f.frameObject = new PyFrameObject(f);
    allocHook(f.frameObject);
  }
  return incref(f.frameObject);
}
